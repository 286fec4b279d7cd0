/// A place in a lecture's source as cmark counts it: 1-based line, and 1-based
/// column in bytes of that line.
public struct SourcePoint: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePoint, b: SourcePoint) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The source a node was read from: its first and last character (0 when cmark
/// does not know, as for some inline nodes).
public struct SourceRange: Hashable, Sendable {
    public var start: SourcePoint
    public var end: SourcePoint

    public init(start: SourcePoint, end: SourcePoint) {
        self.start = start
        self.end = end
    }
}

/// A node of a lecture as cmark-gfm read it, copied into a Swift value with its
/// place in the source. ``MarkdownTree`` builds these and ``LectureParser``
/// marks the cells in them; every later stage (the site, its search index)
/// walks these values and never parses again.
public struct MarkdownNode: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    /// GitHub's alert blocks, `> [!NOTE]` and its kin.
    public enum AlertKind: String, Sendable, Equatable, CaseIterable {
        case note, tip, important, warning, caution
    }

    /// A piece of a formula's TeX: text as written, or a citation whose value
    /// the run fills in.
    public enum MathPiece: Sendable, Equatable {
        case tex(String)
        case citation(Int)
    }

    /// A code block: its info string, its text, and its fence when it is fenced.
    public struct CodeBlock: Sendable, Equatable {
        public var info: String
        public var literal: String
        public var fence: Fence?
    }

    /// How a fenced code block is fenced: its opening run of backticks or tildes,
    /// and whether a closing fence ends it (rather than the end of its container).
    public struct Fence: Sendable, Equatable {
        public var length: Int
        public var character: Character
        public var isClosed: Bool
    }

    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        /// A block quote that opens with `[!NOTE]` (or TIP, IMPORTANT, WARNING,
        /// CAUTION) on a line of its own; the marker is not among its children.
        case alert(AlertKind)
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether it is ticked.
        case item(task: Bool?)
        case codeBlock(CodeBlock)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [Alignment])
        case tableRow(header: Bool)
        case tableCell
        /// A footnote's text, `[^label]: ...`: its label as cmark writes it in
        /// an `id` (percent-encoded), and how many references it has.
        case footnoteDefinition(label: String, references: Int)
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
        /// A reference to a footnote, `[^label]`: the note's number, its label
        /// as written in an `id`, and which reference to the note it is (1 for
        /// the first, in the order cmark counts them).
        case footnoteReference(number: Int, label: String, occurrence: Int)
        /// A formula, `$…$` or `$$…$$`.
        case math(pieces: [MathPiece], display: Bool)
        /// A prose citation, `{{expression: value}}`: the index of its ``Citation``.
        case citation(Int)
        /// A reference to a numbered figure or table, `@fig-loss`: its label.
        case crossReference(label: String)
        /// A `swift` fence: the index of its ``Cell`` (set by the lecture parser).
        case cell(Int)
        /// The `output` fence recorded under cell `index` (set by the lecture parser).
        case recordedOutput(cell: Int)
        /// A node of a kind this tool does not know; its children are still walked.
        case other(String)
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    public var range: SourceRange

    public init(kind: Kind, children: [MarkdownNode] = [], range: SourceRange) {
        self.kind = kind
        self.children = children
        self.range = range
    }

    /// The first line of the node in the source.
    public var line: Int { range.start.line }

    /// Calls `body` for this node and each descendant, in document order.
    public func visit(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// The node with `transform` applied to it and then to each descendant, in
    /// document order; `transform` may replace a node's kind and children.
    func rewritten(_ transform: (inout MarkdownNode) -> Void) -> MarkdownNode {
        var node = self
        transform(&node)
        node.children = node.children.map { $0.rewritten(transform) }
        return node
    }

    /// Whether the node is a block (it holds blocks or inlines) rather than an inline.
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .alert, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
             .table, .tableRow, .tableCell, .footnoteDefinition, .cell, .recordedOutput: true
        default: false
        }
    }
}
