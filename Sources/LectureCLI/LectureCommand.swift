import ArgumentParser

/// The `lecture` command: its subcommands run, verify, record and publish a course.
public struct LectureCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lecture",
        abstract: "Run, verify and publish literate Swift lectures."
    )

    public init() {}
}
