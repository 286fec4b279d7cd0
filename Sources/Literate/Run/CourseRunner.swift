import Foundation

/// Runs several chapters: parses them, builds the lecture library once, then
/// compiles and runs the chapters in parallel, up to `jobs` at a time.
public struct CourseRunner: Sendable {
    public var cache: BuildCache
    public var timeout: Double?
    public var jobs: Int
    public var parameters: [String: String] = [:]
    /// Run every chapter again, whatever runs the cache holds.
    public var rerun = false

    /// Progress of one chapter, for the command line's display.
    public enum Event: Sendable {
        case phase(chapter: String, ChapterRunner.Phase)
        /// Done: the wall time, and the seconds spent compiling and running
        /// (zero when the cache held the build and the run).
        case finished(chapter: String, seconds: Double, compiling: Double, running: Double)
    }

    public init(cache: BuildCache = BuildCache(), timeout: Double? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.cache = cache
        self.timeout = timeout
        self.jobs = max(1, jobs)
    }

    /// The runner of chapters, once the library they link is built: the setup
    /// that `lecture run` shares with the commands that run the whole course.
    public func prepare(log: @escaping @Sendable (String) -> Void = { _ in }) async throws(Diagnostic) -> ChapterRunner {
        cache.removeLeftoverScratch()
        let toolchain = try await Toolchain.locate()
        let library = try await RuntimeLibrary.prepare(in: cache, toolchain: toolchain, log: log)
        let compiler = ChapterCompiler(cache: cache, toolchain: toolchain, library: library, timeout: timeout ?? ChapterRunner.defaultTimeout)
        return ChapterRunner(compiler: compiler, timeout: timeout, parameters: parameters, rerun: rerun)
    }

    /// Each chapter's run, in the order of `paths`, or the diagnostics that kept it
    /// from running (a lecture that does not parse). A failure to build the library
    /// stops everything and is thrown.
    public func run(_ paths: [String], log: @escaping @Sendable (String) -> Void = { _ in },
                    progress: @escaping @Sendable (Event) -> Void = { _ in }) async throws(Diagnostic) -> [Result<ChapterRun, Diagnostics>] {
        let lectures: [Result<Lecture, Diagnostics>] = paths.map { path in
            do throws(Diagnostics) { return .success(try Course.load(path)) } catch { return .failure(error) }
        }
        guard lectures.contains(where: { (try? $0.get()) != nil }) else {
            return lectures.map { $0.map { ChapterRun(lecture: $0) } }
        }
        let runner = try await prepare(log: log)

        var results = [Result<ChapterRun, Diagnostics>?](repeating: nil, count: lectures.count)
        await withTaskGroup(of: (Int, ChapterRun).self) { group in
            var next = 0
            func startNext() {
                while next < lectures.count {
                    let index = next
                    next += 1
                    switch lectures[index] {
                    case .failure(let diagnostics):
                        results[index] = .failure(diagnostics)
                    case .success(let lecture):
                        group.addTask {
                            let start = Date()
                            let run = await runner.run(lecture) { progress(.phase(chapter: lecture.id, $0)) }
                            progress(.finished(chapter: lecture.id, seconds: Date().timeIntervalSince(start),
                                               compiling: run.compileSeconds, running: run.runSeconds))
                            return (index, run)
                        }
                        return
                    }
                }
            }
            for _ in 0..<jobs { startNext() }
            for await (index, run) in group {
                results[index] = .success(run)
                startNext()
            }
        }
        return results.map { $0! }
    }
}
