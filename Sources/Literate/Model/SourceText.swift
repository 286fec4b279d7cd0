/// A lecture file's bytes as written, and the text the parser reads: the same
/// lines, each ended by `\n`. Windows editors end lines with CR LF and old Mac
/// ones with CR; cmark accepts all three, but every position the tool reports and
/// every edit `bless` makes is counted in lines, so the lines are found once here
/// and an edit is mapped back onto the bytes as written, keeping each line's own
/// ending.
public struct SourceText: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        case lf, crlf, cr
        /// The last line of a file that does not end with a line break.
        case none

        var bytes: [UInt8] {
            switch self {
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            case .cr: [0x0D]
            case .none: []
            }
        }
    }

    /// A line: where it starts in ``bytes``, where its content ends, and how it ends.
    public struct Line: Sendable, Equatable {
        public var start: Int
        public var contentEnd: Int
        public var ending: Ending
        public var end: Int { contentEnd + ending.bytes.count }
    }

    public let bytes: [UInt8]
    public let lines: [Line]
    /// The text with every line ended by `\n`.
    public let normalized: String

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                lines.append(Line(start: start, contentEnd: index, ending: .lf))
                index += 1
                start = index
            case 0x0D:
                let crlf = index + 1 < bytes.count && bytes[index + 1] == 0x0A
                lines.append(Line(start: start, contentEnd: index, ending: crlf ? .crlf : .cr))
                index += crlf ? 2 : 1
                start = index
            default:
                index += 1
            }
        }
        if start < bytes.count { lines.append(Line(start: start, contentEnd: bytes.count, ending: .none)) }
        self.lines = lines
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        for line in lines {
            text += bytes[line.start..<line.contentEnd]
            if line.ending != .none { text.append(0x0A) }
        }
        normalized = String(decoding: text, as: UTF8.self)
    }

    /// The ending a new line gets: the one most lines of the file have (`\n` for
    /// a file with no line break).
    public var preferredEnding: Ending {
        let counts = [Ending.lf, .crlf, .cr].map { ending in (ending, lines.filter { $0.ending == ending }.count) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? .lf
    }

    /// The content of 1-based line `number`, without its ending.
    public func content(ofLine number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lines.count else { return [] }
        let line = lines[number - 1]
        return bytes[line.start..<line.contentEnd]
    }

    /// The offset in ``bytes`` where 1-based line `number` starts; one past the
    /// last line, the end of the file.
    public func start(ofLine number: Int) -> Int {
        number - 1 < lines.count ? lines[max(number - 1, 0)].start : bytes.count
    }

    /// The offset in ``bytes`` just past 1-based line `number` and its ending.
    public func end(ofLine number: Int) -> Int {
        number - 1 < lines.count ? lines[max(number - 1, 0)].end : bytes.count
    }
}
