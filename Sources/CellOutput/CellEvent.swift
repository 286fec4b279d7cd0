/// What a running chapter program tells the runner, besides the text its cells print.
///
/// A chapter program writes everything to standard output. Plain text is what the
/// cells print; an event is one line that starts with ``CellEvent/marker`` followed by
/// the event's JSON. Events and text share one stream, so their order is the order
/// in which the cells produced them.
public enum CellEvent: Codable, Equatable, Sendable {
    /// Cell `index` (0-based among the chapter's cells) starts running.
    case cellStarted(index: Int)
    /// A cell showed a table or a figure.
    case display(Display)
    /// The value of the prose citation `index` (0-based in the chapter), printed
    /// with full precision; evaluated where the citation stands in the lecture.
    case citation(index: Int, value: String)

    /// The first character of an event line: ASCII record separator, which cell
    /// text never starts a line with in practice.
    public static let marker: Character = "\u{1E}"
}

/// A table or figure that a cell showed.
public struct Display: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case table, chart, diagram
    }

    public var kind: Kind
    /// The recorded form: a table as aligned text, a chart or diagram as a one-line
    /// summary of its data.
    public var text: String
    /// The published form: an HTML `<table>` or an inline `<svg>` document.
    public var html: String

    public init(kind: Kind, text: String, html: String) {
        self.kind = kind
        self.text = text
        self.html = html
    }
}
