import PropertyBased
import Testing

/// A place chosen among what there is when a mutation is applied (the lines of
/// the lecture at that moment, the bytes of a line, the lines of code inside
/// `swift` fences): `value` out of 65536, so one mutation means the same thing
/// on any lecture, and a printed case replays exactly.
struct Spot: Sendable, Equatable, CustomStringConvertible {
    var value: UInt16

    /// The index it names among `count` things (0 when there are none).
    func index(in count: Int) -> Int { Int(value) * count / 65536 }

    var description: String { "\(value)" }
}

/// How a line ends.
enum LineEnding: String, Sendable, CaseIterable {
    case lf, crlf, cr

    var bytes: [UInt8] {
        switch self {
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}

/// One change to a lecture's bytes, of the kinds a careless editor, a merge or a
/// hostile file makes.
enum Mutation: Sendable, Equatable, CustomStringConvertible {
    /// The endings of `count` lines from `line` become `ending`.
    case endings(line: Spot, count: Int, ending: LineEnding)
    /// `lines` go in before line `before` (each ended as that line's neighbour is).
    case insertLines(before: Spot, lines: [String])
    case deleteLines(line: Spot, count: Int)
    case duplicateLines(line: Spot, count: Int)
    /// `bytes` go into line `line` at byte `at` (moved back to the start of a character).
    case insertBytes(line: Spot, at: Spot, bytes: [UInt8])
    /// `first` opens line `line`, `rest` opens the `count - 1` lines after it.
    case prefix(line: Spot, count: Int, first: String, rest: String)
    /// `first` opens a line that looks like a fence, `rest` the `count - 1` lines after it.
    case prefixFence(fence: Spot, count: Int, first: String, rest: String)
    /// The text after the backticks or tildes of a line that looks like a fence becomes `info`.
    case retag(fence: Spot, info: String)
    /// A line of `unit` repeated `count` times, between two `around`, goes in before line `before`.
    case hugeLine(before: Spot, unit: String, count: Int, around: String)
    /// `text`, `times` over, goes into a line of a cell's code (a line inside a `swift` fence).
    case codeEdit(line: Spot, at: Spot, text: String, times: Int)
    /// The leading spaces of `count` lines from `line` become one tab each.
    case tabs(line: Spot, count: Int)

    var description: String {
        switch self {
        case .endings(let line, let count, let ending): ".endings(line: \(line), count: \(count), .\(ending))"
        case .insertLines(let before, let lines): ".insertLines(before: \(before), \(lines.map(\.debugDescription)))"
        case .deleteLines(let line, let count): ".deleteLines(line: \(line), count: \(count))"
        case .duplicateLines(let line, let count): ".duplicateLines(line: \(line), count: \(count))"
        case .insertBytes(let line, let at, let bytes): ".insertBytes(line: \(line), at: \(at), \(bytes.map { "0x" + String($0, radix: 16) }))"
        case .prefix(let line, let count, let first, let rest): ".prefix(line: \(line), count: \(count), \(first.debugDescription), \(rest.debugDescription))"
        case .prefixFence(let fence, let count, let first, let rest):
            ".prefixFence(fence: \(fence), count: \(count), \(first.debugDescription), \(rest.debugDescription))"
        case .retag(let fence, let info): ".retag(fence: \(fence), \(info.debugDescription))"
        case .hugeLine(let before, let unit, let count, let around):
            ".hugeLine(before: \(before), \(unit.debugDescription) × \(count), around: \(around.debugDescription))"
        case .codeEdit(let line, let at, let text, let times): ".codeEdit(line: \(line), at: \(at), \(text.debugDescription) × \(times))"
        case .tabs(let line, let count): ".tabs(line: \(line), count: \(count))"
        }
    }
}

/// A lecture's lines, each with its own ending, which mutations edit.
struct LectureLines {
    var lines: [(content: [UInt8], ending: [UInt8])]

    init(_ bytes: [UInt8]) {
        lines = []
        var start = 0, index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                let crlf = bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                let length = crlf ? 2 : 1
                lines.append((Array(bytes[start..<index]), Array(bytes[index..<(index + length)])))
                index += length
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append((Array(bytes[start...]), [])) }
    }

    var bytes: [UInt8] { lines.flatMap { $0.content + $0.ending } }

    /// The ending a line put in at `index` gets: its predecessor's, else `\n`.
    private func ending(before index: Int) -> [UInt8] {
        index > 0 && !lines[index - 1].ending.isEmpty ? lines[index - 1].ending : [0x0A]
    }

    /// Puts `contents` in before line `index`; a last line without an ending gets one first.
    private mutating func insert(_ contents: [[UInt8]], at index: Int) {
        if index == lines.count, index > 0, lines[index - 1].ending.isEmpty { lines[index - 1].ending = [0x0A] }
        let ending = ending(before: index)
        lines.insert(contentsOf: contents.map { ($0, ending) }, at: index)
    }

    /// The indices of lines that look like fences: after container marks
    /// (`>`, spaces, tabs, list markers), three backticks or tildes.
    var fenceLines: [Int] {
        lines.indices.filter { Self.fenceMarker(in: lines[$0].content) != nil }
    }

    /// The indices of the lines between a fence whose info starts with `swift` and the next fence line.
    var codeLines: [Int] {
        var found: [Int] = []
        var inside = false
        for index in lines.indices {
            if let marker = Self.fenceMarker(in: lines[index].content) {
                inside = !inside && lines[index].content[marker.upperBound...].starts(with: Array("swift".utf8))
            } else if inside {
                found.append(index)
            }
        }
        return found
    }

    /// Where the run of backticks or tildes of a fence-like line is.
    static func fenceMarker(in line: [UInt8]) -> Range<Int>? {
        let containerMarks = Set(" \t>-*+0123456789.)".utf8)
        let start = line.firstIndex { !containerMarks.contains($0) } ?? line.count
        guard start < line.count, line[start] == UInt8(ascii: "`") || line[start] == UInt8(ascii: "~") else { return nil }
        let end = line[start...].firstIndex { $0 != line[start] } ?? line.count
        return end - start >= 3 ? start..<end : nil
    }

    mutating func apply(_ mutation: Mutation) {
        switch mutation {
        case .endings(let line, let count, let ending):
            guard !lines.isEmpty else { return }
            let first = line.index(in: lines.count)
            for index in first..<min(first + count, lines.count) { lines[index].ending = ending.bytes }
        case .insertLines(let before, let new):
            insert(new.map { Array($0.utf8) }, at: before.index(in: lines.count + 1))
        case .deleteLines(let line, let count):
            guard !lines.isEmpty else { return }
            let first = line.index(in: lines.count)
            lines.removeSubrange(first..<min(first + count, lines.count))
        case .duplicateLines(let line, let count):
            guard !lines.isEmpty else { return }
            let first = line.index(in: lines.count)
            let copied = Array(lines[first..<min(first + count, lines.count)])
            if lines[lines.count - 1].ending.isEmpty, first + copied.count == lines.count { lines[lines.count - 1].ending = [0x0A] }
            lines.insert(contentsOf: copied.map { ($0.content, $0.ending.isEmpty ? [0x0A] : $0.ending) }, at: first + copied.count)
        case .insertBytes(let line, let at, let bytes):
            guard !lines.isEmpty else { return }
            let index = line.index(in: lines.count)
            lines[index].content.insert(contentsOf: bytes, at: characterStart(in: lines[index].content, near: at.index(in: lines[index].content.count + 1)))
        case .prefix(let line, let count, let first, let rest):
            guard !lines.isEmpty else { return }
            prefix(from: line.index(in: lines.count), count: count, first: first, rest: rest)
        case .prefixFence(let fence, let count, let first, let rest):
            let fences = fenceLines
            guard !fences.isEmpty else { return }
            prefix(from: fences[fence.index(in: fences.count)], count: count, first: first, rest: rest)
        case .retag(let fence, let info):
            let fences = fenceLines
            guard !fences.isEmpty else { return }
            let index = fences[fence.index(in: fences.count)]
            let marker = Self.fenceMarker(in: lines[index].content)!
            lines[index].content = Array(lines[index].content[..<marker.upperBound]) + Array(info.utf8)
        case .hugeLine(let before, let unit, let count, let around):
            insert([Array((around + String(repeating: unit, count: count) + around).utf8)], at: before.index(in: lines.count + 1))
        case .codeEdit(let line, let at, let text, let times):
            let code = codeLines
            guard !code.isEmpty else { return }
            let index = code[line.index(in: code.count)]
            lines[index].content.insert(contentsOf: Array(String(repeating: text, count: times).utf8), at: characterStart(in: lines[index].content, near: at.index(in: lines[index].content.count + 1)))
        case .tabs(let line, let count):
            guard !lines.isEmpty else { return }
            let start = line.index(in: lines.count)
            for index in start..<min(start + count, lines.count) {
                let spaces = lines[index].content.prefix { $0 == UInt8(ascii: " ") }.count
                if spaces > 0 { lines[index].content.replaceSubrange(0..<spaces, with: [0x09]) }
            }
        }
    }

    private mutating func prefix(from start: Int, count: Int, first: String, rest: String) {
        for index in start..<min(start + count, lines.count) {
            lines[index].content.insert(contentsOf: Array((index == start ? first : rest).utf8), at: 0)
        }
    }

    /// `offset`, moved back to the first byte of the UTF-8 character it falls in.
    private func characterStart(in bytes: [UInt8], near offset: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > 0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}

/// A lecture made from a base lecture: optionally a window of its lines under a
/// `# Title` line, then the mutations, in order.
struct MutatedLecture: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Lines `start` (a spot) and the `length` lines after it.
    struct Window: Sendable, Equatable {
        var start: Spot
        var length: Int
    }

    var base: Int
    var window: Window?
    var mutations: [Mutation]
    let bytes: [UInt8]

    init(base: Int, window: Window?, mutations: [Mutation]) {
        self.base = base
        self.window = window
        self.mutations = mutations
        var lines = LectureLines(BaseLecture.all[base].bytes)
        if let window, !lines.lines.isEmpty {
            let first = window.start.index(in: lines.lines.count)
            lines.lines = [(Array("# Window".utf8), [0x0A])] + lines.lines[first..<min(first + window.length, lines.lines.count)]
        }
        for mutation in mutations { lines.apply(mutation) }
        bytes = lines.bytes
    }

    /// How to make it again.
    var recipe: String {
        let window = window.map { "MutatedLecture.Window(start: Spot(value: \($0.start)), length: \($0.length))" } ?? "nil"
        return """
        MutatedLecture(base: \(base) /* \(BaseLecture.all[base].name) */, window: \(window), mutations: [
        \(mutations.map { "    " + $0.description }.joined(separator: ",\n"))
        ])
        """
    }

    /// How to make it again, and its bytes (long lines shortened).
    var testDescription: String {
        "\(recipe)\nits bytes, a Swift literal per line:\n\(Shown.lines(of: bytes))"
    }

    var description: String { testDescription }
}

/// Text shown in a failure message: each line a Swift string literal, runs of a
/// repeated byte and lines of more than 400 bytes shortened.
enum Shown {
    static func lines(of bytes: [UInt8]) -> String {
        LectureLines(bytes).lines.enumerated().map { number, line in
            "\(number + 1): " + literal(line.content + line.ending)
        }.joined(separator: "\n")
    }

    static func literal(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let valid = Array(text.utf8) == bytes
        let shown = bytes.count > 400 ? String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription + " … \(bytes.count - 300) bytes … "
            + String(decoding: bytes.suffix(100), as: UTF8.self).debugDescription : text.debugDescription
        return valid ? shown : "(not UTF-8) " + bytes.prefix(400).map { String($0, radix: 16) }.joined(separator: " ")
    }

    static func text(_ text: String) -> String { literal(Array(text.utf8)) }
}
