/// A comment in a cell that says what the code above it prints, in the style of
/// *The Swift Programming Language* and Apple's documentation:
///
/// ```swift
/// print("Hello, \(name)!")
/// // Prints "Hello, Anna!"
///
/// for item in list { print(item) }
/// // Prints:
/// // eggs
/// // milk
/// ```
///
/// `// Prints "…"` holds a Swift string literal (escapes as in Swift, or the text
/// between its outer quotes as written when it is not a literal); `// Prints:`
/// is followed by comment lines that hold the output, one line each. Either may
/// close a line of code (`print(x) // Prints "3"`). The check compares the
/// comment with what the cell printed since the cell started or since the
/// previous such comment, as `verify` compares recorded output (numbers within
/// the cell's tolerance). Only comments at the top level of a cell count: one
/// inside a function or loop body describes code that runs later or often.
public struct PrintsComment: Equatable, Sendable {
    /// The comment's 1-based line in the lecture, and its column (in bytes).
    public var line: Int
    public var column: Int
    /// The 0-based line in the cell's code.
    public var codeLine: Int
    /// What the comment says is printed, each line ended by `\n`.
    public var expected: String
}

enum PrintsComments {
    /// The comments of a cell's code, read as `code`, whose first line is line
    /// `firstLine` of the lecture.
    static func find(in code: CodeLines, firstLine: Int) -> [PrintsComment] {
        let lines = code.lines
        var found: [PrintsComment] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            guard line.depthAtStart == 0, line.depthAtEnd == 0, !line.startsInsideLiteral, let start = line.commentStart else { continue }
            let comment = Self.afterSlashes(line.text, start).drop { $0 == " " }
            guard comment.lowercased().hasPrefix("prints") else { continue }
            let rest = comment.dropFirst("prints".count)
            let column = line.text.utf8.distance(from: line.text.startIndex, to: start) + 1
            if let text = quoted(rest.drop { $0 == " " }) {
                found.append(PrintsComment(line: firstLine + index, column: column, codeLine: index, expected: text + "\n"))
            } else if case let colon = rest.drop(while: { $0 == " " }), colon.first == ":", colon.dropFirst().allSatisfy({ $0 == " " }),
                      line.text[..<start].allSatisfy({ $0 == " " || $0 == "\t" }) {
                var output: [String] = []
                var next = index + 1
                while next < lines.count, let following = lines[next].commentStart,
                      lines[next].text[..<following].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    var text = Self.afterSlashes(lines[next].text, following)
                    if text.utf8.first == UInt8(ascii: " ") {
                        text = text[text.utf8.index(after: text.startIndex)...]
                    }
                    output.append(String(text))
                    next += 1
                }
                guard !output.isEmpty else { continue }
                found.append(PrintsComment(line: firstLine + index, column: column, codeLine: index,
                                           expected: output.joined(separator: "\n") + "\n"))
                index = next - 1
            }
        }
        return found
    }

    /// The comment after its `//` at `start`, cut by bytes: a combining mark
    /// right after the slashes would join the second one in one Character.
    static func afterSlashes(_ line: Substring, _ start: Substring.Index) -> Substring {
        line[line.utf8.index(start, offsetBy: 2)...]
    }

    /// What `"…"` says: the value of the Swift string literal when it is one,
    /// else the text between the first and the last quote as written (books
    /// write `// Prints "["eggs", "milk"]"` without escaping the inner quotes).
    /// The quotes are found among the Unicode scalars, so that a combining
    /// mark after one does not hide it.
    static func quoted(_ text: Substring) -> String? {
        let scalars = text.unicodeScalars
        guard scalars.first == "\"", let last = scalars.lastIndex(where: { $0 != " " }),
              last != scalars.startIndex, scalars[last] == "\"" else { return nil }
        return stringLiteral(text) ?? String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<last]))
    }

    /// The value of the Swift string literal that `text` starts with (`\n`, `\t`,
    /// `\"`, `\\`, `\'`, `\0` and `\u{…}` escapes), if it is one and nothing but
    /// spaces follows it.
    static func stringLiteral(_ text: Substring) -> String? {
        var characters = text.unicodeScalars.dropFirst()[...]
        var value = String.UnicodeScalarView()
        while let scalar = characters.first {
            characters = characters.dropFirst()
            switch scalar {
            case "\"":
                return characters.allSatisfy({ $0 == " " }) ? String(value) : nil
            case "\\":
                guard let escaped = characters.first else { return nil }
                characters = characters.dropFirst()
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "0": value.append("\0")
                case "\"", "\\", "'": value.append(escaped)
                case "u":
                    guard characters.first == "{", let close = characters.firstIndex(of: "}"),
                          let number = UInt32(String(String.UnicodeScalarView(characters[characters.index(after: characters.startIndex)..<close])), radix: 16),
                          let decoded = Unicode.Scalar(number) else { return nil }
                    value.append(decoded)
                    characters = characters[characters.index(after: close)...]
                default: return nil
                }
            default:
                value.append(scalar)
            }
        }
        return nil
    }
}
