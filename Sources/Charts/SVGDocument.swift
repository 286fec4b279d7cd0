import Escaping
/// The frame every figure's SVG shares: the root element with its `viewBox`
/// and accessibility attributes, `<title>` and `<desc>`, and the stylesheet.
struct SVGDocument {
    var width: Double
    var height: Double
    /// What screen readers announce first: the figure's title.
    var title: String
    /// What screen readers announce next: the figure's summary.
    var description: String
    /// The prefix of every id in the document, or `nil` to derive one from a
    /// hash of the document itself.
    var id: String?

    /// The whole document around `body`, which is given the id prefix to name
    /// anything it defines (`<prefix>-clip0`, …).
    func render(body: (_ id: String) -> String) -> String {
        if let id {
            let safe = Self.cssIdentifier(id)
            return assemble(id: safe, body: body(safe))
        }
        let draft = assemble(id: "c", body: body("c"))
        let derived = "c" + StableHash.hex(draft)
        return assemble(id: derived, body: body(derived))
    }

    private func assemble(id: String, body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" viewBox="0 0 \(width.svgCoordinate) \(height.svgCoordinate)" \
        style="max-width:\(width.svgCoordinate)px;height:auto" role="img" aria-labelledby="\(id)-t \(id)-d">
        <title id="\(id)-t">\(HTMLEscape.text(title.isEmpty ? "Chart" : title))</title>
        <desc id="\(id)-d">\(HTMLEscape.text(description))</desc>
        <style>\(Stylesheet.css(id: id))</style>
        \(body)</svg>

        """
    }

    /// `id` with every character that may not stand in a CSS identifier
    /// replaced by `-`, and a leading `c` if it would start with a digit.
    static func cssIdentifier(_ id: String) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return safe.first.map { $0.isLetter || $0 == "_" } == true ? safe : "c" + safe
    }
}
