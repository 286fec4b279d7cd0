import ArgumentParser
import Foundation
import Literate

/// Where the course is, for every command that reads it: its package (as
/// SwiftPM finds one: the current folder, or `--package-path`) and its lectures.
struct CourseOptions: ParsableArguments {
    @Option(name: .customLong("package-path"), help: ArgumentHelp("The course package's folder (default: the current folder).", valueName: "dir"))
    var packagePath: String?

    @Option(name: .customLong("lectures"), help: ArgumentHelp("The folder of the course's lectures (default: lectures/ in the package).", valueName: "dir"))
    var lecturesOption: String?

    /// The lectures folder, as the user gave it or as it is in the package.
    var lectures: String {
        lecturesOption ?? packagePath.map { ($0 as NSString).appendingPathComponent("lectures") } ?? "lectures"
    }

    /// The course package.
    func package() throws(Failure) -> CoursePackage {
        do { return try CoursePackage.locate(packagePath, lectures: lectures) } catch { throw .usage(error.description) }
    }

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
        if let timeout, !ChapterRunner.isTimeout(timeout) { throw ValidationError("--timeout must be a positive number of seconds, at most a year (31536000)") }
    }

    /// A runner of `course` with these options; what the library build says
    /// goes to `reporter`.
    func courseRunner(_ course: CoursePackage, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, parameters: [String: String] = [:],
                      reporter: ProgressReporter) -> CourseRunner {
        var runner = CourseRunner(course: course, timeout: timeout, jobs: jobs)
        runner.rerun = rerun
        runner.parameters = parameters
        runner.reporting = CourseLibrary.Reporting(announce: reporter.note, progress: reporter.transient)
        return runner
    }
}

/// How many chapters run at once, for the commands that run a whole course.
struct JobsOption: ParsableArguments {
    @Option(name: .customLong("jobs"), help: ArgumentHelp("Chapters compiled and run at once (default: the number of cores).", valueName: "n"))
    var requested: Int?

    /// The number asked for, or the machine's cores (not a default the help
    /// would print: it differs from machine to machine).
    var jobs: Int { requested ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let requested, requested < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

extension RunOptions {
    /// Runs the chapters at `paths` of `course`, showing progress on standard error.
    func run(_ paths: [String], of course: CoursePackage, jobs: Int) async throws(Failure) -> CourseRunner.Outcome {
        let reporter = ProgressReporter(chapters: paths.map(Course.id(ofPath:)))
        do {
            let outcome = try await courseRunner(course, jobs: jobs, reporter: reporter).run(paths, progress: reporter.handle)
            reporter.finish()
            if verbose {
                for case .success(let run) in outcome.chapters { run.log.forEach(reporter.note) }
            }
            return outcome
        } catch {
            // The course package, its imports or its library are wrong: bad input.
            reporter.finish()
            throw .usage("\(error)")
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
