import Foundation
import Testing
@testable import Literate

/// The properties that reading and blessing any lecture must have, checked on
/// one case; each failure is recorded with the case, which replays exactly.
enum LectureProperties {
    static let path = "lectures/01-mutated.md"

    /// What the checks saw, to show that the properties were not checked on
    /// nothing.
    struct Tally: CustomStringConvertible {
        var cases = 0
        var parsed = 0
        var blessed = 0
        var refused = 0
        /// Blessed cases that wrote an output inside a block quote or list item,
        /// closed a cell that its container or the file closed, wrote a value
        /// inside a formula, or kept lines ending in CR LF or CR.
        var inContainers = 0
        var closedCells = 0
        var inFormulas = 0
        var otherEndings = 0

        var description: String {
            "\(cases) cases: \(parsed) read, \(blessed) blessed, \(refused) refused; blessed \(inContainers) in containers, "
                + "\(closedCells) closing cells, \(inFormulas) in formulas, \(otherEndings) with CR LF or CR"
        }
    }

    // MARK: Reading

    /// Reads `mutated`: the lecture, or nil when the parser threw. Either way
    /// checks what the parser must guarantee:
    /// - a file that is not UTF-8 is refused with one error at its first bad byte
    ///   (line and byte column, lines ended by LF, CR LF or CR);
    /// - every error names a line of the file and a column;
    /// - a lecture read holds the file's bytes, its cells and output fences in
    ///   order on lines that hold their fences, and its citations at bytes that
    ///   read `{{…}}` on one line, the recorded value's bytes inside them.
    static func read(_ mutated: MutatedLecture) -> Lecture? {
        let bytes = mutated.bytes
        let lineCount = LectureLines(bytes).lines.count
        let invalid = firstInvalidUTF8(in: bytes)
        do {
            let lecture = try LectureParser.parse(bytes, path: path)
            #expect(invalid == nil, "a file that is not UTF-8 was read\n\(mutated.testDescription)")
            let broken = brokenInvariants(of: lecture, bytes: bytes)
            #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))\n\(mutated.testDescription)")
            return lecture
        } catch {
            #expect(!error.all.isEmpty, "the parser threw no diagnostic\n\(mutated.testDescription)")
            for diagnostic in error.all {
                let placed = diagnostic.location.map { $0.file == path && (1...max(1, lineCount + 1)).contains($0.line) && $0.column >= 1 } ?? false
                #expect(placed, "a diagnostic without a place in the file: \(diagnostic)\n\(mutated.testDescription)")
            }
            if let invalid {
                #expect(error.all.map(\.location) == [Literate.SourceLocation(file: path, line: invalid.line, column: invalid.column)],
                        "not UTF-8 at \(invalid.line):\(invalid.column), but: \(error)\n\(mutated.testDescription)")
            }
            return nil
        }
    }

    /// The line and byte column of the first byte that is not part of a valid UTF-8 character.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: break loop
            }
        }
        var line = 1, lineStart = 0, index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// What is wrong with what the parser says of `bytes`, as sentences.
    static func brokenInvariants(of lecture: Lecture, bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        let text = lecture.text
        if text.bytes != bytes { broken.append("the lecture does not hold the file's bytes") }
        let lines = LectureLines(bytes).lines
        func content(_ line: Int) -> [UInt8] { line >= 1 && line <= lines.count ? lines[line - 1].content : [] }
        func holdsFence(_ span: FenceSpan, line: Int, opening: Bool) -> Bool {
            let row = content(line)
            if opening { return row.dropFirst(span.column - 1).starts(with: Array(span.marker.utf8)) }
            let trimmed = row.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed()
            return Array(trimmed).suffix(span.marker.utf8.count) == ArraySlice(span.marker.utf8)
        }
        var after = 0
        for (number, cell) in lecture.cells.enumerated() {
            let span = cell.fence
            if cell.index != number { broken.append("cell \(number + 1) has index \(cell.index)") }
            if !(span.openLine > after && span.openLine <= span.closeLine && span.closeLine <= max(lines.count, 1)) {
                broken.append("cell \(number + 1) spans lines \(span.openLine)...\(span.closeLine), out of order or outside the file")
                continue
            }
            if !holdsFence(span, line: span.openLine, opening: true) { broken.append("cell \(number + 1)'s line \(span.openLine) has no fence at column \(span.column)") }
            if span.isClosed, !holdsFence(span, line: span.closeLine, opening: false) { broken.append("cell \(number + 1)'s closing line \(span.closeLine) has no fence") }
            after = span.closeLine
            if let recorded = cell.recorded?.fence {
                if !(recorded.openLine > after && recorded.openLine <= recorded.closeLine && recorded.closeLine <= lines.count) {
                    broken.append("the output fence of cell \(number + 1) spans lines \(recorded.openLine)...\(recorded.closeLine)")
                    continue
                }
                if !holdsFence(recorded, line: recorded.openLine, opening: true) { broken.append("the output fence of cell \(number + 1) has no fence on line \(recorded.openLine)") }
                after = recorded.closeLine
            }
        }
        var previous = -1
        for (number, citation) in lecture.citations.enumerated() {
            let range = citation.byteRange, value = citation.valueBytes
            guard citation.index == number, range.lowerBound >= 0, range.upperBound <= bytes.count, range.count >= 4 else {
                broken.append("citation \(number + 1) at bytes \(range) is outside the file or too short")
                continue
            }
            let written = Array(bytes[range])
            if !(written.starts(with: [0x7B, 0x7B]) && written.suffix(2) == [0x7D, 0x7D] && !written.contains(0x0A) && !written.contains(0x0D)) {
                broken.append("citation \(number + 1) at bytes \(range) reads \(Shown.literal(written)), not {{…}} on one line")
            }
            if range.lowerBound == previous { broken.append("citations \(number) and \(number + 1) are at the same bytes") }
            previous = range.lowerBound
            if !(value.lowerBound >= range.lowerBound + 2 && value.upperBound <= range.upperBound - 2) {
                broken.append("citation \(number + 1)'s value bytes \(value) are not inside its braces \(range)")
            } else if let recorded = citation.recorded, String(decoding: bytes[value], as: UTF8.self) != recorded {
                broken.append("citation \(number + 1)'s value bytes read \(Shown.literal(Array(bytes[value]))), its value is \(recorded.debugDescription)")
            } else if citation.recorded == nil, !value.isEmpty {
                broken.append("citation \(number + 1) has no value but value bytes \(value)")
            }
            let line = text.lines.firstIndex { $0.start <= range.lowerBound && range.lowerBound < $0.end }.map { $0 + 1 }
            if let line, citation.location.line != line || citation.location.column != range.lowerBound - text.lines[line - 1].start + 1 {
                broken.append("citation \(number + 1) at byte \(range.lowerBound) (line \(line)) is said to be at \(citation.location.line):\(citation.location.column)")
            }
        }
        return broken
    }

    // MARK: Blessing

    /// Blesses the lecture `mutated` with `madeUp`, when it reads, and checks
    /// that bless either refuses, with each error at its place and only for
    /// values that cannot be written, or writes a lecture that
    /// - reads, with the same cells (code and options) and citations (expressions);
    /// - verifies against the same run;
    /// - differs from the original only in the output fences of the cells and
    ///   the values of the citations that the run gave (``EditableRegions``),
    ///   whose bytes are fences with the cell's container prefix and the file's
    ///   line ending, and `: value` or the value;
    /// - blesses to itself with the same run.
    static func bless(_ mutated: MutatedLecture, with madeUp: MadeUpRun, tally: inout Tally) {
        tally.cases += 1
        guard let lecture = read(mutated) else { return }
        tally.parsed += 1
        let context = "\(mutated.testDescription)\n\(madeUp.testDescription)"
        let run = madeUp.run(of: lecture)
        let values = lecture.citations.compactMap { citation in
            run.citations[citation.index].map { (citation, CitationValue(citation.shown($0), inFormula: citation.inFormula)) }
        }
        // An output with runs of 255 backticks and of 255 tildes fits no fence.
        let unfenced = lecture.cells.filter { cell in
            guard cell.options.recordsOutput, run.cells[cell.index] != nil, cell.recorded != nil || cell.printsComments.isEmpty else { return false }
            let output = run.recordedText(ofCell: cell.index)
            return output.contains(String(repeating: "`", count: 255)) && output.contains(String(repeating: "~", count: 255))
        }
        let mustRefuse = values.filter { $0.1 == .refused }.map(\.0.location)
            + unfenced.map { Literate.SourceLocation(file: path, line: $0.fence.openLine, column: $0.fence.column) }
        let mayRefuse = values.contains { $0.1 == .markdown }

        let blessed: [UInt8]
        do {
            blessed = try Blesser.blessed(run)
        } catch {
            tally.refused += 1
            for diagnostic in error.all {
                #expect(diagnostic.location != nil, "bless refused without a place: \(diagnostic)\n\(context)")
            }
            if !mayRefuse {
                #expect(error.all.map(\.location).sorted(by: inOrder) == mustRefuse.sorted(by: inOrder).map(Optional.some),
                        "bless refused other than the values it cannot write (at \(mustRefuse.map { "\($0.line):\($0.column)" })): \(error)\n\(context)")
            }
            return
        }
        tally.blessed += 1
        let written = lecture.cells.filter { $0.options.recordsOutput && !run.recordedText(ofCell: $0.index).isEmpty && ($0.recorded != nil || $0.printsComments.isEmpty) }
        if written.contains(where: { !$0.fence.containerPrefix.isEmpty }) { tally.inContainers += 1 }
        if written.contains(where: { !$0.fence.isClosed }) { tally.closedCells += 1 }
        if values.contains(where: { $0.0.inFormula }) { tally.inFormulas += 1 }
        if lecture.text.lines.contains(where: { $0.ending == .crlf || $0.ending == .cr }) { tally.otherEndings += 1 }
        #expect(mustRefuse.isEmpty, "bless wrote values it must refuse, at \(mustRefuse.map { "\($0.line):\($0.column)" })\n\(context)")

        let again: Lecture
        do {
            again = try LectureParser.parse(blessed, path: path)
        } catch {
            Issue.record("the blessed lecture does not read: \(error)\nblessed:\n\(Shown.lines(of: blessed))\n\(context)")
            return
        }
        let brokenAgain = brokenInvariants(of: again, bytes: blessed)
        #expect(brokenAgain.isEmpty, "the blessed lecture reads wrong: \(brokenAgain.joined(separator: "\n"))\nblessed:\n\(Shown.lines(of: blessed))\n\(context)")
        guard again.cells.count == lecture.cells.count, again.citations.count == lecture.citations.count else {
            Issue.record("the blessed lecture has \(again.cells.count) cells and \(again.citations.count) citations, not \(lecture.cells.count) and \(lecture.citations.count)\n\(context)")
            return
        }
        for (before, after) in zip(lecture.cells, again.cells) where before.code != after.code || before.options != after.options {
            Issue.record("bless changed cell \(before.index + 1): \(after.code.debugDescription)\n\(context)")
        }
        for (before, after) in zip(lecture.citations, again.citations) where before.expression != after.expression {
            Issue.record("bless changed citation \(before.index + 1)'s expression to \(after.expression.debugDescription)\n\(context)")
        }
        var rerun = ChapterRun(lecture: again)
        rerun.cells = run.cells
        rerun.citations = run.citations
        let drift = Verifier.check(rerun)
        #expect(drift.isEmpty, "the blessed lecture does not verify: \(drift.map(\.description))\nblessed:\n\(Shown.lines(of: blessed))\n\(context)")

        let kept = keptBytesProblems(original: lecture, blessed: again, run: run)
        #expect(kept.isEmpty, "\(kept.joined(separator: "\n"))\nblessed:\n\(Shown.lines(of: blessed))\n\(context)")

        do {
            let twice = try Blesser.blessed(rerun)
            #expect(twice == blessed, "blessing the blessed lecture again changes it:\n\(Shown.lines(of: twice))\nblessed once:\n\(Shown.lines(of: blessed))\n\(context)")
        } catch {
            Issue.record("blessing the blessed lecture again is refused: \(error)\nblessed:\n\(Shown.lines(of: blessed))\n\(context)")
        }
    }

    /// What is wrong with the bytes `blessed` kept of `original` and wrote for `run`.
    static func keptBytesProblems(original: Lecture, blessed: Lecture, run: ChapterRun) -> [String] {
        let before = EditableRegions(of: original, for: run)
        let after = EditableRegions(in: blessed, blessedFrom: original, for: run)
        guard before.areOrdered(within: original.text.bytes), after.areOrdered(within: blessed.text.bytes) else {
            return ["the regions bless may rewrite overlap: \(before.regions.map(\.range)) in the original, \(after.regions.map(\.range)) blessed"]
        }
        var problems: [String] = []
        let keptBefore = before.kept(original.text.bytes), keptAfter = after.kept(blessed.text.bytes)
        for (index, (a, b)) in zip(keptBefore, keptAfter).enumerated() where a != b {
            let owner = index < before.regions.count ? "before \(before.regions[index].owner)" : "at the end"
            problems.append("bless changed the bytes \(owner): \(Shown.literal(Array(a))) became \(Shown.literal(Array(b)))")
        }
        let ending = original.text.preferredEnding
        for region in after.regions {
            let written = Array(blessed.text.bytes[region.range])
            switch region.owner {
            case .cell(let index):
                let prefix = Array(original.cells[index].fence.containerPrefix.utf8)
                let blankPrefix = Array(prefix.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed())
                let gap = original.cells[index].recorded.map { $0.fence.openLine - original.cells[index].fence.closeLine - 1 } ?? 0
                var lines = LectureLines(written).lines[...]
                // A region that starts where the file ended starts with the line
                // ending bless added; one that starts after a CR, with the LF it added.
                let start = region.range.lowerBound, bytes = blessed.text.bytes
                let midLine = start > 0 && (![0x0A, 0x0D].contains(bytes[start - 1]) || (bytes[start - 1] == 0x0D && start < bytes.count && bytes[start] == 0x0A))
                if midLine, let first = lines.first {
                    if !first.content.isEmpty { problems.append("bless wrote \(Shown.literal(first.content)) after the last line of cell \(index + 1)") }
                    lines = lines.dropFirst()
                }
                // The last line may end with CR LF where CR would join an empty line's LF.
                let joinsLF = ending == .cr && region.range.upperBound < blessed.text.bytes.count && blessed.text.bytes[region.range.upperBound] == 0x0A
                for (number, line) in lines.enumerated() where number >= gap {
                    if !(line.content.starts(with: prefix) || line.content == blankPrefix) {
                        problems.append("a line bless wrote for cell \(index + 1) does not start with its container's \(Shown.literal(prefix)): \(Shown.literal(line.content))")
                    }
                    let last = number == lines.count - 1
                    if !(line.ending == ending.bytes || (last && line.ending.isEmpty && region.range.upperBound == blessed.text.bytes.count)
                         || (last && joinsLF && line.ending == [0x0D, 0x0A])) {
                        problems.append("a line bless wrote for cell \(index + 1) ends with \(line.ending), not the file's \(ending)")
                    }
                }
                // A cell whose `// Prints` comments say what it prints gets no new output fence.
                let cell = original.cells[index]
                let output = cell.recorded == nil && !cell.printsComments.isEmpty ? "" : run.recordedText(ofCell: index)
                if blessed.cells[index].recorded?.text.droppingFinalNewline != (output.isEmpty ? nil : output.droppingFinalNewline) {
                    problems.append("cell \(index + 1)'s output reads back as \(blessed.cells[index].recorded.map { Shown.text($0.text) } ?? "nothing"), not \(Shown.text(output))")
                }
            case .citation(let index):
                let expected = EditableRegions.written(for: original.citations[index], value: run.citations[index])
                if written != Array(expected.utf8) {
                    problems.append("bless wrote \(Shown.literal(written)) for citation \(index + 1), not \(expected.debugDescription)")
                }
            }
        }
        return problems
    }

    private static func inOrder(_ a: Literate.SourceLocation?, _ b: Literate.SourceLocation?) -> Bool {
        (a?.line ?? 0, a?.column ?? 0) < (b?.line ?? 0, b?.column ?? 0)
    }
}

/// Keeps the case being checked in a file, `lecture-property-tests/NAME.txt` in
/// the temporary folder: a trap ends the test process before any message, and
/// leaves the case that caused it there. The file goes when the test passes.
struct TrapWitness {
    let url: URL

    init(_ name: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-property-tests")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent(name + ".txt")
    }

    func checking(_ description: @autoclosure () -> String) {
        try? Data(description().utf8).write(to: url)
    }

    func passed() {
        try? FileManager.default.removeItem(at: url)
    }
}
