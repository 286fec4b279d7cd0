import ArgumentParser
import Literate

/// `lecture verify`: runs chapters and checks every recorded output and citation.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run chapters and check their recorded outputs and cited numbers.",
        discussion: """
        Words must match exactly (trailing spaces aside); numbers must match at the
        precision they were recorded with, or within a relative tolerance of 1e-9
        (a cell's `tolerance=` option overrides it).

        Examples:
          lecture verify                 every chapter of lectures/
          lecture verify 3               chapter 3
          lecture verify 01-art          the chapter whose id starts with 01-art
          lecture verify notes/extra.md  any Markdown file

        Exit status: 0 when everything holds, 1 when a check failed, 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions

    @Argument(help: ArgumentHelp("Chapters: numbers, ids, unique id prefixes or paths (default: all).", valueName: "chapter"))
    var chapters: [String] = []

    func run() async throws {
        do {
            let results = try await course.run(try course.chapterPaths(chapters))
            let (runs, unreadable) = CourseOptions.readable(results)
            var failed = unreadable
            for run in runs {
                let problems = run.diagnostics + Verifier.check(run)
                problems.forEach { printError($0.description) }
                if !problems.isEmpty { failed += 1 }
            }
            print("verify: \(results.count - failed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(unreadable > 0 ? 2 : 1) }
        } catch let failure as Failure {
            throw Failure.exit(failure)
        }
    }
}
