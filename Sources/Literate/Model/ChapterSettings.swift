/// What a chapter sets in an HTML comment of its own, anywhere in its prose:
///
/// ```markdown
/// <!-- lecture timeout=600 inputs=data/iris.csv,data/*.json imports=ComplexModule -->
/// ```
public struct ChapterSettings: Equatable, Sendable {
    /// Seconds a run may take (`timeout=SECONDS`).
    public var timeout: Double?
    /// Files the chapter's cells read, as paths or `*` patterns relative to the
    /// lecture's folder (`inputs=`): their contents are part of the run's cache
    /// key, so a changed data file runs the chapter again.
    public var inputs: [String] = []
    /// Modules every cell of this chapter imports besides the course's (`imports=`).
    public var imports: [String] = []

    public init() {}

    static let names = ["timeout", "inputs", "imports"]
}
