import ArgumentParser
import Foundation
import Literate

/// Options shared by the commands that run chapters.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of the course's lectures.", valueName: "dir"))
    var lectures = "lectures"

    @Option(name: .long, help: ArgumentHelp("Seconds a chapter may run before it is stopped (default: the chapter's own limit, or 300).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Chapters compiled and run at once (default: the number of cores).", valueName: "n"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Say what was compiled or run again, and why.")
    var verbose = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The chapter files that `chapters` name (all when empty).
    func chapterPaths(_ chapters: [String]) throws -> [String] {
        do {
            let paths = try Course(folder: lectures).resolve(chapters)
            guard !paths.isEmpty else { throw Diagnostic(at: nil, "no lectures in '\(lectures)'") }
            return paths
        } catch let error as Diagnostic {
            throw Failure.usage(error.description)
        }
    }

    /// Runs the chapters, showing progress on standard error.
    func run(_ paths: [String]) async throws -> [Result<ChapterRun, Diagnostics>] {
        let reporter = ProgressReporter(chapters: paths.map(Course.id(ofPath:)))
        let runner = CourseRunner(timeout: timeout, jobs: jobs)
        let verbose = verbose
        do {
            let results = try await runner.run(paths, log: { message in
                if verbose { reporter.note(message) }
            }, progress: reporter.handle)
            reporter.finish()
            if verbose {
                for case .success(let run) in results { run.log.forEach(reporter.note) }
            }
            return results
        } catch {
            reporter.finish()
            throw Failure.check(error.description)
        }
    }

    /// The runs of the chapters that could be read, after printing the
    /// diagnostics of those that could not, and how many could not.
    static func readable(_ results: [Result<ChapterRun, Diagnostics>]) -> (runs: [ChapterRun], unreadable: Int) {
        var runs: [ChapterRun] = []
        var unreadable = 0
        for result in results {
            switch result {
            case .success(let run): runs.append(run)
            case .failure(let diagnostics):
                printError(diagnostics.description)
                unreadable += 1
            }
        }
        return (runs, unreadable)
    }
}
