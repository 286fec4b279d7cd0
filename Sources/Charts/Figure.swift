/// Anything a lecture cell can `show(...)` as a picture.
///
/// A figure renders itself twice: as an SVG document for the site, and as one
/// line of text for the lecture's recorded output, so that a changed curve is
/// caught as changed numbers when a lecture is verified.
public protocol Figure: Sendable {
    /// A self-contained SVG document (no XML prolog) with a `viewBox`, no
    /// fixed width, and ink that follows the page's text colour.
    func svg() -> String

    /// One line summarising the data: the title, then each part's name, point
    /// count and value ranges, e.g.
    /// `chart "Sigmoid": line "σ(z)" 50 points, x ∈ [-5, 5], y ∈ [0.00669285, 0.993307]`.
    /// Numbers carry six significant digits, so float noise below that does not
    /// change it.
    var summary: String { get }
}
