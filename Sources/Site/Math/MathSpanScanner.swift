/// Finds TeX in a lecture's prose: `$$display$$` and `$inline$` spans, outside
/// code blocks, HTML blocks, inline code and citations.
///
/// The rules are pandoc's, so that a dollar sign used as money stays text:
/// - `$$ … $$` is display math; it may span lines but not a blank line.
/// - `$…$` is inline math when the opening `$` is followed by a character that is
///   not a space, and the closing `$` follows a character that is not a space and
///   is not followed by a digit. "It costs $5 and $6" holds no math.
/// - `\$` is a dollar sign, never a delimiter, and inline math holds no backtick
///   (one would start inline code).
struct MathSpanScanner {
    struct Span: Equatable {
        /// UTF-8 byte offsets of the whole span, delimiters included.
        var range: Range<Int>
        var display: Bool
    }

    private let bytes: [UInt8]
    /// For each line (0-based), whether math may not start or run through it.
    private let opaqueLines: [Bool]
    private let lineOfOffset: [Int]
    /// Byte ranges to step over: citations.
    private let skipped: [Int: Int]

    /// `opaqueLines` holds the 1-based line ranges of code and HTML blocks;
    /// `skipping` holds byte ranges (citations) that are not prose.
    init(_ source: String, opaqueLines: [ClosedRange<Int>], skipping: [Range<Int>]) {
        bytes = Array(source.utf8)
        var lineOfOffset: [Int] = []
        lineOfOffset.reserveCapacity(bytes.count + 1)
        var line = 0
        for byte in bytes {
            lineOfOffset.append(line)
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        lineOfOffset.append(line)
        self.lineOfOffset = lineOfOffset
        var opaque = Array(repeating: false, count: line + 1)
        for range in opaqueLines {
            for number in range where number >= 1 && number <= opaque.count { opaque[number - 1] = true }
        }
        self.opaqueLines = opaque
        var skipped: [Int: Int] = [:]
        for range in skipping { skipped[range.lowerBound] = range.upperBound }
        self.skipped = skipped
    }

    func spans() -> [Span] {
        var found: [Span] = []
        var index = 0
        while index < bytes.count {
            if opaqueLines[lineOfOffset[index]] {
                index = endOfLine(from: index) + 1
                continue
            }
            if let end = skipped[index] {
                index = end
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "`"):
                index = afterCodeSpan(at: index)
            case UInt8(ascii: "$") where byte(index + 1) == UInt8(ascii: "$"):
                if let close = find(closingDisplayAfter: index + 2) {
                    found.append(Span(range: index..<(close + 2), display: true))
                    index = close + 2
                } else {
                    index += 2
                }
            case UInt8(ascii: "$"):
                if let close = find(closingInlineAfter: index + 1) {
                    found.append(Span(range: index..<(close + 1), display: false))
                    index = close + 1
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        return found
    }

    private func byte(_ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isSpace(_ byte: UInt8?) -> Bool {
        byte.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? true
    }

    private func endOfLine(from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    /// Whether the line after the newline at `newline` ends a paragraph: it is
    /// blank, opaque, or there is none.
    private func paragraphEnds(afterNewline newline: Int) -> Bool {
        let next = newline + 1
        guard next < bytes.count, !opaqueLines[lineOfOffset[next]] else { return true }
        return bytes[next..<endOfLine(from: next)].allSatisfy { isSpace($0) }
    }

    /// The offset after the inline code span that starts with the backticks at
    /// `start`, or after the backticks when nothing closes them.
    private func afterCodeSpan(at start: Int) -> Int {
        var run = 0
        while byte(start + run) == UInt8(ascii: "`") { run += 1 }
        var index = start + run
        while index < bytes.count {
            let current = bytes[index]
            if current == UInt8(ascii: "\n"), paragraphEnds(afterNewline: index) { break }
            guard current == UInt8(ascii: "`") else { index += 1; continue }
            var other = 0
            while byte(index + other) == UInt8(ascii: "`") { other += 1 }
            if other == run { return index + other }
            index += other
        }
        return start + run
    }

    /// The offset of the `$$` closing display math whose content starts at `start`.
    private func find(closingDisplayAfter start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\n") where paragraphEnds(afterNewline: index): return nil
            case UInt8(ascii: "$") where byte(index + 1) == UInt8(ascii: "$"):
                return bytes[start..<index].allSatisfy { isSpace($0) } ? nil : index
            default: index += 1
            }
        }
        return nil
    }

    /// The offset of the `$` closing inline math whose content starts at `start`.
    private func find(closingInlineAfter start: Int) -> Int? {
        guard !isSpace(byte(start)), byte(start) != UInt8(ascii: "$") else { return nil }
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\n") where paragraphEnds(afterNewline: index): return nil
            // TeX has no backticks: one starts inline code, so this `$` was money.
            case UInt8(ascii: "`"): return nil
            case UInt8(ascii: "$"):
                let followedByDigit = byte(index + 1).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
                if index > start, !isSpace(bytes[index - 1]), !followedByDigit { return index }
                index += 1
            default: index += 1
            }
        }
        return nil
    }
}
