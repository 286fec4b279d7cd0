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
    /// Relative tolerance for the numbers of this cell's output; nil for the default.
    public var tolerance: Double?

    public init() {}

    /// Whether the cell runs as part of the chapter's main program.
    public var runsInMainProgram: Bool { !norun && !fails && !crashes }
    /// Whether the cell's output is recorded in an `output` fence.
    public var recordsOutput: Bool { !silent && !norun }
}
