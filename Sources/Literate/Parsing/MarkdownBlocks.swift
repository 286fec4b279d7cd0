import CCmarkGFM

/// The blocks of a Markdown document that the runner cares about, read by
/// cmark-gfm with source positions. This is the one place in `Literate` that holds
/// cmark pointers; they never leave `MarkdownBlocks.init`.
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
        /// The index of the block among its parent's children, and the parent's
        /// identity, so "the block right after" can be told apart from "a later block".
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

    init(parsing source: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        collect(root, parentID: 0)
    }

    private mutating func collect(_ parent: OpaquePointer, parentID: Int) {
        var child = cmark_node_first_child(parent)
        var index = 0
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK {
                var length: Int32 = 0, offset: Int32 = 0
                var character: CChar = 0
                let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
                codeBlocks.append(CodeBlock(
                    info: string(cmark_node_get_fence_info(node)),
                    literal: string(cmark_node_get_literal(node)),
                    startLine: Int(cmark_node_get_start_line(node)),
                    endLine: Int(cmark_node_get_end_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node)),
                    isFenced: fenced,
                    fenceLength: Int(length),
                    fenceCharacter: Character(UnicodeScalar(UInt8(bitPattern: character))),
                    siblingPosition: (parentID, index)
                ))
            } else if type == CMARK_NODE_HEADING {
                headings.append(Heading(
                    level: Int(cmark_node_get_heading_level(node)),
                    text: plainText(of: node),
                    line: Int(cmark_node_get_start_line(node))
                ))
            } else if type == CMARK_NODE_HTML_BLOCK {
                htmlBlocks.append(HTMLBlock(literal: string(cmark_node_get_literal(node)), line: Int(cmark_node_get_start_line(node))))
            }
            if cmark_node_first_child(node) != nil {
                collect(node, parentID: Int(bitPattern: UnsafeRawPointer(node)))
            }
            child = cmark_node_next(node)
            index += 1
        }
    }

    /// The concatenated text and inline code of a node's descendants.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += string(cmark_node_get_literal(current))
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
