import ArgumentParser
import Literate

/// `lecture check`: runs a chapter's exercises as the student wrote them.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check your answers to a chapter's exercises.",
        discussion: """
        An exercise is a cell marked `exercise=NAME` in the lecture: edit its code,
        then run this command. The chapter runs with your code in place of the
        worked answer, and each exercise's checks say whether it is right, without
        showing the answer (the site shows it behind a fold).

        Examples:
          lecture check 3

        Exit status: 0 when every exercise passes its checks, 1 when one does not
        (or the chapter does not compile or run), 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var running: RunOptions

    @Argument(help: ArgumentHelp("The chapter: a number, an id, a unique id prefix or a path.", valueName: "chapter"))
    var chapter: String

    func run() async throws {
        let lecture = try course.load(try course.chapterPaths([chapter])[0])
        let exercises = lecture.cells.compactMap(\.options.exercise)
        guard !exercises.isEmpty else { throw Failure.usage("error: \(lecture.path) has no exercises (cells marked exercise=NAME)") }
        let run: ChapterRun
        do {
            let runner = try await running.courseRunner(try course.package(), reporter: ProgressReporter(chapters: [])).prepare(for: [lecture])
            run = await runner.checkExercises(lecture)
        } catch {
            throw Failure.usage("\(error)")
        }
        run.diagnostics.forEach { printError($0.description(in: lecture)) }
        var failed = run.diagnostics.isEmpty ? 0 : exercises.count
        if run.diagnostics.isEmpty {
            for exercise in exercises {
                let checks = run.exerciseChecks.filter { $0.exercise == exercise }
                let failures = checks.filter { !$0.passed }
                let cell = lecture.cells.first { $0.options.exercise == exercise }!
                if checks.isEmpty || !failures.isEmpty { failed += 1 }
                let verdict = checks.isEmpty ? "not checked (its checks did not run)"
                    : failures.isEmpty ? "passes \(checks.count == 1 ? "its check" : "all \(checks.count) checks")"
                    : "not yet: " + failures.map(\.message).joined(separator: "; ")
                print("exercise \(exercise) (\(lecture.path):\(cell.fence.openLine)): \(verdict)")
            }
        }
        print("check: \(exercises.count - failed) of \(exercises.count) exercise\(exercises.count == 1 ? "" : "s") right")
        if failed > 0 { throw Failure.failed("") }
    }
}
