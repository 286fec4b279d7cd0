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
