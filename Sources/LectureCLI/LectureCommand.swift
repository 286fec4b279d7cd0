import ArgumentParser
import Foundation

/// The `lecture` command: its subcommands run, verify, record and publish a course.
public struct LectureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lecture",
        abstract: "Run, verify and publish literate Swift lectures.",
        discussion: "Exit status: 0 ok, 1 a check failed, 2 bad usage or input.",
        subcommands: [ListCommand.self, RunCommand.self, ExportCommand.self, VerifyCommand.self, BlessCommand.self, BuildCommand.self]
    )

    public init() {}

    /// Parses the command line and runs the command, exiting with the documented
    /// codes: a usage error exits with 2 (not the argument parser's 64).
    public static func start() async -> Never {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
