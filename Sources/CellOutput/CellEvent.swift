/// What a running chapter program tells the runner, on a channel of its own.
///
/// The program's standard output holds what its cells print, nothing else; the
/// events go to the file that `LECTURE_EVENTS` names (see ``EventRecord``), each
/// with the offset its standard output had reached, so the runner knows which
/// printed bytes belong to which cell and where a display stands among them.
/// Nothing a cell prints can shift, forge or hide an event.
public enum CellEvent: Codable, Equatable, Sendable {
    /// Cell `index` (0-based among the chapter's cells) starts running.
    case cellStarted(index: Int)
    /// A cell showed a table or a figure.
    case display(Display)
    /// The value of the prose citation `index` (0-based in the chapter), printed
    /// with full precision; evaluated once every cell has run.
    case citation(index: Int, value: String)
    /// The `// Prints` comment `index` of the chapter is reached: what was
    /// printed since the previous one (or the cell's start) is its output.
    case checkpoint(index: Int)
    /// A `check` of exercise `name` ran.
    case check(exercise: String, passed: Bool, message: String)
    /// A parameter given to the run is not a value of its type; the program
    /// stopped.
    case parameterRejected(name: String, value: String, type: String)
    /// The program reached its end.
    case chapterEnded
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
