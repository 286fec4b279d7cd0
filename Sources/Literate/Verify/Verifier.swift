import CellOutput

/// Compares a chapter run with the outputs and citations recorded in its lecture.
///
/// Words must match exactly (trailing spaces aside); numbers must match at the
/// precision they were recorded with, or within a relative tolerance (1e-9 unless
/// the cell's `tolerance=` says otherwise).
public enum Verifier {
    public static let defaultTolerance = 1e-9

    public static func check(_ run: ChapterRun) -> [Diagnostic] {
        let lecture = run.lecture
        var problems: [Diagnostic] = []
        for cell in lecture.cells where cell.options.recordsOutput && run.cells[cell.index] != nil {
            let actual = run.recordedText(ofCell: cell.index)
            let tolerance = cell.options.tolerance ?? defaultTolerance
            guard let recorded = cell.recorded else {
                // A cell whose `// Prints` comments say what it prints needs no
                // recorded output.
                if !actual.isEmpty, cell.printsComments.isEmpty {
                    problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: cell.fence.column),
                                               "cell \(cell.index + 1) has no recorded output; run 'lecture bless' to record it",
                                               details: excerpt(actual)))
                } else if run.printsAfterItsComments(cell.index), let last = cell.printsComments.last {
                    // Output no comment says, which the page shows: it needs a fence.
                    let after = RecordedText.visible(run.printedAfterCheckpoints[cell.index] ?? "")
                    problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: last.line, column: last.column + cell.fence.column - 1),
                                               "cell \(cell.index + 1) prints more after its last // Prints comment, which nothing records; say it in another comment, or run 'lecture bless' to record the cell's output",
                                               details: excerpt(after)))
                }
                continue
            }
            problems += compare(recorded: recorded.text, actual: actual, tolerance: tolerance,
                                path: lecture.path, firstLine: recorded.fence.firstContentLine, what: "the output of cell \(cell.index + 1)")
        }
        for citation in lecture.citations {
            guard let actual = run.citations[citation.index] else { continue }
            guard let recorded = citation.recorded else {
                problems.append(Diagnostic(at: citation.location, "the citation of '\(citation.expression)' has no recorded value; run 'lecture bless' to record \(actual)"))
                continue
            }
            if let number = RecordedNumber(recorded), let value = RecordedNumber(actual) {
                // What bless would write holds too: a negative value that rounds
                // to zero is written unsigned ("0.000"), which `matches` reads as
                // a change of sign.
                if !number.matches(value, tolerance: defaultTolerance), !citation.shown(actual).isIdentical(to: recorded) {
                    problems.append(Diagnostic(at: citation.location, "'\(citation.expression)' drifted",
                                               details: [drift(expected: number.text, actual: citation.shown(actual), relative: number.relativeError(of: value.value), tolerance: defaultTolerance)]))
                }
            } else if !recorded.isIdentical(to: actual) {
                problems.append(Diagnostic(at: citation.location, "'\(citation.expression)' changed", details: ["expected: \(recorded)", "actual:   \(actual)"]))
            }
        }
        return problems
    }

    /// The differences between a recorded text and what the run printed.
    static func compare(recorded: String, actual: String, tolerance: Double, path: String, firstLine: Int, what: String) -> [Diagnostic] {
        let expected = NumericText(recorded), got = NumericText(actual)
        let sameShape = expected.pieces.count == got.pieces.count && zip(expected.pieces, got.pieces).allSatisfy { pair in
            switch pair {
            case (.literal(let a), .literal(let b)): a.isIdentical(to: b)
            case (.number, .number): true
            default: false
            }
        }
        guard sameShape else {
            let (line, details) = firstDifference(recorded, actual)
            return [Diagnostic(at: SourceLocation(file: path, line: firstLine + line), "\(what) differs from the recorded output", details: details)]
        }
        var problems: [Diagnostic] = []
        var line = firstLine
        for (recordedPiece, actualPiece) in zip(expected.pieces, got.pieces) {
            switch (recordedPiece, actualPiece) {
            case (.literal(let text), _):
                line += text.filter { $0 == "\n" }.count
            case (.number(let e), .number(let a)):
                if !e.matches(a, tolerance: tolerance) {
                    problems.append(Diagnostic(at: SourceLocation(file: path, line: line), "a number in \(what) drifted",
                                               details: [drift(expected: e.text, actual: a.text, relative: e.relativeError(of: a.value), tolerance: tolerance)]))
                }
            default: break
            }
        }
        return problems
    }

    static func drift(expected: String, actual: String, relative: Double, tolerance: Double) -> String {
        "expected \(expected), actual \(actual), relative error \(shortNumber(relative)) (tolerance \(shortNumber(tolerance)))"
    }

    private static func shortNumber(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.2g", value)
    }

    /// The 0-based line of the first difference, and the two versions of that line.
    private static func firstDifference(_ recorded: String, _ actual: String) -> (Int, [String]) {
        let a = recorded.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : nil, right = index < b.count ? String(b[index]) : nil
            // Compared by scalars, as `isIdentical(to:)` does.
            if left.map({ Array($0.trailingSpacesTrimmed.unicodeScalars) }) != right.map({ Array($0.trailingSpacesTrimmed.unicodeScalars) }) {
                let composedOtherwise = left != nil && left == right
                return (min(index, a.count), ["expected: " + (left ?? "(no line)"), "actual:   " + (right ?? "(no line)")]
                    + (composedOtherwise ? ["(the same letters, composed of other Unicode scalars: 'lecture bless' records what the program printed)"] : []))
            }
        }
        return (0, [])
    }

    private static func excerpt(_ text: String) -> [String] {
        let lines = text.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.prefix(6).map { "| " + $0 } + (lines.count > 6 ? ["| …"] : [])
    }
}

extension String {
    /// Whether the two hold the same Unicode scalars. Swift's `==` compares
    /// canonical equivalents as equal (é as one scalar and as e + U+0301),
    /// which would let a recording pass that bless would write otherwise.
    func isIdentical(to other: String) -> Bool {
        unicodeScalars.elementsEqual(other.unicodeScalars)
    }

    var trailingSpacesTrimmed: String {
        String(reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
