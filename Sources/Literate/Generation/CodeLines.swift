/// The lines of a cell's Swift code, read by a small lexer that knows what the
/// runner needs and no more: string literals (multi-line, raw, interpolated),
/// comments (nested block comments too), and the nesting of `{`, `(` and `[`.
/// With it the program generator finds `// Prints` comments at the top level of
/// a cell and `#if` directives that a cell leaves open.
///
/// It is not a parser: a regex literal holding a quote or a bracket, or code
/// that only the compiler could read (an operator that starts with `/*`), can
/// mislead it. What it finds is only ever used where the compiler would object
/// anyway or a comment would be checked; a miss leaves the code as it was.
struct CodeLines {
    struct Line {
        /// The line's text, without its newline.
        var text: Substring
        /// The nesting depth of brackets where the line starts.
        var depthAtStart: Int
        /// Whether the line starts inside a string literal or a block comment.
        var startsInsideLiteral: Bool
        /// Where a `//` comment starts on the line, outside literals, if one does.
        var commentStart: String.Index?
        /// The nesting depth where the line ends.
        var depthAtEnd: Int
    }

    private(set) var lines: [Line] = []

    init(_ code: String) {
        enum State: Equatable {
            case code
            case string(hashes: Int, multiline: Bool)
            case blockComment(depth: Int)
        }
        var state = State.code
        var depth = 0
        // Brackets of interpolations, `\( … )`, are counted within strings.
        var interpolations: [(hashes: Int, multiline: Bool, depth: Int)] = []
        for text in code.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Line(text: text, depthAtStart: depth, startsInsideLiteral: state != .code, commentStart: nil, depthAtEnd: depth)
            let characters = Array(text)
            var index = 0
            func starts(_ pattern: String, at offset: Int) -> Bool {
                let pattern = Array(pattern)
                return offset + pattern.count <= characters.count && Array(characters[offset..<(offset + pattern.count)]) == pattern
            }
            scan: while index < characters.count {
                switch state {
                case .blockComment(let nesting):
                    if starts("*/", at: index) {
                        state = nesting == 1 ? .code : .blockComment(depth: nesting - 1)
                        index += 2
                    } else if starts("/*", at: index) {
                        state = .blockComment(depth: nesting + 1)
                        index += 2
                    } else {
                        index += 1
                    }
                case .string(let hashes, let multiline):
                    let closing = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
                    if characters[index] == "\\", starts("\\" + String(repeating: "#", count: hashes) + "(", at: index) {
                        interpolations.append((hashes, multiline, depth))
                        depth += 1
                        state = .code
                        index += 2 + hashes
                    } else if characters[index] == "\\" {
                        index += 2
                    } else if starts(closing, at: index) {
                        state = .code
                        index += closing.count
                    } else {
                        index += 1
                    }
                case .code:
                    let character = characters[index]
                    if starts("//", at: index) {
                        line.commentStart = text.index(text.startIndex, offsetBy: index)
                        break scan
                    } else if starts("/*", at: index) {
                        state = .blockComment(depth: 1)
                        index += 2
                    } else if character == "#" || character == "\"" {
                        var hashes = 0
                        while index + hashes < characters.count, characters[index + hashes] == "#" { hashes += 1 }
                        guard index + hashes < characters.count, characters[index + hashes] == "\"" else {
                            index += max(hashes, 1)
                            continue
                        }
                        let multiline = starts("\"\"\"", at: index + hashes)
                        state = .string(hashes: hashes, multiline: multiline)
                        index += hashes + (multiline ? 3 : 1)
                    } else if "{([".contains(character) {
                        depth += 1
                        index += 1
                    } else if "})]".contains(character) {
                        depth -= 1
                        index += 1
                        if character == ")", let open = interpolations.last, open.depth == depth {
                            interpolations.removeLast()
                            state = .string(hashes: open.hashes, multiline: open.multiline)
                        }
                    } else {
                        index += 1
                    }
                }
            }
            // A single-line string does not run on to the next line.
            if case .string(_, false) = state { state = .code }
            line.depthAtEnd = depth
            lines.append(line)
        }
    }

    /// The 0-based lines that hold `#if` or `#endif` directives, outside
    /// literals, with +1 for `#if` and -1 for `#endif`.
    var conditionalDirectives: [(line: Int, change: Int)] {
        lines.enumerated().compactMap { offset, line in
            guard !line.startsInsideLiteral else { return nil }
            let trimmed = line.text.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#if") { return (offset, 1) }
            if trimmed.hasPrefix("#endif") { return (offset, -1) }
            return nil
        }
    }
}
