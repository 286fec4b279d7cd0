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
    /// A chart or diagram as a self-contained SVG document.
    public var svg: String?
    /// A table's cells, for the site to lay out (and escape) as HTML.
    public var table: Table?
    /// A chart drawn with Braille dots and ANSI colours, for `lecture run`.
    public var terminal: String?

    public init(kind: Kind, text: String, svg: String? = nil, table: Table? = nil, terminal: String? = nil) {
        self.kind = kind
        self.text = text
        self.svg = svg
        self.table = table
        self.terminal = terminal
    }
}

/// A table a cell showed: optional column titles, rows of cells as text, and
/// whether each column holds numbers (which are aligned right).
public struct Table: Codable, Equatable, Sendable {
    public var title: String?
    public var header: [String]?
    public var rows: [[String]]
    public var numericColumns: [Bool]

    public init(title: String? = nil, header: [String]? = nil, rows: [[String]], numericColumns: [Bool]) {
        self.title = title
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
    }
}
