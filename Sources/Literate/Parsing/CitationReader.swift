/// Reads the citations cmark found, `{{expression}}` or `{{expression: recorded
/// value}}`, and finds each one's bytes in the file, which `bless` rewrites.
///
/// The expression is Swift; the recorded value is whatever follows the first `: `
/// that is not inside brackets, parentheses or a string literal.
enum CitationReader {
    static func read(_ sites: [CitationSite], in document: MarkdownNode, text: SourceText, path: String)
        -> (found: [Citation], problems: [Diagnostic]) {
        var inFormula = Set<Int>()
        document.visit { node in
            guard case .math(let pieces, _) = node.kind else { return }
            for case .citation(let index) in pieces { inFormula.insert(index) }
        }
        var found: [Citation] = []
        var problems: [Diagnostic] = []
        var taken = Set<Int>()
        for (index, site) in sites.enumerated() {
            let location = SourceLocation(file: path, line: site.point.line, column: site.point.column)
            guard site.isClosed else {
                problems.append(Diagnostic(at: location, "a citation '{{' is not closed by '}}' on the same line (write '\\{{' for two braces)"))
                continue
            }
            // The braces are two bytes each; a combining mark after the second
            // `{` would make it one Character with the brace.
            let inner = String(decoding: site.text.utf8.dropFirst(2).dropLast(2), as: UTF8.self)
            let (expression, recorded, valueOffsets) = split(inner)
            guard !expression.isEmpty else {
                problems.append(Diagnostic(at: location, "a citation needs a Swift expression, as in {{loss: 0.527}}"))
                continue
            }
            guard let range = place(site, in: text, avoiding: taken) else {
                problems.append(Diagnostic(at: location, "cannot find this citation's text on its line"))
                continue
            }
            taken.formUnion(range)
            let column = range.lowerBound - text.start(ofLine: site.point.line) + 1
            let value = (range.lowerBound + 2 + valueOffsets.lowerBound)..<(range.lowerBound + 2 + valueOffsets.upperBound)
            found.append(Citation(index: index, expression: expression, recorded: recorded,
                                  location: SourceLocation(file: path, line: site.point.line, column: column),
                                  byteRange: range, valueBytes: value, inFormula: inFormula.contains(index)))
        }
        return (found, problems)
    }

    /// The bytes of `site` in the file: the occurrence of its text on its line
    /// nearest the column cmark gave (cmark counts inline columns from the
    /// block's start, which container markers and tabs can shift; the leftmost
    /// of two as near), none of whose bytes an earlier citation took. The search
    /// goes outward from that column, so a citation where cmark says costs its
    /// own length, and a line of many citations is read in linear time.
    private static func place(_ site: CitationSite, in text: SourceText, avoiding taken: Set<Int>) -> Range<Int>? {
        let needle = Array(site.text.utf8)
        let lineStart = text.start(ofLine: site.point.line)
        let last = lineStart + text.content(ofLine: site.point.line).count - needle.count
        guard !needle.isEmpty, last >= lineStart else { return nil }
        let guess = min(max(lineStart + site.point.column - 1, lineStart), last)
        func fits(_ start: Int) -> Bool {
            text.bytes[start..<(start + needle.count)].elementsEqual(needle) && !(start..<(start + needle.count)).contains(where: taken.contains)
        }
        var distance = 0
        while guess - distance >= lineStart || guess + distance <= last {
            if guess - distance >= lineStart, fits(guess - distance) { return (guess - distance)..<(guess - distance + needle.count) }
            if distance > 0, guess + distance <= last, fits(guess + distance) { return (guess + distance)..<(guess + distance + needle.count) }
            distance += 1
        }
        return nil
    }

    /// Splits `expression: value` at the first top-level `: `, both trimmed of
    /// spaces; the UTF-8 offsets in `inner` of the value, or, without one, an
    /// empty range just after the expression.
    static func split(_ inner: String) -> (expression: String, value: String?, valueOffsets: Range<Int>) {
        var depth = 0
        var inString = false
        let bytes = Array(inner.utf8)
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, bytes[lower] == UInt8(ascii: " ") { lower += 1 }
            while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
            return lower..<upper
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            guard !inString else { continue }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth -= 1 }
            if byte == UInt8(ascii: ":"), depth == 0, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: " ") {
                let expression = trimmed(0..<index), value = trimmed((index + 1)..<bytes.count)
                return (text(expression), text(value), value)
            }
        }
        let expression = trimmed(0..<bytes.count)
        return (text(expression), nil, expression.upperBound..<expression.upperBound)
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
