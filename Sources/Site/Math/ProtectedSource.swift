/// A lecture's Markdown with its math and citations taken out, so that cmark
/// reads neither: no emphasis inside a formula, no lost backslash, `\\` row
/// breaks and `_` and `*` kept as written.
///
/// Each span becomes a placeholder made of private-use characters, which cmark
/// treats as plain text: `U+E000`, the span's number, `U+E001`. A span over
/// several lines leaves the placeholder on each of its lines, so every other
/// line keeps its number (cells are matched to code blocks by line, and
/// diagnostics name lines). ``restore(_:_:)`` puts the spans back into the
/// HTML that cmark's tree became.
struct ProtectedSource {
    enum Span: Equatable {
        case math(tex: String, display: Bool)
        case citation(index: Int)
    }

    /// The Markdown with placeholders.
    var text: String
    /// The spans by number.
    var spans: [Span]
    /// For each byte of `text`, the byte of the original source it stands for.
    private var originalOffsets: [Int]
    private var originalBytes: [UInt8]
    private var protectedLineStarts: [Int]

    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    /// Protects `source`; `opaqueLines` are the 1-based line ranges of code and
    /// HTML blocks, where nothing is math; `citations` are the byte ranges of the
    /// lecture's `{{…}}` citations, in order.
    init(_ source: String, opaqueLines: [ClosedRange<Int>], citations: [Range<Int>]) {
        let bytes = Array(source.utf8)
        let math = MathSpanScanner(source, opaqueLines: opaqueLines, skipping: citations).spans()
        // Citations are spans 0..<n; a citation inside a formula stays a
        // placeholder inside its TeX, for the renderer to fill in.
        var spans: [Span] = citations.indices.map { .citation(index: $0) }
        var regions: [(range: Range<Int>, number: Int)] = citations.enumerated().map { ($1, $0) }
        for span in math {
            let delimiter = span.display ? 2 : 1
            let content = (span.range.lowerBound + delimiter)..<(span.range.upperBound - delimiter)
            var texBytes: [UInt8] = []
            var position = content.lowerBound
            for (number, citation) in citations.enumerated() where content.contains(citation.lowerBound) && citation.upperBound <= content.upperBound {
                texBytes += bytes[position..<citation.lowerBound] + Self.placeholder(number)
                position = citation.upperBound
            }
            texBytes += bytes[position..<content.upperBound]
            let tex = Self.removingQuoteMarkers(texBytes, depth: Self.quoteDepth(ofLineAt: span.range.lowerBound, in: bytes))
            spans.append(.math(tex: tex, display: span.display))
            regions.append((span.range, spans.count - 1))
        }
        regions.sort { $0.range.lowerBound < $1.range.lowerBound }

        var output: [UInt8] = []
        var offsets: [Int] = []
        output.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count)
        var position = 0
        for region in regions where region.range.lowerBound >= position {
            output += bytes[position..<region.range.lowerBound]
            offsets += position..<region.range.lowerBound
            let placeholder = Self.placeholder(region.number)
            output += placeholder
            offsets += Array(repeating: region.range.lowerBound, count: placeholder.count)
            for offset in region.range where bytes[offset] == UInt8(ascii: "\n") {
                output.append(UInt8(ascii: "\n"))
                offsets.append(offset)
                output += placeholder
                offsets += Array(repeating: offset + 1, count: placeholder.count)
            }
            position = region.range.upperBound
        }
        output += bytes[position...]
        offsets += position..<bytes.count
        offsets.append(bytes.count)

        text = String(decoding: output, as: UTF8.self)
        self.spans = spans
        originalOffsets = offsets
        originalBytes = bytes
        protectedLineStarts = [0] + output.indices.filter { output[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// `html` with every placeholder (and the repeats of a span over several
    /// lines, with the white space between them) replaced by `replacement(span)`.
    func restore(_ html: String, _ replacement: (Span) -> String) -> String {
        guard html.unicodeScalars.contains(Self.open) else { return html }
        let scalars = Array(html.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == Self.open, let (number, end) = placeholder(in: scalars, at: index) else {
                result.append(scalars[index])
                index += 1
                continue
            }
            index = end
            // Swallow this span's placeholders on its further lines.
            while true {
                var next = index
                while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
                guard next < scalars.count, scalars[next] == Self.open,
                      let (repeated, after) = placeholder(in: scalars, at: next), repeated == number else { break }
                index = after
            }
            result.append(contentsOf: (number < spans.count ? replacement(spans[number]) : "").unicodeScalars)
        }
        return String(result)
    }

    /// The 1-based line and character column in the original source of the byte
    /// at `line`:`column` (1-based, in bytes) of the protected text.
    func originalLocation(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= protectedLineStarts.count else { return (max(line, 1), 1) }
        let protectedOffset = min(protectedLineStarts[line - 1] + max(column, 1) - 1, originalOffsets.count - 1)
        let offset = originalOffsets[protectedOffset]
        let before = originalBytes[..<offset]
        let originalLine = before.lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return (originalLine, String(decoding: originalBytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    /// The placeholder of span `number`, as UTF-8.
    private static func placeholder(_ number: Int) -> [UInt8] {
        Array("\(open)\(number)\(close)".utf8)
    }

    private func placeholder(in scalars: [Unicode.Scalar], at start: Int) -> (Int, Int)? {
        var index = start + 1
        var number = 0
        while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
            number = number * 10 + digit
            index += 1
        }
        guard index > start + 1, index < scalars.count, scalars[index] == Self.close else { return nil }
        return (number, index + 1)
    }

    /// How many `>` block-quote markers open the line that holds `offset`.
    private static func quoteDepth(ofLineAt offset: Int, in bytes: [UInt8]) -> Int {
        let start = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let prefix = bytes[start..<offset].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        return prefix.filter { $0 == UInt8(ascii: ">") }.count
    }

    /// TeX over several lines of a block quote, without the quote's `>` markers
    /// at the start of its further lines.
    private static func removingQuoteMarkers(_ content: [UInt8], depth: Int) -> String {
        let text = String(decoding: content, as: UTF8.self)
        guard depth > 0, text.contains("\n") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ([String(lines[0])] + lines.dropFirst().map { line in
            var rest = Substring(line)
            for _ in 0..<depth {
                let trimmed = rest.drop { $0 == " " || $0 == "\t" }
                guard trimmed.first == ">" else { break }
                rest = trimmed.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
            }
            return String(rest)
        }).joined(separator: "\n")
    }
}
