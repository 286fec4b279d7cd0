import ArgumentParser
import Foundation
import Literate

/// How a command ends when it does not succeed. Commands throw these; the one
/// place that turns them into the documented exit statuses is
/// ``LectureCommand/start()``: 1 when a check failed, 2 for bad usage or input.
enum Failure: Error {
    /// A check failed (a drifted number, a chapter that does not compile or
    /// traps); the message, if any, is printed first.
    case check(String)
    /// The command line or an input file is wrong.
    case usage(String)

    var exitCode: Int32 {
        switch self {
        case .check: 1
        case .usage: 2
        }
    }

    var message: String {
        switch self {
        case .check(let message), .usage(let message): message
        }
    }

    /// A bad input's diagnostics as a usage failure.
    static func usage(_ error: any Error) -> Failure {
        .usage("\(error)")
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    guard !message.isEmpty else { return }
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}
