import CellOutput

/// Checks a run against the `// Prints` comments of its cells (``PrintsComment``):
/// what a cell printed before each comment must be what the comment says, words
/// exactly, numbers within the cell's tolerance, as ``Verifier`` compares
/// recorded output. A mismatch is an error at the comment's line.
enum PrintsCheck {
    static func problems(in lecture: Lecture, cells: [Int], checkpoints: [Int: String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var number = 0
        for cell in lecture.cells {
            defer { number += cell.printsComments.count }
            guard cells.contains(cell.index) else { continue }
            for (offset, comment) in cell.printsComments.enumerated() {
                let here = SourceLocation(file: lecture.path, line: comment.line, column: comment.column + cell.fence.column - 1)
                guard let printed = checkpoints[number + offset] else {
                    problems.append(Diagnostic(at: here, "the program never reached this comment, so what it says is printed was not checked"))
                    continue
                }
                let actual = RecordedText.visible(printed)
                let tolerance = cell.options.tolerance ?? Verifier.defaultTolerance
                let differences = Verifier.compare(recorded: comment.expected, actual: actual, tolerance: tolerance,
                                                   path: lecture.path, firstLine: comment.line, what: "the output before this comment")
                if !differences.isEmpty {
                    problems.append(Diagnostic(at: here, "the cell printed something else than this comment says",
                                               details: ["the comment says: " + comment.expected.droppingFinalNewline.debugDescription,
                                                         "the cell printed: " + actual.droppingFinalNewline.debugDescription],
                                               showsSource: true))
                }
            }
        }
        return problems
    }
}

/// Checks that every exercise's worked answer passes its checks when the
/// chapter runs (`verify` runs solutions in place of exercises).
enum ExerciseCheck {
    static func problems(in lecture: Lecture, checks: [ExerciseCheckResult]) -> [Diagnostic] {
        checks.filter { !$0.passed }.map { check in
            // The cell that ran the check, or the exercise's first check cell.
            let checks = lecture.cells.filter { $0.options.check == check.exercise }
            let cell = checks.first { $0.index == check.cell } ?? checks.first
            let location = cell.map { SourceLocation(file: lecture.path, line: $0.fence.openLine, column: $0.fence.column) }
            return Diagnostic(at: location, "the worked answer of exercise '\(check.exercise)' fails its check: \(check.message)")
        }
    }
}
