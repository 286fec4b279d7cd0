/// The options of a cell, written after `swift` on its fence's info string, in the
/// spirit of mdoc and rustdoc: ```` ```swift hide tolerance=1e-6 ````.
public struct CellOptions: Equatable, Sendable {
    /// Runs; the code is not shown on the site.
    public var hide = false
    /// Runs; the output is neither shown nor recorded.
    public var silent = false
    /// Shown, never compiled.
    public var norun = false
    /// Must fail to compile; the compiler's errors are the cell's output.
    public var fails = false
    /// Must trap at run time; what it printed and the trap message are its output.
    public var crashes = false
    /// Shown and type-checked with the cells before it in its scope, never run:
    /// a fragment whose setup may come from a `hide` cell of the same scope.
    public var typecheck = false
    /// Relative tolerance for the numbers of this cell's output; nil for the default.
    public var tolerance: Double?
    /// The scope the cell belongs to (`scope=NAME`); nil for the chapter's main
    /// scope. See ``ChapterProgram`` for what a scope sees.
    public var scope: String?
    /// A scope of its own, which no other cell shares (`isolated`).
    public var isolated = false
    /// Starter code of exercise `NAME` that a student edits (`exercise=NAME`).
    public var exercise: String?
    /// The worked answer of exercise `NAME` (`solution=NAME`).
    public var solution: String?
    /// Checks of exercise `NAME`'s answer (`check=NAME`), hidden on the site.
    public var check: String?
    /// Bytes of output the cell may print before the run stops with an error
    /// (`output-limit=2MB`).
    public var outputLimit: Int?

    /// Output a cell may print unless it sets `output-limit`.
    public static let defaultOutputLimit = 1_000_000
    /// The most a cell may set (1GB): the runner holds a chapter's output in memory.
    public static let largestOutputLimit = 1_000_000_000

    public init() {}

    /// Whether the cell runs in its scope's program when the chapter is verified.
    public var runs: Bool { !norun && !fails && !crashes && !typecheck && exercise == nil }
    /// Whether the cell's output is recorded in an `output` fence.
    public var recordsOutput: Bool { !silent && !norun && !typecheck && exercise == nil && check == nil }
}
