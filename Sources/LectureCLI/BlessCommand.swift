import ArgumentParser
import Literate

/// `lecture bless`: runs chapters and records their outputs in the Markdown.
struct BlessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bless",
        abstract: "Run chapters and write their outputs and cited values into the lectures.",
        discussion: """
        Each cell's output goes into the `output` fence right after it (created when
        missing, inside the cell's block quote or list item); each citation
        {{expression: value}} gets the value the run computed. No other byte changes,
        lines keep their endings, and each file is replaced atomically, through a
        symbolic link to the file it names, and only when nobody changed it since it
        was read. A chapter that does not compile or run is left as it was.

        Examples:
          lecture bless          every chapter
          lecture bless 2 3      chapters 2 and 3

        Exit status: 0 when every chapter was recorded, 1 when one failed to run or
        changed while bless ran, 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var running: RunOptions
    @OptionGroup var jobs: JobsOption

    @Argument(help: ArgumentHelp("Chapters: numbers, ids, unique id prefixes or paths (default: all).", valueName: "chapter"))
    var chapters: [String] = []

    func run() async throws {
        let results = try await running.run(try course.chapterPaths(chapters), of: try course.package(), jobs: jobs.jobs).chapters
        let (runs, unreadable) = results.readable()
        var failed = unreadable, changed = 0
        for run in runs {
            guard run.succeeded else {
                run.diagnostics.forEach { printError($0.description(in: run.lecture)) }
                printError("\(run.lecture.path): not recorded, since the chapter did not run cleanly")
                failed += 1
                continue
            }
            do {
                let blessed = try Blesser.blessed(run)
                guard blessed != run.lecture.text.bytes else { continue }
                guard try LectureFile.replace(run.lecture.path, with: blessed, ifStill: run.lecture.text.bytes) == .written else {
                    printError("\(run.lecture.path): warning: the file changed while bless ran; it was left as it is (run bless again)")
                    failed += 1
                    continue
                }
            } catch {
                printError("\(error)")
                failed += 1
                continue
            }
            printError("\(run.lecture.path): recorded")
            changed += 1
        }
        print("bless: \(results.count - failed) passed, \(failed) failed (\(changed) file\(changed == 1 ? "" : "s") changed)")
        if failed > 0 { throw unreadable > 0 ? Failure.usage("") : Failure.failed("") }
    }
}
