/// The lecture's own inline syntax, formulas and citations, as rules over the
/// bytes of one block's inline text. cmark's inline parser calls these rules when
/// it reaches a `$` or a `{` (see ``InlineExtensions``), so code spans, raw HTML,
/// link destinations, code blocks and HTML blocks are never searched: they are
/// consumed by cmark before a `$` or `{` in them is seen.
///
/// Formulas follow pandoc's rules, so that a dollar sign used as money stays text:
/// - `$$ … $$` is display math; its content is not only white space.
/// - `$…$` is inline math when the opening `$` is followed by a character that is
///   not a space (nor another `$`), and the closing `$` follows a character that is
///   not a space and is not followed by a digit. "It costs $5 and $6" holds no math.
/// - `\$` is a dollar sign, never a delimiter; inline math holds no backtick (one
///   would start inline code, so the `$` was money).
///
/// Inside the text of a link or an image (`[… $5 …](url)`) a formula ends at the
/// first unescaped `]` or not at all, so that money in link text is read as
/// pandoc reads it: the link first.
///
/// Citations are `{{…}}` on one line, closed by the first `}}`; `\{{` writes two
/// braces.
///
/// A cross-reference is `@fig-…` or `@tbl-…` (Quarto's spelling): the label is
/// letters, digits, `-` and `_` up to its last letter or digit, and the `@`
/// follows no letter, digit, `.`, `_`, `-` or `+`, so that an e-mail address
/// (`me@fig-tree.org`) stays one. `\@fig-x` writes it as text.
enum InlineSyntax {
    /// What a scan found: the end (exclusive) of the construct, or the offset at
    /// which the search for its end stopped.
    enum Scan: Equatable {
        case found(end: Int)
        case notFound(stoppedAt: Int)
    }

    private static let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
    private static let closeBracket = UInt8(ascii: "]")

    /// Display math opening with the `$$` at `start`; `byte(i)` is nil past the end.
    static func displayFormula(at start: Int, inBrackets: Bool = false, _ byte: (Int) -> UInt8?) -> Scan {
        var index = start + 2
        while let current = byte(index) {
            if inBrackets, current == closeBracket { return .notFound(stoppedAt: index) }
            if current == backslash {
                index += 2
            } else if current == dollar, byte(index + 1) == dollar {
                let content = (start + 2)..<index
                return content.allSatisfy({ isSpace(byte($0)) }) ? .notFound(stoppedAt: index) : .found(end: index + 2)
            } else {
                index += 1
            }
        }
        return .notFound(stoppedAt: index)
    }

    /// Inline math opening with the `$` at `start`.
    static func inlineFormula(at start: Int, inBrackets: Bool = false, _ byte: (Int) -> UInt8?) -> Scan {
        let first = byte(start + 1)
        guard !isSpace(first), first != dollar else { return .notFound(stoppedAt: start + 1) }
        var index = start + 1
        while let current = byte(index) {
            if inBrackets, current == closeBracket { return .notFound(stoppedAt: index) }
            switch current {
            case backslash:
                index += 2
            case backtick:
                return .notFound(stoppedAt: index)
            case dollar:
                let followedByDigit = byte(index + 1).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
                if index > start + 1, !isSpace(byte(index - 1)), !followedByDigit { return .found(end: index + 1) }
                index += 1
            default:
                index += 1
            }
        }
        return .notFound(stoppedAt: index)
    }

    /// A citation opening with the `{{` at `start`: it ends after the first `}}`
    /// on the same line.
    static func citation(at start: Int, _ byte: (Int) -> UInt8?) -> Scan {
        guard byte(start + 1) == openBrace else { return .notFound(stoppedAt: start + 1) }
        var index = start + 2
        while let current = byte(index), current != newline {
            if current == closeBrace, byte(index + 1) == closeBrace { return .found(end: index + 2) }
            index += 1
        }
        return .notFound(stoppedAt: index)
    }

    /// The citations written inside a formula's TeX, as byte ranges of `tex`.
    /// A scan that finds no `}}` before the end of its line rules out every
    /// opener before that end too, so a line of braces is read in linear time.
    static func citations(inTeX tex: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        func byte(_ offset: Int) -> UInt8? { offset < tex.count ? tex[offset] : nil }
        while index < tex.count {
            guard tex[index] == openBrace, byte(index + 1) == openBrace else {
                index += 1
                continue
            }
            switch citation(at: index, byte) {
            case .found(let end):
                found.append(index..<end)
                index = end
            case .notFound(let stopped):
                index = max(index + 1, stopped)
            }
        }
        return found
    }

    /// The label of a cross-reference whose `@` is at `start`, as the byte range
    /// after the `@`, or nil when the `@` starts none.
    static func crossReference(at start: Int, _ byte: (Int) -> UInt8?) -> Range<Int>? {
        if start > 0, let before = byte(start - 1), isWordByte(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: "+") {
            return nil
        }
        let prefixes = ["fig-", "tbl-"].map { Array($0.utf8) }
        guard prefixes.contains(where: { prefix in prefix.indices.allSatisfy { byte(start + 1 + $0) == prefix[$0] } }) else { return nil }
        var end = start + 5
        var lastAlphanumeric: Int?
        while let current = byte(end), isWordByte(current) {
            if current != UInt8(ascii: "-"), current != UInt8(ascii: "_") { lastAlphanumeric = end }
            end += 1
        }
        guard let last = lastAlphanumeric else { return nil }
        return (start + 1)..<(last + 1)
    }

    /// A byte of a label: an ASCII letter or digit, `-` or `_`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isSpace(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == newline || byte == UInt8(ascii: "\r")
    }
}
