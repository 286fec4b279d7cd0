import Foundation

/// A fenced block's lines in its file (1-based): the opening fence, the closing
/// fence, and the content between them.
public struct FenceSpan: Equatable, Sendable {
    public var openLine: Int
    /// The line of the closing fence.
    public var closeLine: Int
    /// Column of the opening fence's first backtick or tilde.
    public var column: Int

    public init(openLine: Int, closeLine: Int, column: Int) {
        self.openLine = openLine
        self.closeLine = closeLine
        self.column = column
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
}

/// A value cited in prose, `{{expression: recorded value}}`: the expression is
/// Swift, evaluated once all cells have run; the recorded value is what the
/// Markdown shows and what `verify` checks.
public struct Citation: Equatable, Sendable {
    /// 0-based position among the chapter's citations.
    public var index: Int
    public var expression: String
    /// The value as recorded in the source, if any (`{{y}}` has none yet).
    public var recorded: String?
    public var location: SourceLocation
    /// The whole `{{...}}` as UTF-8 byte offsets into the source.
    public var byteRange: Range<Int>
}

extension Citation {
    /// The run's value `actual` written like the recorded one (same decimals, or
    /// same significant digits in scientific notation), or with six significant
    /// digits when nothing was recorded; text that is not a number stays as it is.
    public func text(for actual: String) -> String {
        guard let number = Double(actual) else { return actual }
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
    public var source: String
    public var cells: [Cell]
    public var citations: [Citation]
    /// The parameters its cells declare, in order of appearance.
    public var parameters: [ParameterDeclaration]
    /// The file name, which recorded compiler and trap messages use.
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
    /// Seconds a run may take, when the chapter sets it with `<!-- lecture timeout=600 -->`.
    public var timeout: Double?
}
