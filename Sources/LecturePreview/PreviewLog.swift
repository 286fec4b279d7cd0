import Foundation

/// Where the preview talks: what it did on standard output, the diagnostics
/// on standard error as the other commands print them, each line written at
/// once (a pipe or a file would otherwise hold it back).
public struct PreviewLog: Sendable {
    public var status: @Sendable (String) -> Void
    public var problem: @Sendable (String) -> Void

    public init(status: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void) {
        self.status = status
        self.problem = problem
    }

    /// Standard output and standard error.
    public static let terminal = PreviewLog(
        status: { write($0, to: .standardOutput) },
        problem: { write($0, to: .standardError) }
    )

    private static func write(_ message: String, to handle: FileHandle) {
        guard !message.isEmpty else { return }
        handle.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
