import CellOutput
import Foundation
import PropertyBased
import Testing
@testable import Literate

/// What a made-up run of a chapter gives, without compiling anything: cell `i`
/// gets `outputs[i % outputs.count]` (nil: the cell did not run), citation `i`
/// gets `values[i % values.count]` (nil: no value).
struct MadeUpRun: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Printed text: pieces, a long run of one string kept short to print.
    enum Piece: Sendable, Equatable, CustomStringConvertible {
        case text(String)
        case repeated(String, Int)

        var text: String {
            switch self {
            case .text(let text): text
            case .repeated(let unit, let count): String(repeating: unit, count: count)
            }
        }

        var description: String {
            switch self {
            case .text(let text): text.debugDescription
            case .repeated(let unit, let count): "\(unit.debugDescription) × \(count)"
            }
        }
    }

    /// One output item: printed text, or a display whose text form is recorded.
    struct Item: Sendable, Equatable, CustomStringConvertible {
        var isDisplay: Bool
        var pieces: [Piece]

        var outputItem: OutputItem {
            let text = pieces.map(\.text).joined()
            return isDisplay ? .display(Display(kind: .table, text: text)) : .text(text)
        }

        var description: String { (isDisplay ? "display" : "text") + "(" + pieces.map(\.description).joined(separator: " + ") + ")" }
    }

    var outputs: [[Item]?]
    var values: [String?]

    /// The run of `lecture` these outputs and values make. An output with a long
    /// run of text goes to one cell only.
    func run(of lecture: Lecture) -> ChapterRun {
        var run = ChapterRun(lecture: lecture)
        if !outputs.isEmpty {
            for cell in lecture.cells {
                guard let items = outputs[cell.index % outputs.count] else { continue }
                let isLong = items.contains { $0.pieces.contains { if case .repeated = $0 { true } else { false } } }
                if !isLong || cell.index < outputs.count { run.cells[cell.index] = items.map(\.outputItem) }
            }
        }
        if !values.isEmpty {
            for citation in lecture.citations {
                if let value = values[citation.index % values.count] { run.citations[citation.index] = value }
            }
        }
        return run
    }

    var testDescription: String {
        let outputs = outputs.map { items in items.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" } ?? "nil" }
        return "MadeUpRun(outputs: [\(outputs.joined(separator: ", "))], values: \(values.map { $0?.debugDescription ?? "nil" }))"
    }

    var description: String { testDescription }
}

/// Generators of made-up runs.
enum RunGen {
    static let run: Generator<MadeUpRun, some SendableSequenceType> = zip(output.array(of: 1...6), value.array(of: 1...6)).map { outputs, values in
        MadeUpRun(outputs: outputs, values: values)
    }

    /// A cell's output: mostly some text, sometimes nothing at all, sometimes a display.
    static let output = Generator<[MadeUpRun.Item]?, Shrink.None<[MadeUpRun.Item]?>> { rng in
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return nil
        case 1, 2: return []
        case 3: return [MadeUpRun.Item(isDisplay: false, pieces: [])]
        default:
            return (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                MadeUpRun.Item(isDisplay: Int.random(in: 0..<6, using: &rng) == 0, pieces: pieces(&rng))
            }
        }
    }

    private static func pieces(_ rng: inout any SeededRandomNumberGenerator) -> [MadeUpRun.Piece] {
        (0..<Int.random(in: 1...8, using: &rng)).map { _ in
            if Int.random(in: 0..<300, using: &rng) == 0 {
                // 10,000 to 200,000 bytes, as many runs below 45,000 as above.
                let unit = hugeUnits.randomElement(using: &rng)!
                let bytes = 10_000 * pow(20, Double.random(in: 0...1, using: &rng))
                return .repeated(unit, Int(bytes) / unit.utf8.count)
            }
            return .text(fragments.randomElement(using: &rng)! + (Int.random(in: 0..<10, using: &rng) < 7 ? "\n" : ""))
        }
    }

    /// A citation's value: a number as a run prints one, or text, of which some
    /// must be refused (see ``CitationValue``).
    static let value = Generator<String?, Shrink.None<String?>> { rng in
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return nil
        case 1...4: return numbers.randomElement(using: &rng)!
        case 5...7: return words.randomElement(using: &rng)!
        case 8, 9: return markdown.randomElement(using: &rng)!
        default: return refused.randomElement(using: &rng)!
        }
    }

    static let fragments = [
        "loss: [[0.52699227]]", "W grad: [[-3.42057777e-06 -2.01341432e-01]]", "score 0.5904", "", " ", "trailing   ", "\t", "\u{0}", "\r",
        "\r\n", "\u{1B}[1mbold\u{1B}[0m", "\u{7F}", "\u{7}", "\u{C}", "\u{B}", "`", "``", "```", "````", "``````", "~~~", "```output",
        "```swift", "~~~swift", "> quoted", ">", "- item", "* item", "1. item", "2) item", "+ x", "    indented", "\tindented", "# heading",
        "---", "===", "<div>", "</div>", "<!-- c -->", "{{x: 1}}", "{{", "}}", "$a$", "$$", "|a|b|", "[^1]: note", "é", "\u{301}",
        "\u{FEFF}", "\u{85}", "\u{2028}", "😀", "\\", "&amp;", "   ", "\t  ", "[[1.0, 2.5], [3e10, -0.0]]",
    ]

    static let hugeUnits = ["x", "word ", "`", "~", "0.25 ", "é", " ", "\u{0}", "\r", "> ", "{{"]

    static let numbers = [
        "0.5269922738", "1", "42", "-3.42057777e-06", "1e-07", "0.1", "-0.0", "0", "2.5", "100000", "1e+20", "3.141592653589793",
        "9223372036854775807", "-9223372036854775808", "11400714819323198485", "12345678901234567", "1e400", "1e-400", "5e-324",
        "nan", "inf", "-inf", "0x1F", "0x1p-3", "1.", ".5", "+2", "1E5", "0.30000000000000004", "99.99999999",
    ]

    static let words = ["hello", "a b", "x=1", "Optional(3)", "é", "true", "", "ok: yes", "[1, 2]", "(a: 1, b: 2)", "1 2 3", "-"]

    /// Values holding Markdown that may change how the line around the citation reads.
    static let markdown = ["a$b", "`x`", "<b>", "\\", "[x](y)", "{", "{x}", "a}b", "![i](j)", "*", "$"]

    static let refused = ["a\nb", "a\rb", "a\r\nb", "a|b", "a}}b", "a}", "}", " a", "a ", " ", "\u{0}", "a\u{7F}", "a\tb", "a\u{85}b",
                          "a\u{2028}b", "$x", "\u{1B}[0m"]
}

/// Whether bless may write a citation's value, by the rules a lecture's syntax
/// sets: a value may hold no line break or control character, no `}}` and no
/// `}` at its end (which would close the citation early), no `|` (which splits
/// a table's cells), no space at either end (which reading drops), and inside a
/// formula no `$`.
enum CitationValue {
    case writable
    /// Written, but its Markdown may change how the text before it on its line
    /// reads (a `` ` `` or `$` or `[` can pair with one before the citation), so
    /// bless may refuse it when its check reads the lecture back.
    case markdown
    case refused

    init(_ value: String, inFormula: Bool) {
        if value.contains(where: \.isNewline) || value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            || value.contains("}}") || value.hasSuffix("}") || value.contains("|")
            || value.first == " " || value.last == " " || (inFormula && value.contains("$")) {
            self = .refused
        } else if value.contains(where: { "$`<>[]\\{}".contains($0) }) {
            self = .markdown
        } else {
            self = .writable
        }
    }
}
