import ArgumentParser

/// The `lecture` command: its subcommands run, verify, record and publish a course.
public struct LectureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lecture",
        abstract: "Run, verify and publish literate Swift lectures.",
        discussion: "Exit status: 0 ok, 1 a check failed, 2 bad usage or input.",
        subcommands: [VerifyCommand.self, BlessCommand.self]
    )

    public init() {}
}
