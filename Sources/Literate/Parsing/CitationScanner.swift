/// Finds prose citations, `{{expression}}` or `{{expression: recorded value}}`, in
/// the lines of a lecture outside code blocks and inline code spans.
///
/// The expression is Swift; the recorded value is whatever follows the first `: `
/// that is not inside brackets, parentheses or a string literal.
enum CitationScanner {
    static func scan(lines: [String], skipping codeLines: [ClosedRange<Int>], path: String)
        -> (found: [Citation], problems: [Diagnostic]) {
        var found: [Citation] = []
        var problems: [Diagnostic] = []
        var lineStart = 0
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            defer { lineStart += line.utf8.count + 1 }
            guard !codeLines.contains(where: { $0.contains(number) }) else { continue }
            let bytes = Array(line.utf8)
            let spans = codeSpans(bytes)
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
                      !spans.contains(where: { $0.contains(index) }) else { index += 1; continue }
                let column = String(decoding: bytes[..<index], as: UTF8.self).count + 1
                let location = SourceLocation(file: path, line: number, column: column)
                guard let close = closing(bytes, from: index + 2) else {
                    problems.append(Diagnostic(at: location, "a citation '{{' is not closed by '}}' on the same line"))
                    break
                }
                let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                let (expression, recorded) = split(inner)
                if expression.isEmpty {
                    problems.append(Diagnostic(at: location, "a citation needs a Swift expression, as in {{loss: 0.527}}"))
                } else {
                    found.append(Citation(index: found.count, expression: expression, recorded: recorded,
                                          location: location, byteRange: (lineStart + index)..<(lineStart + close + 2)))
                }
                index = close + 2
            }
        }
        return (found, problems)
    }

    /// Byte ranges of inline code spans (backtick runs and their matching run).
    private static func codeSpans(_ bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            let run = bytes[index...].prefix { $0 == UInt8(ascii: "`") }.count
            var search = index + run
            var end: Int?
            while search < bytes.count {
                if bytes[search] == UInt8(ascii: "`") {
                    let other = bytes[search...].prefix { $0 == UInt8(ascii: "`") }.count
                    if other == run { end = search + other; break }
                    search += other
                } else { search += 1 }
            }
            guard let end else { index += run; continue }
            spans.append(index..<end)
            index = end
        }
        return spans
    }

    /// The offset of the `}}` that closes a citation whose content starts at `start`.
    private static func closing(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }

    /// Splits `expression: value` at the first top-level `: `.
    private static func split(_ inner: String) -> (String, String?) {
        var depth = 0
        var inString = false
        let characters = Array(inner)
        for (index, character) in characters.enumerated() {
            if character == "\"" { inString.toggle() }
            guard !inString else { continue }
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1 }
            if character == ":", depth == 0, index + 1 < characters.count, characters[index + 1] == " " {
                let expression = String(characters[..<index]).trimmingSpaces
                let value = String(characters[(index + 1)...]).trimmingSpaces
                return (expression, value)
            }
        }
        return (inner.trimmingSpaces, nil)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
