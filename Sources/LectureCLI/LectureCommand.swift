import ArgumentParser
import Foundation
import Literate

/// The `lecture` command: its subcommands run, verify, record and publish a course.
public struct LectureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lecture",
        abstract: "Run, verify and publish literate Swift lectures.",
        discussion: "Exit status: 0 ok, 1 a check failed, 2 bad usage or input.",
        subcommands: [ListCommand.self, RunCommand.self, CheckCommand.self, ExportCommand.self, VerifyCommand.self,
                      BlessCommand.self, BuildCommand.self, PreviewCommand.self]
    )

    public init() {}

    /// Parses the command line and runs the command, exiting with the documented
    /// codes (a usage error exits with 2, not the argument parser's 64). An
    /// interrupt or SIGTERM ends the chapter programs and compilers that run,
    /// with their process groups, and removes their scratch folders.
    public static func start() async -> Never {
        let interrupts = [SIGINT, SIGTERM, SIGHUP].map { signal in
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                RunningChildren.killAll()
                Foundation.exit(128 + signal)
            }
            source.resume()
            return source
        }
        defer { interrupts.forEach { $0.cancel() } }
        await runExitingWithDocumentedStatus()
    }
}

extension ParsableCommand {
    /// Parses the command line with this type as the root command, runs the
    /// command it names and exits: 0 when it returns, a ``Failure``'s status
    /// (1 or 2) with its message, 2 for bad usage (not the argument parser's
    /// 64), the argument parser's own status for `--help` and the like.
    public static func runExitingWithDocumentedStatus() async -> Never {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let failure as Failure {
            printError(failure.message)
            Foundation.exit(failure.exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
