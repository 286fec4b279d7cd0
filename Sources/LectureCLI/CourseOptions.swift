import ArgumentParser
import Foundation
import Literate

/// Where the course's lectures are, for every command that reads them.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of the course's lectures.", valueName: "dir"))
    var lectures = "lectures"

    /// The chapter files that `chapters` name (all when empty).
    func chapterPaths(_ chapters: [String]) throws(Failure) -> [String] {
        do {
            let paths = try Course(folder: lectures).resolve(chapters)
            guard !paths.isEmpty else { throw Diagnostic(at: nil, "no lectures in '\(lectures)'") }
            return paths
        } catch {
            throw .usage("\(error)")
        }
    }

    /// The chapter at `path`, parsed.
    func load(_ path: String) throws(Failure) -> Lecture {
        do { return try Course.load(path) } catch { throw .usage(error.description) }
    }
}

/// How chapters run, for every command that runs them.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds a chapter program may run, and compile (at least 60), before it is stopped (default: the chapter's own limit, or 300).", valueName: "seconds"))
    var timeout: Double?

    @Flag(name: .long, help: "Run every chapter again, even when the cache holds a run of the same build and inputs.")
    var rerun = false

    @Flag(name: .long, help: "Say what was compiled or run again, and why.")
    var verbose = false

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// A course runner with these options.
    func courseRunner(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, parameters: [String: String] = [:]) -> CourseRunner {
        var runner = CourseRunner(timeout: timeout, jobs: jobs)
        runner.rerun = rerun
        runner.parameters = parameters
        return runner
    }
}

/// How many chapters run at once, for the commands that run a whole course.
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Chapters compiled and run at once (default: the number of cores).", valueName: "n"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

extension RunOptions {
    /// Runs the chapters at `paths`, showing progress on standard error.
    func run(_ paths: [String], jobs: Int) async throws(Failure) -> [Result<ChapterRun, Diagnostics>] {
        let reporter = ProgressReporter(chapters: paths.map(Course.id(ofPath:)))
        let verbose = verbose
        do {
            let results = try await courseRunner(jobs: jobs).run(paths, log: { message in
                if verbose { reporter.note(message) }
            }, progress: reporter.handle)
            reporter.finish()
            if verbose {
                for case .success(let run) in results { run.log.forEach(reporter.note) }
            }
            return results
        } catch {
            reporter.finish()
            throw .check(error.description)
        }
    }
}

extension Array where Element == Result<ChapterRun, Diagnostics> {
    /// The runs of the chapters that could be read, after printing the
    /// diagnostics of those that could not, and how many could not.
    func readable() -> (runs: [ChapterRun], unreadable: Int) {
        var runs: [ChapterRun] = []
        var unreadable = 0
        for result in self {
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
