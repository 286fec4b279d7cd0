import ArgumentParser
import Foundation

/// How a command ends when it does not succeed, and the exit codes the commands
/// document: 1 when a check failed, 2 for bad usage or input.
enum Failure: Error {
    /// A check failed (a drifted number, a chapter that does not compile or traps).
    case check(String)
    /// The command line or an input file is wrong.
    case usage(String)

    static func exit(_ failure: Failure) -> ExitCode {
        switch failure {
        case .check(let message):
            printError(message)
            return ExitCode(1)
        case .usage(let message):
            printError(message)
            return ExitCode(2)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    guard !message.isEmpty else { return }
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}
