/// A chapter: one Markdown file of the course, parsed.
public struct Lecture: Sendable {
    /// The path used in diagnostics and in `#sourceLocation`.
    public var path: String
    /// The file name without `.md`, e.g. `01-artificial-neuron`.
    public var id: String
    /// The number its file name starts with, if any.
    public var number: Int?
    /// The text of its first level-1 heading.
    public var title: String
    /// The file as written.
    public var text: SourceText
    /// The document as cmark read it, with each cell's code block marked as
    /// `.cell(index)` and each recorded output fence as `.recordedOutput(cell:)`.
    public var document: MarkdownNode
    public var cells: [Cell]
    public var citations: [Citation]
    /// The parameters its cells declare, in order of appearance.
    public var parameters: [ParameterDeclaration]
    /// What the chapter's `<!-- lecture ... -->` comment sets.
    public var settings: ChapterSettings

    /// The text with every line ended by `\n`.
    public var source: String { text.normalized }

    /// The file name, which recorded compiler and trap messages use.
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
