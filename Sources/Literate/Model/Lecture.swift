/// A fenced block's place in its file (1-based lines): the opening fence, its
/// last line (the closing fence, or its last line of content when the end of its
/// block quote, list item or file closes it, as cmark allows), and what opens
/// each further line inside its containers.
public struct FenceSpan: Equatable, Sendable {
    public var openLine: Int
    /// The closing fence's line, or the block's last line when it has none.
    public var closeLine: Int
    /// Byte column of the opening fence's first backtick or tilde.
    public var column: Int
    /// Whether a closing fence ends the block.
    public var isClosed: Bool
    /// What a line added inside the block's containers starts with: the opening
    /// line's text before the fence, with list markers and tabs turned into
    /// spaces and a space after each `>` (`""` at top level, `"> "` in a block
    /// quote, `"   "` in a list item).
    public var containerPrefix: String
    /// The opening run of backticks or tildes, which a closing fence repeats.
    public var marker: String

    public init(openLine: Int, closeLine: Int, column: Int, isClosed: Bool = true, containerPrefix: String = "", marker: String = "```") {
        self.openLine = openLine
        self.closeLine = closeLine
        self.column = column
        self.isClosed = isClosed
        self.containerPrefix = containerPrefix
        self.marker = marker
    }

    /// The first line of the fence's content.
    public var firstContentLine: Int { openLine + 1 }
}

/// The output recorded under a cell in an `output` fence.
public struct RecordedOutput: Equatable, Sendable {
    public var text: String
    public var fence: FenceSpan
}

/// A `swift` fence: code that runs in order with the chapter's other cells.
public struct Cell: Equatable, Sendable {
    /// 0-based position among the chapter's cells.
    public var index: Int
    public var options: CellOptions
    public var code: String
    public var fence: FenceSpan
    public var recorded: RecordedOutput?
    /// Its `// Prints` comments, which `verify` checks.
    public var printsComments: [PrintsComment] = []
}

/// A value cited in prose, `{{expression: recorded value}}`: the expression is
/// Swift, evaluated once all cells have run; the recorded value is what the
/// Markdown shows and what `verify` checks.
public struct Citation: Equatable, Sendable {
    /// 0-based position among the chapter's citations, in document order.
    public var index: Int
    public var expression: String
    /// The value as recorded in the source, if any (`{{y}}` has none yet).
    public var recorded: String?
    public var location: SourceLocation
    /// The whole `{{...}}` as offsets into the file's bytes as written.
    public var byteRange: Range<Int>
    /// The recorded value's bytes in the file, or, when there is none, the offset
    /// just after the expression, where `bless` writes `: value`.
    public var valueBytes: Range<Int>
    /// Whether it stands inside a formula.
    public var inFormula: Bool
}

extension Citation {
    /// What the citation shows: the run's value `actual` written like the
    /// recorded one (same decimals, or same significant digits in scientific
    /// notation), or with six significant digits when nothing was recorded. Text
    /// that is not a number as `verify` reads one (`0x1F`, `1.`) stays as it is,
    /// and so does a number a `Double` cannot hold (a whole number of more than
    /// 15 digits, `1e400`); without a run, the recorded value, else the expression.
    public func shown(_ actual: String?) -> String {
        guard let actual else { return recorded ?? expression }
        guard let read = RecordedNumber(actual), !read.needsDigits else { return actual }
        let number = read.value
        if let recorded, let previous = RecordedNumber(recorded) { return previous.formatting(number) }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(format: "%.6g", number)
    }
}

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
