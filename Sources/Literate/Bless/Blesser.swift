/// Writes a run's outputs and citation values into its lecture, changing no
/// other byte: each cell's output goes into the `output` fence right after it
/// (created when missing, removed when the cell printed nothing), inside the
/// cell's block quote or list item; each citation's recorded value is replaced.
/// New lines end as the file's lines do (`\n`, CR LF or CR; a CR that would
/// meet the LF of an empty line after it ends with CR LF, or the two would make
/// one line ending).
///
/// What cannot be written so that it reads back the same is refused, with an
/// error at its cell or citation: the result is parsed again before it is
/// returned, and its cells and citations must hold exactly what the run gave.
public enum Blesser {
    public static func blessed(_ run: ChapterRun) throws(Diagnostics) -> [UInt8] {
        let lecture = run.lecture
        let text = lecture.text
        let ending = text.preferredEnding.bytes
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var problems: [Diagnostic] = []
        var expectedOutputs: [Int: String?] = [:]

        for cell in lecture.cells where cell.options.recordsOutput && run.cells[cell.index] != nil {
            let output = run.recordedText(ofCell: cell.index)
            let prefix = cell.fence.containerPrefix
            // A cell whose `// Prints` comments say all it prints needs no fence.
            guard cell.recorded != nil || (!output.isEmpty && (cell.printsComments.isEmpty || run.printsAfterItsComments(cell.index)))
            else { continue }
            guard let fenced = output.isEmpty ? [] : fence(output, prefix: prefix, ending: ending) else {
                problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: cell.fence.column),
                                           "cannot record the output of cell \(cell.index + 1): it holds a run of 255 or more backticks and one of 255 or more tildes, which no fence can hold"))
                continue
            }
            if let recorded = cell.recorded {
                expectedOutputs[cell.index] = output.isEmpty ? nil : output
                let lines = text.start(ofLine: recorded.fence.openLine)..<text.end(ofLine: recorded.fence.closeLine)
                let closedLast = text.lines[recorded.fence.closeLine - 1].ending != .none
                var replacement = fenced
                if !closedLast, !replacement.isEmpty { replacement.removeLast(ending.count) }
                edits.append((lines, replacement))
            } else {
                expectedOutputs[cell.index] = output
                let after = text.end(ofLine: cell.fence.closeLine)
                var insertion: [UInt8] = []
                if text.lines[cell.fence.closeLine - 1].ending == .none { insertion += ending }
                // A cell that the end of its container closes gets its closing
                // fence first, or the output fence would be read as its code.
                if !cell.fence.isClosed { insertion += Array((prefix + cell.fence.marker).utf8) + ending }
                insertion += fenced
                edits.append((after..<after, insertion))
            }
        }

        var expectedCitations: [Int: String] = [:]
        for citation in lecture.citations {
            guard let actual = run.citations[citation.index] else { continue }
            let value = citation.shown(actual)
            if let reason = unwritable(value, inFormula: citation.inFormula) {
                problems.append(Diagnostic(at: citation.location, "cannot record the value of '\(citation.expression)': \(reason)",
                                           details: ["value: \(value.debugDescription)"]))
                continue
            }
            expectedCitations[citation.index] = value
            let written = citation.recorded == nil ? ": " + value : value
            edits.append((citation.valueBytes, Array(written.utf8)))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }

        var result = text.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            // A CR that an edit puts (or leaves) just before an empty line ended
            // by LF would join that LF into one CR LF, and the empty line would
            // go: the CR gets its own LF.
            var bytes = edit.bytes
            let before = bytes.last ?? (edit.range.lowerBound > 0 ? text.bytes[edit.range.lowerBound - 1] : nil)
            if before == 0x0D, edit.range.upperBound < text.bytes.count, text.bytes[edit.range.upperBound] == 0x0A { bytes.append(0x0A) }
            result.replaceSubrange(edit.range, with: bytes)
        }
        try check(result, of: lecture, outputs: expectedOutputs, citations: expectedCitations)
        return result
    }

    /// Why a cited value cannot go into the Markdown as it is, if it cannot.
    static func unwritable(_ value: String, inFormula: Bool) -> String? {
        if value.contains(where: { $0.isNewline }) { return "it holds a line break" }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it holds a control character" }
        if value.contains("}}") || value.hasSuffix("}") { return "it holds '}', which would end the citation early" }
        if value.contains("|") { return "it holds '|', which splits a table's cells" }
        if value != value.trimmingSpaces { return "it starts or ends with a space, which reading it back drops" }
        if inFormula, value.contains("$") { return "it holds '$', which would end its formula" }
        return nil
    }

    /// The blessed file must read back with the outputs and values just written.
    private static func check(_ bytes: [UInt8], of lecture: Lecture, outputs: [Int: String?], citations: [Int: String]) throws(Diagnostics) {
        let again: Lecture
        do {
            again = try LectureParser.parse(bytes, path: lecture.path)
        } catch {
            throw Diagnostics([Diagnostic(at: SourceLocation(file: lecture.path, line: 1),
                                          "bless would leave this lecture unreadable; nothing was written", details: error.all.map(\.description))])
        }
        var problems: [Diagnostic] = []
        if again.cells.count != lecture.cells.count || again.citations.count != lecture.citations.count {
            problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1),
                                       "bless would change the lecture's cells or citations; nothing was written"))
        } else {
            for (index, expected) in outputs where again.cells[index].recorded?.text.droppingFinalNewline != expected?.droppingFinalNewline {
                let cell = lecture.cells[index]
                problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: cell.fence.column),
                                           "cannot record the output of cell \(index + 1) so that it reads back the same; nothing was written"))
            }
            for (index, expected) in citations where again.citations[index].recorded != expected {
                problems.append(Diagnostic(at: lecture.citations[index].location,
                                           "cannot record the value of '\(lecture.citations[index].expression)' so that it reads back the same"))
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
    }

    /// An `output` fence around `text`, each line opened by `prefix` (trailing
    /// spaces dropped on empty lines): backticks, one more than the longest run
    /// inside, or tildes when that would make 256 or more, since cmark reads a
    /// longer fence as one of 255, which a run of 255 inside would close; nil
    /// when neither fits.
    static func fence(_ text: String, prefix: String, ending: [UInt8]) -> [UInt8]? {
        func longestRun(of byte: UInt8) -> Int {
            var longest = 0, run = 0
            for unit in text.utf8 {
                run = unit == byte ? run + 1 : 0
                longest = max(longest, run)
            }
            return longest
        }
        let backticks = longestRun(of: UInt8(ascii: "`")), tildes = backticks < 255 ? 0 : longestRun(of: UInt8(ascii: "~"))
        guard backticks < 255 || tildes < 255 else { return nil }
        let marker = backticks < 255 ? String(repeating: "`", count: max(3, backticks + 1)) : String(repeating: "~", count: max(3, tildes + 1))
        let body = text.droppingFinalNewline.split(separator: "\n", omittingEmptySubsequences: false)
        let blankPrefix = String(prefix.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        var lines = [prefix + marker + "output"]
        lines += body.map { $0.isEmpty ? blankPrefix : prefix + $0 }
        lines.append(prefix + marker)
        return lines.flatMap { Array($0.utf8) + ending }
    }
}

extension String {
    /// The text without one final `\n`.
    var droppingFinalNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
