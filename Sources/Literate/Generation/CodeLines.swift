/// The lines of a cell's Swift code, read by a small lexer that knows what the
/// runner needs and no more: string literals (multi-line, raw, interpolated),
/// comments (nested block comments too), and the nesting of `{`, `(` and `[`.
/// With it the program generator finds `// Prints` comments at the top level of
/// a cell and `#if` directives that a cell leaves open.
///
/// It reads UTF-8 bytes, as every token it knows is ASCII (and a debug build of
/// the tool reads bytes far faster than characters). It is not a parser: a
/// regex literal holding a quote or a bracket, or code that only the compiler
/// could read (an operator that starts with `/*`), can mislead it. What it finds
/// is only ever used where the compiler would object anyway or a comment would
/// be checked; a miss leaves the code as it was.
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

    private enum State: Equatable {
        case code
        case string(hashes: Int, multiline: Bool)
        case blockComment(depth: Int)
    }

    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
    private static let backslash = UInt8(ascii: "\\"), openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")")

    init(_ code: String) {
        var state = State.code
        var depth = 0
        // Interpolations, `\( … )`, are code inside a string: where each opened.
        var interpolations: [(hashes: Int, multiline: Bool, depth: Int)] = []
        for text in code.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Line(text: text, depthAtStart: depth, startsInsideLiteral: state != .code, commentStart: nil, depthAtEnd: depth)
            let bytes = Array(text.utf8)
            var index = 0
            func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
            func hashes(from offset: Int) -> Int {
                var count = 0
                while byte(offset + count) == Self.hash { count += 1 }
                return count
            }
            scan: while index < bytes.count {
                let current = bytes[index]
                switch state {
                case .blockComment(let nesting):
                    if current == Self.star, byte(index + 1) == Self.slash {
                        state = nesting == 1 ? .code : .blockComment(depth: nesting - 1)
                        index += 2
                    } else if current == Self.slash, byte(index + 1) == Self.star {
                        state = .blockComment(depth: nesting + 1)
                        index += 2
                    } else {
                        index += 1
                    }
                case .string(let count, let multiline):
                    if current == Self.backslash, hashes(from: index + 1) == count, byte(index + 1 + count) == Self.openParen {
                        interpolations.append((count, multiline, depth))
                        depth += 1
                        state = .code
                        index += 2 + count
                    } else if current == Self.backslash {
                        index += 2
                    } else if current == Self.quote, !multiline || (byte(index + 1) == Self.quote && byte(index + 2) == Self.quote),
                              hashes(from: index + (multiline ? 3 : 1)) >= count {
                        state = .code
                        index += (multiline ? 3 : 1) + count
                    } else {
                        index += 1
                    }
                case .code:
                    if current == Self.slash, byte(index + 1) == Self.slash {
                        line.commentStart = text.utf8.index(text.startIndex, offsetBy: index)
                        break scan
                    } else if current == Self.slash, byte(index + 1) == Self.star {
                        state = .blockComment(depth: 1)
                        index += 2
                    } else if current == Self.hash || current == Self.quote {
                        let count = hashes(from: index)
                        guard byte(index + count) == Self.quote else {
                            index += max(count, 1)
                            continue
                        }
                        let multiline = byte(index + count + 1) == Self.quote && byte(index + count + 2) == Self.quote
                        state = .string(hashes: count, multiline: multiline)
                        index += count + (multiline ? 3 : 1)
                    } else if current == UInt8(ascii: "{") || current == Self.openParen || current == UInt8(ascii: "[") {
                        depth += 1
                        index += 1
                    } else if current == UInt8(ascii: "}") || current == Self.closeParen || current == UInt8(ascii: "]") {
                        depth -= 1
                        index += 1
                        if current == Self.closeParen, let open = interpolations.last, open.depth == depth {
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
