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
    /// The caption the site writes under a figure or over a table, after its
    /// number ("Figure 2."); for a table it replaces the table's title.
    public var caption: String?
    /// The name prose refers to it by, `fig-…` for a chart or diagram, `tbl-…`
    /// for a table: `@fig-loss` in the text becomes a link "Figure 2".
    public var label: String?

    public init(kind: Kind, text: String, svg: String? = nil, table: Table? = nil, terminal: String? = nil,
                caption: String? = nil, label: String? = nil) {
        self.kind = kind
        self.text = text
        self.svg = svg
        self.table = table
        self.terminal = terminal
        self.caption = caption
        self.label = label
    }

    /// Whether the site numbers it: a display with a caption or a label is.
    public var isNumbered: Bool { caption != nil || label != nil }

    /// What follows its number: a figure's caption, a table's title (a
    /// table's caption is its title).
    public var numberedCaption: String? { kind == .table ? table?.title : caption }

    /// Its text with its number, `name` ("Figure 2"), written over the caption
    /// line (the first, when it has one) as the site writes it: "Figure 2. The
    /// loss", or "Figure 2" alone for an empty caption or none; `style` sets
    /// the number apart (bold on a terminal).
    public func text(numbered name: String, style: (String) -> String = { $0 }) -> String {
        guard let caption = numberedCaption, text.hasPrefix(caption + "\n") else { return style(name) + "\n" + text }
        let number = caption.isEmpty ? style(name) : style(name + ".") + " " + caption
        return number + "\n" + text.dropFirst(caption.count + 1)
    }

    /// The prefix a label must have for a display of `kind`.
    public static func labelPrefix(of kind: Kind) -> String {
        kind == .table ? "tbl-" : "fig-"
    }

    /// Whether `label` can name a display of `kind`: its prefix, then letters,
    /// digits, `-` and `_`, ending with a letter or digit, as prose writes it
    /// after `@`.
    public static func isLabel(_ label: String, of kind: Kind) -> Bool {
        let prefix = labelPrefix(of: kind)
        guard label.hasPrefix(prefix), label.utf8.count > prefix.utf8.count else { return false }
        let allowed = label.utf8.allSatisfy { $0 < 0x80 && (isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")) }
        return allowed && label.utf8.last.map(isAlphanumeric) == true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
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
