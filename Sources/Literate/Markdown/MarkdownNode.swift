/// A node of a Markdown document as cmark-gfm read it, copied into a Swift value
/// with its place in the source. ``MarkdownTree`` builds these; nothing else
/// sees cmark: the lecture parser and the site both walk these values.
public struct MarkdownNode: Sendable {
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether it is ticked.
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [Alignment])
        case tableRow(header: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A node of a kind the site does not know; its children are still rendered.
        case other(String)
    }

    /// How a fenced code block is fenced: its opening run of backticks or tildes.
    public struct Fence: Sendable, Equatable {
        public var length: Int
        public var character: Character
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// 1-based line and column (in bytes) where the node starts, and its last
    /// line; 0 when cmark does not know.
    public var line: Int
    public var column: Int
    public var endLine: Int
    /// The fence of a fenced code block; nil for every other node.
    public var fence: Fence?

    public init(kind: Kind, children: [MarkdownNode], line: Int, column: Int, endLine: Int, fence: Fence? = nil) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine
        self.fence = fence
    }

    /// Calls `body` for this node and each descendant, in document order.
    public func visit(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// The text of the node's descendants, with inline code, as plain text.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
