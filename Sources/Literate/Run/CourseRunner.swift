import Foundation

/// Runs several chapters of a course: parses them, builds the course's library
/// once, then compiles and runs the chapters in parallel, up to `jobs` at a time.
public struct CourseRunner: Sendable {
    public var course: CoursePackage
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

    /// What preparing the library says while it builds.
    public var reporting = CourseLibrary.Reporting()

    public init(course: CoursePackage, timeout: Double? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.course = course
        self.cache = BuildCache(packageRoot: course.root)
        self.timeout = timeout
        self.jobs = max(1, jobs)
    }

    /// The runner of chapters, once the library they link is built for what
    /// `lectures` (and every chapter of the course) import: the setup that
    /// `lecture run` shares with the commands that run the whole course.
    public func prepare(for lectures: [Lecture]) async throws(Diagnostic) -> ChapterRunner {
        cache.removeLeftoverScratch()
        let toolchain = try await Toolchain.locate()
        let imports = try course.imports(of: lectures)
        let library = try await CourseLibrary.prepare(course: course, imports: imports, in: cache, toolchain: toolchain, reporting: reporting)
        let compiler = ChapterCompiler(cache: cache, toolchain: toolchain, library: library, timeout: timeout ?? ChapterRunner.defaultTimeout)
        return ChapterRunner(compiler: compiler, timeout: timeout, parameters: parameters, rerun: rerun,
                             imports: try course.courseImports().map(\.name))
    }

    /// What running a course gave: each chapter's run, in the order asked, or
    /// the diagnostics that kept it from running (a lecture that does not
    /// parse), and the folder of the package that provides the runtime, where
    /// the site's default theme is.
    public struct Outcome: Sendable {
        public var chapters: [Result<ChapterRun, Diagnostics>]
        public var runtimePackage: String?
    }

    /// Runs the chapters at `paths`. A failure to build the library stops
    /// everything and is thrown.
    public func run(_ paths: [String], progress: @escaping @Sendable (Event) -> Void = { _ in }) async throws(Diagnostic) -> Outcome {
        let lectures: [Result<Lecture, Diagnostics>] = paths.map { path in
            do throws(Diagnostics) { return .success(try Course.load(path)) } catch { return .failure(error) }
        }
        guard lectures.contains(where: { (try? $0.get()) != nil }) else {
            return Outcome(chapters: lectures.map { $0.map { ChapterRun(lecture: $0) } }, runtimePackage: nil)
        }
        let runner = try await prepare(for: lectures.compactMap { try? $0.get() })

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
        return Outcome(chapters: results.map { $0! }, runtimePackage: runner.compiler.library.runtimePackage)
    }
}
