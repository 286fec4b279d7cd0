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
