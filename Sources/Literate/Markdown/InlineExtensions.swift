import CCmarkGFM

/// cmark-gfm syntax extensions for the lecture's formulas (`$`), citations
/// (`{`) and cross-references (`@`), so that cmark's own inline parser recognises them once, in prose only,
/// with the rules of ``InlineSyntax``.
///
/// Besides ``MarkdownTree``, this is the one file that holds cmark pointers.
/// The extensions, which carry the state of one parse, are made per parse and
/// freed with it.
///
/// A formula or citation is handed to cmark as an inline HTML node whose text
/// starts with U+0001, which no raw HTML can (it starts with `<`): cmark-gfm's
/// table cells accept only its own inline types, so a node type of the
/// extension's own would be dropped from tables, and cmark numbers such types
/// from a process-wide counter.
enum InlineExtensions {
    /// A node's content, as this file writes and ``MarkdownTree`` reads it: the
    /// line and column where the construct starts, a flag (`D` display formula,
    /// `I` inline formula, `C` citation, `U` unclosed citation, `R`
    /// cross-reference), and its text (a cross-reference's label).
    struct Content {
        var line: Int
        var column: Int
        var flag: Character
        var text: String

        static let separator: Character = "\u{1}"

        var encoded: String { "\(Self.separator)\(line)\(Self.separator)\(column)\(Self.separator)\(flag)\(Self.separator)\(text)" }

        init(line: Int, column: Int, flag: Character, text: String) {
            self.line = line
            self.column = column
            self.flag = flag
            self.text = text
        }

        /// The content of an inline HTML node's literal, or nil for raw HTML.
        init?(decoding string: String) {
            guard string.first == Self.separator else { return nil }
            let parts = string.dropFirst().split(separator: Self.separator, maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let line = Int(parts[0]), let column = Int(parts[1]), let flag = parts[2].first else { return nil }
            self.init(line: line, column: column, flag: flag, text: String(parts[3]))
        }
    }

    /// Where the scans of the block being parsed stopped without a match: a later
    /// opener before that offset cannot match either, which keeps a block with
    /// many unmatched delimiters linear rather than quadratic.
    final class ScanMemo {
        var block: OpaquePointer?
        var inlineDeadBefore = -1
        var citationDeadBefore = -1

        func enter(_ block: OpaquePointer?) {
            guard block != self.block else { return }
            self.block = block
            inlineDeadBefore = -1
            citationDeadBefore = -1
        }
    }

    /// The extensions for one parser, and what frees them.
    struct Attached {
        var extensions: [OpaquePointer]
        var memo: Unmanaged<ScanMemo>

        func free() {
            for pointer in extensions { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), pointer) }
            memo.release()
        }
    }

    /// Makes the extensions and attaches them to `parser`; free them with
    /// ``Attached/free()`` after the parser.
    static func attach(to parser: OpaquePointer) -> Attached {
        cmark_gfm_core_extensions_ensure_registered()
        let memo = Unmanaged.passRetained(ScanMemo())
        var made: [OpaquePointer] = []
        for (name, character, match) in [("lecture-formula", UInt8(ascii: "$"), matchFormula),
                                         ("lecture-citation", UInt8(ascii: "{"), matchCitation),
                                         ("lecture-reference", UInt8(ascii: "@"), matchReference)] {
            guard let syntax = cmark_syntax_extension_new(name) else { continue }
            cmark_syntax_extension_set_match_inline_func(syntax, match)
            let characters = cmark_llist_append(cmark_get_default_mem_allocator(), nil,
                                                UnsafeMutableRawPointer(bitPattern: Int(character)))
            cmark_syntax_extension_set_special_inline_chars(syntax, characters)
            cmark_syntax_extension_set_private(syntax, memo.toOpaque(), nil)
            cmark_parser_attach_syntax_extension(parser, syntax)
            made.append(syntax)
        }
        return Attached(extensions: made, memo: memo)
    }

    /// Reads the inline parser's text with bounds checks: its `peek_at` has none.
    private struct Reader {
        let parser: OpaquePointer

        func byte(_ offset: Int) -> UInt8? {
            cmark_inline_parser_set_offset(parser, Int32(offset))
            return cmark_inline_parser_is_eof(parser) != 0 ? nil : cmark_inline_parser_peek_char(parser)
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: range.map { byte($0) ?? 0 }, as: UTF8.self)
        }
    }

    // cmark calls every inline extension at every special character, whichever
    // extension claimed it: each matcher checks its own.
    private static let matchFormula: cmark_match_inline_func = { syntax, _, parent, character, inline in
        guard character == UInt8(ascii: "$"), let syntax, let inline, let memoPointer = cmark_syntax_extension_get_private(syntax) else { return nil }
        let memo = Unmanaged<ScanMemo>.fromOpaque(memoPointer).takeUnretainedValue()
        memo.enter(parent)
        let start = Int(cmark_inline_parser_get_offset(inline))
        let line = Int(cmark_inline_parser_get_line(inline)), column = Int(cmark_inline_parser_get_column(inline))
        let reader = Reader(parser: inline)
        let inBrackets = cmark_inline_parser_in_bracket(inline, 0) != 0 || cmark_inline_parser_in_bracket(inline, 1) != 0
        if reader.byte(start + 1) == UInt8(ascii: "$") {
            switch InlineSyntax.displayFormula(at: start, inBrackets: inBrackets, reader.byte) {
            case .found(let end):
                return node(Content(line: line, column: column, flag: "D", text: reader.text((start + 2)..<(end - 2))), inline, end: end)
            case .notFound:
                // `$$` that opens nothing is text, both signs.
                return textNode("$$", inline, end: start + 2)
            }
        }
        guard start >= memo.inlineDeadBefore else { return restored(inline, start) }
        switch InlineSyntax.inlineFormula(at: start, inBrackets: inBrackets, reader.byte) {
        case .found(let end):
            return node(Content(line: line, column: column, flag: "I", text: reader.text((start + 1)..<(end - 1))), inline, end: end)
        case .notFound(let stopped):
            memo.inlineDeadBefore = max(memo.inlineDeadBefore, stopped)
            return restored(inline, start)
        }
    }

    private static let matchCitation: cmark_match_inline_func = { syntax, _, parent, character, inline in
        guard character == UInt8(ascii: "{"), let syntax, let inline, let memoPointer = cmark_syntax_extension_get_private(syntax) else { return nil }
        let memo = Unmanaged<ScanMemo>.fromOpaque(memoPointer).takeUnretainedValue()
        memo.enter(parent)
        let start = Int(cmark_inline_parser_get_offset(inline))
        let reader = Reader(parser: inline)
        guard reader.byte(start + 1) == UInt8(ascii: "{") else { return restored(inline, start) }
        cmark_inline_parser_set_offset(inline, Int32(start))
        let line = Int(cmark_inline_parser_get_line(inline)), column = Int(cmark_inline_parser_get_column(inline))
        let scan = start >= memo.citationDeadBefore ? InlineSyntax.citation(at: start, reader.byte) : .notFound(stoppedAt: memo.citationDeadBefore)
        switch scan {
        case .found(let end):
            return node(Content(line: line, column: column, flag: "C", text: reader.text(start..<end)), inline, end: end)
        case .notFound(let stopped):
            memo.citationDeadBefore = max(memo.citationDeadBefore, stopped)
            // An unclosed `{{` is kept as a citation node flagged open, so the
            // lecture parser can say where it is; it renders as its text.
            return node(Content(line: line, column: column, flag: "U", text: "{{"), inline, end: start + 2)
        }
    }

    // An `@` that starts no cross-reference is text; cmark-gfm's autolink
    // extension joins the text nodes again before it looks for e-mail addresses.
    private static let matchReference: cmark_match_inline_func = { _, _, _, character, inline in
        guard character == UInt8(ascii: "@"), let inline else { return nil }
        let start = Int(cmark_inline_parser_get_offset(inline))
        let line = Int(cmark_inline_parser_get_line(inline)), column = Int(cmark_inline_parser_get_column(inline))
        let reader = Reader(parser: inline)
        guard let label = InlineSyntax.crossReference(at: start, reader.byte) else { return restored(inline, start) }
        return node(Content(line: line, column: column, flag: "R", text: reader.text(label)), inline, end: label.upperBound)
    }

    private static func node(_ content: Content, _ inline: OpaquePointer, end: Int) -> OpaquePointer? {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_HTML_INLINE, cmark_get_default_mem_allocator()) else { return nil }
        _ = cmark_node_set_literal(node, content.encoded)
        cmark_inline_parser_set_offset(inline, Int32(end))
        return node
    }

    private static func textNode(_ text: String, _ inline: OpaquePointer, end: Int) -> OpaquePointer? {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_TEXT, cmark_get_default_mem_allocator()) else { return nil }
        _ = cmark_node_set_literal(node, text)
        cmark_inline_parser_set_offset(inline, Int32(end))
        return node
    }

    /// No match: the parser's offset goes back to the opener, which cmark then
    /// reads as text.
    private static func restored(_ inline: OpaquePointer, _ start: Int) -> OpaquePointer? {
        cmark_inline_parser_set_offset(inline, Int32(start))
        return nil
    }
}
