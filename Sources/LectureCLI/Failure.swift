import ArgumentParser
import Foundation
import Literate

/// How a command ends when it does not succeed. Commands throw these; the one
/// place that turns them into the documented exit statuses is
/// ``LectureCommand/start()``: 1 when a check failed, 2 for bad usage or input.
enum Failure: Error {
    /// What the command checked or ran failed (a drifted number, a chapter
    /// that does not compile or traps): exit status 1; the message, if any, is
    /// printed first.
    case failed(String)
    /// The command line or an input file is wrong: exit status 2.
    case usage(String)

    var exitCode: Int32 {
        switch self {
        case .failed: 1
        case .usage: 2
        }
    }

    var message: String {
        switch self {
        case .failed(let message), .usage(let message): message
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
