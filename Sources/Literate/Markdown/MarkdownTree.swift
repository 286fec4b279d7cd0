import CCmarkGFM
import Foundation
import Synchronization

/// A citation as written in the source, before the lecture parser reads its
/// expression and recorded value.
public struct CitationSite: Sendable, Equatable {
    /// The whole `{{…}}`, or `{{` alone when nothing closes it on its line.
    public var text: String
    /// Where it starts, as cmark's inline parser counted (the column is in bytes).
    public var point: SourcePoint
    public var isClosed: Bool
}

/// Reads Markdown with cmark-gfm, GitHub's extensions (tables, strikethrough,
/// autolinks, task lists, footnotes) and the lecture's formulas and citations
/// (``InlineExtensions``) into ``MarkdownNode`` values, with GitHub's alert blocks
/// recognised in block quotes.
///
/// This file and ``InlineExtensions`` are the only code that holds cmark
/// pointers: they never leave ``parse(_:)``, and the tree is freed before it
/// returns.
public enum MarkdownTree {
    /// The document, and the citations in document order (those inside formulas
    /// included): `.citation(i)` nodes and formula pieces name `citations[i]`.
    public struct Parsed: Sendable {
        public var root: MarkdownNode
        public var citations: [CitationSite]
        /// Where the document first nests deeper than ``maximumDepth``, if it
        /// does; the root is then empty.
        public var tooDeep: SourcePoint? = nil
    }

    /// How deep blocks and inlines may nest (the document counts as one level).
    /// Every stage walks the tree by recursion, and a line of a thousand `> `
    /// would exhaust a thread's stack; no lecture comes near this depth.
    public static let maximumDepth = 100

    static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// One parse at a time: cmark-gfm's inline parser keeps the special
    /// characters of extensions (`~`, `$`, `{`) in one process-wide table, which
    /// each parse sets before reading inlines and clears after, so two parses on
    /// two threads would each clear the other's. The lock is the one piece of
    /// process-wide state of this file, as the table is cmark's.
    private static let parsing = Mutex(())

    /// Parses `source`, whose lines end with `\n` (the lecture parser turns other
    /// line endings into it first).
    public static func parse(_ source: String) -> Parsed {
        parsing.withLock { _ in parseAlone(source) }
    }

    private static func parseAlone(_ source: String) -> Parsed {
        let empty = MarkdownNode(kind: .document, range: SourceRange(start: SourcePoint(line: 1, column: 1), end: SourcePoint(line: 1, column: 1)))
        guard let parser = cmark_parser_new(parseOptions) else { return Parsed(root: empty, citations: []) }
        let attached = InlineExtensions.attach(to: parser)
        defer {
            cmark_parser_free(parser)
            attached.free()
        }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return Parsed(root: empty, citations: []) }
        defer { cmark_node_free(root) }
        if let point = firstNodeTooDeep(root) { return Parsed(root: empty, citations: [], tooDeep: point) }
        var copier = Copier()
        let document = copier.copy(root)
        return Parsed(root: Alerts.recognised(in: document), citations: copier.citations)
    }

    /// Where the first node deeper than ``maximumDepth`` starts (or its nearest
    /// ancestor that cmark gave a place), found without recursion.
    private static func firstNodeTooDeep(_ root: OpaquePointer) -> SourcePoint? {
        var node = root, depth = 1
        while true {
            if depth > maximumDepth {
                var placed: OpaquePointer? = node
                while let current = placed, cmark_node_get_start_line(current) == 0 { placed = cmark_node_parent(current) }
                return placed.map { SourcePoint(line: Int(cmark_node_get_start_line($0)), column: Int(cmark_node_get_start_column($0))) }
                    ?? SourcePoint(line: 1, column: 1)
            }
            if let child = cmark_node_first_child(node) {
                node = child
                depth += 1
                continue
            }
            while cmark_node_next(node) == nil {
                guard node != root, let parent = cmark_node_parent(node), parent != root else { return nil }
                node = parent
                depth -= 1
            }
            guard let next = cmark_node_next(node) else { return nil }
            node = next
        }
    }

    /// Copies cmark's tree, numbering citations as they come.
    private struct Copier {
        var citations: [CitationSite] = []

        /// Added to the lines and columns cmark gives the nodes being copied; see ``copy(_:)``.
        private var lineOffset = 0, columnOffset = 0

        mutating func copy(_ node: OpaquePointer) -> MarkdownNode {
            var children: [MarkdownNode] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                // A table that interrupts a paragraph leaves the paragraph's
                // lines before its header row in a new paragraph, which cmark-gfm
                // (0.29.0.gfm.6) places at line 0, its inlines on lines counted
                // from 0 and at columns counted from 0 in its text. The table
                // starts where the paragraph did: lines count from there, and
                // columns from 1 (right at top level; inside a container the
                // citations are still found on their line by their text).
                let split = cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(current) == 0
                    && cmark_node_next(current).map { string(cmark_node_get_type_string($0)) == "table" } ?? false
                let outer = (lineOffset, columnOffset)
                if split, let table = cmark_node_next(current) { (lineOffset, columnOffset) = (Int(cmark_node_get_start_line(table)), 1) }
                children.append(copy(current))
                (lineOffset, columnOffset) = outer
                child = cmark_node_next(current)
            }
            let range = SourceRange(
                start: SourcePoint(line: Int(cmark_node_get_start_line(node)) + lineOffset, column: Int(cmark_node_get_start_column(node)) + columnOffset),
                end: SourcePoint(line: Int(cmark_node_get_end_line(node)) + lineOffset, column: Int(cmark_node_get_end_column(node)) + columnOffset))
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE,
               let content = InlineExtensions.Content(decoding: string(cmark_node_get_literal(node))) {
                let point = SourcePoint(line: content.line + lineOffset, column: content.column + columnOffset)
                return MarkdownNode(kind: lectureKind(content, point: point), range: SourceRange(start: point, end: point))
            }
            return MarkdownNode(kind: kind(of: node), children: children, range: range)
        }

        private mutating func lectureKind(_ content: InlineExtensions.Content, point: SourcePoint) -> MarkdownNode.Kind {
            switch content.flag {
            case "C", "U":
                citations.append(CitationSite(text: content.text, point: point, isClosed: content.flag == "C"))
                return .citation(citations.count - 1)
            case "R":
                return .crossReference(label: content.text)
            default:
                return .math(pieces: pieces(ofTeX: content.text, at: point), display: content.flag == "D")
            }
        }

        /// A formula's TeX cut around the citations written inside it; a citation
        /// in a formula counts its place from the formula's start.
        private mutating func pieces(ofTeX tex: String, at point: SourcePoint) -> [MarkdownNode.MathPiece] {
            let bytes = Array(tex.utf8)
            var pieces: [MarkdownNode.MathPiece] = []
            var position = 0
            let delimiter = 1
            // The line breaks before the citation, counted once over the TeX.
            var newlines = 0, lineStart: Int?
            for range in InlineSyntax.citations(inTeX: bytes) {
                if range.lowerBound > position { pieces.append(.tex(String(decoding: bytes[position..<range.lowerBound], as: UTF8.self))) }
                for offset in position..<range.lowerBound where bytes[offset] == UInt8(ascii: "\n") {
                    newlines += 1
                    lineStart = offset + 1
                }
                let column = lineStart.map { range.lowerBound - $0 + 1 } ?? point.column + delimiter + range.lowerBound
                citations.append(CitationSite(text: String(decoding: bytes[range], as: UTF8.self),
                                              point: SourcePoint(line: point.line + newlines, column: column), isClosed: true))
                pieces.append(.citation(citations.count - 1))
                position = range.upperBound
            }
            if position < bytes.count || pieces.isEmpty { pieces.append(.tex(String(decoding: bytes[position...], as: UTF8.self))) }
            return pieces
        }

        private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
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
                return .codeBlock(MarkdownNode.CodeBlock(info: string(cmark_node_get_fence_info(node)),
                                                         literal: string(cmark_node_get_literal(node)), fence: fence(of: node)))
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                let html = renderedByCmark(node)
                return .footnoteDefinition(label: Self.attribute("id=\"fn-", in: html) ?? "",
                                           references: html.components(separatedBy: "class=\"footnote-backref\"").count - 1)
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
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                let html = renderedByCmark(node)
                let label = Self.attribute("href=\"#fn-", in: html) ?? ""
                let id = Self.attribute("id=\"fnref-", in: html) ?? label
                let occurrence = id.count > label.count ? Int(id.dropFirst(label.count + 1)) ?? 1 : 1
                return .footnoteReference(number: Int(string(cmark_node_get_literal(node))) ?? 0, label: label, occurrence: occurrence)
            default:
                return extensionKind(of: node)
            }
        }

        /// A footnote node as cmark's own HTML renderer writes it. cmark keeps
        /// a note's label, the order of its references and their count in
        /// fields it gives out only there: the site reads them from this HTML.
        private func renderedByCmark(_ node: OpaquePointer) -> String {
            guard let html = cmark_render_html(node, CMARK_OPT_UNSAFE, nil) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }

        /// The value of the attribute whose text starts with `prefix` (the rest
        /// up to the closing quote), in cmark's HTML.
        private static func attribute(_ prefix: String, in html: String) -> String? {
            guard let start = html.range(of: prefix) else { return nil }
            return String(html[start.upperBound...].prefix { $0 != "\"" })
        }

        /// The opening fence of a fenced code block, and whether a fence closes it.
        private func fence(of node: OpaquePointer) -> MarkdownNode.Fence? {
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return nil }
            // cmark gives a block closed by its fence an end line past its content,
            // and so it does a block that the end of its block quote or list item
            // closes: the line that ends the container, after the container's own end.
            let contentLines = string(cmark_node_get_literal(node)).utf8.filter { $0 == UInt8(ascii: "\n") }.count
            let end = cmark_node_get_end_line(node)
            let closed = Int(end) - Int(cmark_node_get_start_line(node)) == contentLines + 1
                && cmark_node_parent(node).map { end <= cmark_node_get_end_line($0) } ?? true
            return MarkdownNode.Fence(length: Int(length), character: Character(UnicodeScalar(UInt8(bitPattern: character))), isClosed: closed)
        }

        /// The kinds the GitHub extensions add, which have no fixed type constants.
        private func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
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
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
