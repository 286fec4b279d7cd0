import CCmarkGFM

/// Reads Markdown with cmark-gfm and its GitHub extensions (tables,
/// strikethrough, autolinks, task lists) into ``MarkdownNode`` values.
///
/// This is the one file that holds cmark pointers (the lecture parser and the
/// site both read its values): they never leave ``parse(_:)``, and the tree is
/// freed before it returns.
public enum MarkdownTree {
    public static func parse(_ source: String) -> MarkdownNode {
        let empty = MarkdownNode(kind: .document, children: [], line: 1, column: 1, endLine: 1)
        // Without this, cmark_find_syntax_extension finds nothing and tables are
        // silently read as paragraphs.
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE) else { return empty }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return empty }
        defer { cmark_node_free(root) }
        return copy(root)
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(copy(current))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind: kind(of: node), children: children,
                            line: Int(cmark_node_get_start_line(node)),
                            column: Int(cmark_node_get_start_column(node)),
                            endLine: Int(cmark_node_get_end_line(node)),
                            fence: fence(of: node))
    }

    /// The opening fence of a fenced code block.
    private static func fence(of node: OpaquePointer) -> MarkdownNode.Fence? {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { return nil }
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
        return MarkdownNode.Fence(length: Int(length), character: Character(UnicodeScalar(UInt8(bitPattern: character))))
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            // The task list extension keeps the item's type and names it "tasklist".
            let isTask = string(cmark_node_get_type_string(node)) == "tasklist"
            return .item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    /// The kinds the GitHub extensions add, which have no fixed type constants.
    private static func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            guard let alignments = cmark_gfm_extensions_get_table_alignments(node) else {
                return .table(alignments: Array(repeating: .none, count: columns))
            }
            return .table(alignments: (0..<columns).map { column in
                switch alignments[column] {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            })
        case "table_header": return .tableRow(header: true)
        case "table_row": return .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .other(name)
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
