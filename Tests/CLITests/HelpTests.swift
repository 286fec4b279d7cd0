import Foundation
import LectureTesting
import Testing

/// `lecture --help` and each command's help, as a user reads them in an
/// 80-column terminal: a change to an option, its default or its words shows
/// up here, to be looked at and recorded with RECORD_GOLDEN=1.
@Suite struct HelpTests {
    static let commands = ["list", "run", "check", "export", "verify", "bless", "build", "preview"]

    @Test func theToolsHelpListsEveryCommand() throws {
        let result = try LectureBinary.run(["--help"], in: URL(fileURLWithPath: LectureBinary.packageRoot), environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.standardError)")
        for command in Self.commands {
            #expect(result.standardOutput.contains("\n  \(command) "), "the help lists \(command)")
        }
        golden.expect(result.standardOutput, "help/lecture.txt")
    }

    @Test(arguments: commands) func eachCommandsHelp(_ command: String) throws {
        let result = try LectureBinary.run([command, "--help"], in: URL(fileURLWithPath: LectureBinary.packageRoot), environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("OVERVIEW: "), "\(result.standardOutput.prefix(200))")
        #expect(result.standardOutput.contains("USAGE: lecture \(command)"))
        #expect(!result.standardOutput.contains(LectureBinary.packageRoot), "no path of this checkout in the help")
        golden.expect(result.standardOutput, "help/\(command).txt")
    }
}
