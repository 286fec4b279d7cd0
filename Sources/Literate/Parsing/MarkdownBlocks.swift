/// The blocks of a Markdown document that the runner cares about, in document
/// order, read from the ``MarkdownTree`` of the source.
struct MarkdownBlocks {
    struct CodeBlock {
        var info: String
        var literal: String
        /// 1-based lines of the opening and closing fence (the closing line is the
        /// last line of the document when the fence is never closed).
        var startLine: Int
        var endLine: Int
        var startColumn: Int
        var isFenced: Bool
        var fenceLength: Int
        var fenceCharacter: Character
        /// The block's parent and its index among the parent's children, so "the
        /// block right after" can be told apart from "a later block".
        var siblingPosition: (parent: Int, index: Int)
    }

    struct Heading {
        var level: Int
        var text: String
        var line: Int
    }

    struct HTMLBlock {
        var literal: String
        var line: Int
    }

    var codeBlocks: [CodeBlock] = []
    var headings: [Heading] = []
    var htmlBlocks: [HTMLBlock] = []
    /// The number of parents seen so far, which names each parent.
    private var parents = 0

    init(parsing source: String) {
        collect(MarkdownTree.parse(source))
    }

    private mutating func collect(_ parent: MarkdownNode) {
        parents += 1
        let parentID = parents
        for (index, node) in parent.children.enumerated() {
            switch node.kind {
            case .codeBlock(let info, let literal):
                codeBlocks.append(CodeBlock(
                    info: info, literal: literal, startLine: node.line, endLine: node.endLine, startColumn: node.column,
                    isFenced: node.fence != nil, fenceLength: node.fence?.length ?? 0,
                    fenceCharacter: node.fence?.character ?? "`", siblingPosition: (parentID, index)))
            case .heading(let level):
                headings.append(Heading(level: level, text: node.plainText, line: node.line))
            case .htmlBlock(let literal):
                htmlBlocks.append(HTMLBlock(literal: literal, line: node.line))
            default:
                break
            }
            if !node.children.isEmpty { collect(node) }
        }
    }
}
