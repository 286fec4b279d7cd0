import Escaping
import Synchronization

/// Colours Swift code at build time: the page needs no script to show it.
///
/// A small lexer, not a parser: it knows comments (nested block comments
/// included), string literals (interpolation, multi-line and raw strings),
/// numbers, keywords, attributes, compiler directives and type names (an
/// identifier that starts with a capital letter). Everything else is plain
/// text. The result is escaped HTML with `<span class="…">` around tokens:
/// `k` keyword, `t` type, `s` string, `i` interpolation, `n` number, `c`
/// comment, `a` attribute, `d` directive.
enum SwiftHighlighter {
    static func html(_ code: String) -> String {
        if let known = memo.withLock({ $0[code] }) { return known }
        var lexer = Lexer(Array(code.unicodeScalars))
        let html = lexer.code(until: nil)
        memo.withLock { known in
            if known.count >= memoLimit { known.removeAll() }
            known[code] = html
        }
        return html
    }

    /// Code coloured before, by its text. The preview builds every page again
    /// on each save, and the lexer, in the debug build that `swift run lecture
    /// preview` runs, took a quarter of that build (50 ms a save for the
    /// bundled course); a look-up takes a hash of the text. The result is a
    /// function of the text alone, so a hit changes nothing but the time.
    private static let memo = Mutex<[String: String]>([:])
    /// Texts kept at most; all are dropped when there are more.
    private static let memoLimit = 4096

    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch",
        "class", "consume", "consuming", "continue", "convenience", "default", "defer", "deinit", "didSet",
        "do", "dynamic", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for",
        "func", "get", "guard", "if", "import", "in", "indirect", "infix", "init", "inout", "internal", "is",
        "isolated", "lazy", "let", "macro", "mutating", "nil", "nonisolated", "nonmutating", "open", "operator",
        "optional", "override", "package", "postfix", "precedencegroup", "prefix", "private", "protocol",
        "public", "repeat", "required", "rethrows", "return", "self", "Self", "set", "some", "static",
        "struct", "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "unowned",
        "var", "weak", "where", "while", "willSet",
    ]

    private struct Lexer {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func starts(with text: String) -> Bool {
            var offset = 0
            for scalar in text.unicodeScalars {
                guard peek(offset) == scalar else { return false }
                offset += 1
            }
            return true
        }

        mutating func take(_ count: Int) -> String {
            let end = min(index + count, scalars.count)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[index..<end])
            index = end
            return String(text)
        }

        mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
            var count = 0
            while let scalar = peek(count), predicate(scalar) { count += 1 }
            return take(count)
        }

        static func span(_ kind: String, _ html: String) -> String {
            "<span class=\"\(kind)\">\(html)</span>"
        }

        static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic
        }

        static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
            isIdentifierStart(scalar) || scalar.properties.numericType != nil
        }

        static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar)
        }

        /// Code up to the unbalanced `)` that ends an interpolation (not
        /// consumed), or to the end when `closing` is nil.
        mutating func code(until closing: Unicode.Scalar?) -> String {
            var html = ""
            var depth = 0
            while let scalar = peek() {
                if let closing, scalar == closing, depth == 0 { break }
                if starts(with: "//") {
                    html += Self.span("c", HTMLEscape.text(take { $0 != "\n" }))
                } else if starts(with: "/*") {
                    html += Self.span("c", HTMLEscape.text(blockComment()))
                } else if scalar == "\"" || (scalar == "#" && rawStringAhead()) {
                    html += string()
                } else if Self.isDigit(scalar) {
                    html += Self.span("n", HTMLEscape.text(number()))
                } else if scalar == "@", let next = peek(1), Self.isIdentifierStart(next) {
                    html += Self.span("a", HTMLEscape.text(take(1) + take(while: Self.isIdentifierPart)))
                } else if scalar == "#", let next = peek(1), Self.isIdentifierStart(next) {
                    html += Self.span("d", HTMLEscape.text(take(1) + take(while: Self.isIdentifierPart)))
                } else if scalar == "$", let next = peek(1), Self.isIdentifierPart(next) {
                    // Closure parameters ($0) and property wrapper projections ($name).
                    html += HTMLEscape.text(take(1) + take(while: Self.isIdentifierPart))
                } else if scalar == "`" {
                    html += HTMLEscape.text(take(1) + take { $0 != "`" && $0 != "\n" } + (peek() == "`" ? take(1) : ""))
                } else if Self.isIdentifierStart(scalar) {
                    html += identifier()
                } else {
                    if scalar == "(" { depth += 1 }
                    if scalar == ")" { depth -= 1 }
                    html += HTMLEscape.text(take(1))
                }
            }
            return html
        }

        mutating func identifier() -> String {
            let previous = index > 0 ? scalars[index - 1] : nil
            let word = take(while: Self.isIdentifierPart)
            // A member after a dot (`.init`, `x.self` aside) is not a keyword.
            if previous != ".", SwiftHighlighter.keywords.contains(word) {
                return Self.span("k", word)
            }
            if let first = word.unicodeScalars.first, first.properties.isUppercase {
                return Self.span("t", HTMLEscape.text(word))
            }
            return HTMLEscape.text(word)
        }

        mutating func blockComment() -> String {
            var text = take(2)
            var depth = 1
            while depth > 0, peek() != nil {
                if starts(with: "/*") {
                    depth += 1
                    text += take(2)
                } else if starts(with: "*/") {
                    depth -= 1
                    text += take(2)
                } else {
                    text += take(1)
                }
            }
            return text
        }

        mutating func number() -> String {
            if starts(with: "0x") || starts(with: "0b") || starts(with: "0o") {
                return take(2) + take { $0.properties.isASCIIHexDigit || $0 == "_" || $0 == "." || $0 == "p" || $0 == "P" }
            }
            var text = take { Self.isDigit($0) || $0 == "_" }
            if peek() == ".", let next = peek(1), Self.isDigit(next) {
                text += take(1) + take { Self.isDigit($0) || $0 == "_" }
            }
            if peek() == "e" || peek() == "E" {
                let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
                if let digit = peek(1 + sign), Self.isDigit(digit) {
                    text += take(1 + sign) + take { Self.isDigit($0) || $0 == "_" }
                }
            }
            return text
        }

        func rawStringAhead() -> Bool {
            var offset = 0
            while peek(offset) == "#" { offset += 1 }
            return peek(offset) == "\""
        }

        /// A string literal, with its interpolations highlighted as code.
        mutating func string() -> String {
            let hashes = take { $0 == "#" }
            let multiline = starts(with: "\"\"\"")
            let quote = multiline ? "\"\"\"" : "\""
            var html = HTMLEscape.text(hashes + take(quote.unicodeScalars.count))
            let terminator = quote + hashes
            let interpolation = "\\" + hashes + "("
            while peek() != nil {
                if starts(with: terminator) {
                    html += HTMLEscape.text(take(terminator.unicodeScalars.count))
                    return Self.span("s", html)
                }
                if !multiline, peek() == "\n" { break }
                if starts(with: interpolation) {
                    let open = take(interpolation.unicodeScalars.count)
                    let inner = code(until: ")")
                    let close = peek() == ")" ? take(1) : ""
                    html += Self.span("i", HTMLEscape.text(open) + inner + HTMLEscape.text(close))
                } else if peek() == "\\" && hashes.isEmpty {
                    html += HTMLEscape.text(take(2))
                } else {
                    html += HTMLEscape.text(take(1))
                }
            }
            return Self.span("s", html)
        }
    }
}
