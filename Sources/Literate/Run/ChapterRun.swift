import CellOutput

/// Everything a run of one chapter produced: each cell's output, the citations'
/// values, and what went wrong.
public struct ChapterRun: Sendable {
    public var lecture: Lecture
    /// Output items by cell index, for every cell that ran (including the compiler's
    /// errors of a `fails` cell and the trap of a `crashes` cell, as text).
    public var cells: [Int: [OutputItem]] = [:]
    /// Citation values by citation index, printed exactly.
    public var citations: [Int: String] = [:]
    /// What each `// Prints` checkpoint of the chapter saw printed, by index.
    public var checkpoints: [Int: String] = [:]
    /// What cells with `// Prints` comments printed after the last one they
    /// passed, by cell index.
    public var printedAfterCheckpoints: [Int: String] = [:]
    /// The results of exercises' checks, in the order they ran.
    public var exerciseChecks: [ExerciseCheckResult] = []
    /// Compile errors, traps, timeouts and broken expectations, at their cell's line.
    public var diagnostics: [Diagnostic] = []
    /// What was wrong with the input of the run rather than the chapter: a
    /// parameter its program could not read.
    public var usageProblems: [Diagnostic] = []
    /// What the runner did and why (for `--verbose`).
    public var log: [String] = []
    /// Seconds spent compiling and running.
    public var compileSeconds = 0.0
    public var runSeconds = 0.0
    /// Seconds the programs ran, now or when the recorded runs that were
    /// reused were made: how long running the chapter again takes.
    public var programSeconds = 0.0
    /// Cells whose outputs come from an earlier run, not this one: the
    /// preview shows them so while the chapter runs, or after it failed.
    public var staleCells: Set<Int> = []

    public init(lecture: Lecture) {
        self.lecture = lecture
    }

    /// The text a cell's `output` fence should hold.
    public func recordedText(ofCell index: Int) -> String {
        OutputItem.recordedText(of: cells[index] ?? [])
    }

    /// Whether cell `index` printed something after the last `// Prints`
    /// comment it passed (blank lines aside): output that only an `output`
    /// fence can record.
    public func printsAfterItsComments(_ index: Int) -> Bool {
        printedAfterCheckpoints[index].map { printed in printed.unicodeScalars.contains { !" \t\n".unicodeScalars.contains($0) } } ?? false
    }

    /// Whether every program compiled and ran as its cells expect.
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } && usageProblems.isEmpty }
}
