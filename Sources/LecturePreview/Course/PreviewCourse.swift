import Foundation
import Literate
import Site

/// How the preview builds a course.
public struct PreviewSettings: Sendable {
    public var course: CoursePackage
    /// The theme folder, when not the runtime package's `site/`.
    public var theme: String?
    /// Where KaTeX is installed.
    public var katex: String
    /// Seconds a chapter may run (nil: the chapter's own limit, or 300).
    public var timeout: Double?
    /// Chapters compiled and run at once.
    public var jobs: Int

    public init(course: CoursePackage, theme: String? = nil, katex: String, timeout: Double? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.course = course
        self.theme = theme
        self.katex = katex
        self.timeout = timeout
        self.jobs = max(1, jobs)
    }
}

/// The course as the preview shows it, kept up to date as its files change.
///
/// Each chapter runs on its own, up to `jobs` at once, when its file changed
/// (or, for all of them, when the library, the manifest or another file of the
/// lectures folder did): the runner's cache makes a chapter whose inputs did
/// not change cost a look-up, and one that hangs holds up no other. When a
/// chapter is done, the whole site is built again in memory, compared with the
/// version served, and the changed paths published (``PreviewSnapshot``).
///
/// A chapter whose last good run took ``earlyPageAfter`` or more shows its
/// page early, while it runs: as soon as its main program has started the
/// cell after the first one whose code changed (when that cell is the main
/// program's), with what the cells done printed now and the others as the
/// last good run left them, marked so (``showWhileRunning(_:run:_:)``). Only
/// that page is published then (``publishEarly(_:compiled:)``); it reloads
/// again when the chapter is done.
///
/// A chapter that fails keeps its page: the run's diagnostics in place of
/// the failing cell and over the page, the other cells with their last good
/// output (``ChapterRun/fillingGaps(from:)``); one that no longer parses keeps
/// its last good page with the parser's diagnostics over it. The terminal
/// shows each chapter's diagnostics when they change, and says when they are
/// gone.
actor PreviewCourse {
    private struct Chapter {
        /// What its page shows.
        var shown: ChapterRun?
        /// Its last run that succeeded.
        var lastGood: ChapterRun?
        /// What is wrong with it now, as the terminal prints it.
        var problems: [String] = []
        /// What its page says while it runs, shown early.
        var notice: String?
        /// What its page showed before it was shown early, to go back to when
        /// the run gives no page (the chapter no longer parses, or the library
        /// does not build).
        var beforeEarly: ChapterRun?
    }

    /// What the changes since the last publication cost, for the terminal.
    private struct Batch {
        var start = ContinuousClock.now
        var chapters: [String] = []
        var compiling = 0.0
        var running = 0.0
    }

    /// What a problem of the whole course concerns, as the terminal names it.
    private enum Concern {
        static let look = "theme, KaTeX or course.json"
        static let library = "library"
        static let site = "site"
        static let lectures = "lectures folder"
    }

    let settings: PreviewSettings
    /// What the site is made from: complete once the library is prepared,
    /// which says where the runtime package (and so the default theme) is.
    private(set) var inputs: CourseInputs
    private let log: PreviewLog
    private let folder: SiteFolder
    private let server: PreviewServer

    /// Chapter paths as the runner names them (`lectures/01-x.md`), in course order.
    private var order: [String] = []
    private var chapters: [String: Chapter] = [:]
    private var queue: [String] = []
    /// The chapters running, with the number of their run, counted over the
    /// whole preview: a look at a run that ended must not show over the next.
    private var running: [String: Int] = [:]
    /// The task of each running chapter, cancelled (its program stopped) when
    /// the chapter goes away or changes again: its run would show nothing new.
    private var runs: [String: Task<Void, Never>] = [:]
    private var runsCounted = 0
    /// When each chapter was saved last, for the line of its early page.
    private var savedAt: [String: ContinuousClock.Instant] = [:]
    private var runner: Task<ChapterRunner, any Error>?
    /// What the library was prepared for: the products the chapters import.
    private var preparedImports: Set<String> = []
    private var builder: SiteBuilder?
    /// What is wrong with the course as a whole, by what it concerns.
    private var courseProblems: [String: [String]] = [:]
    /// What the terminal was last shown, by chapter path or course concern.
    private var printed: [String: [String]] = [:]
    private var snapshot = PreviewSnapshot(generation: 0, files: [:])
    private var batch: Batch?
    private var started = false
    private var idle: [CheckedContinuation<Void, Never>] = []
    private var known: KnownFiles
    /// A publication waiting for the chapters that still run, at most a second.
    private var waitingPublication: Task<Void, Never>?
    /// What lets the start publish while chapters still run (``start()``).
    private var startupTimer: Task<Void, Never>?
    /// Formulas typeset once for the whole preview.
    private let typeset = KaTeXRenderer.Memo()

    init(_ settings: PreviewSettings, folder: SiteFolder, server: PreviewServer, log: PreviewLog) {
        self.settings = settings
        self.folder = folder
        self.server = server
        self.log = log
        inputs = CourseInputs(lectures: settings.course.lectures, packageRoot: settings.course.root, theme: settings.theme)
        known = KnownFiles(inputs.watchList)
    }

    /// Builds every chapter and publishes the first version of the site. The
    /// theme, KaTeX and `course.json` are read first: a mistake in them is
    /// thrown at once, as `lecture build` reports it.
    func start() async throws(Diagnostics) -> PreviewSnapshot {
        listChapters()
        if await preparedRunner() == nil, inputs.themeFolder == nil {
            // The library does not build: the theme of the companion this tool was built from.
            inputs.runtimePackage = BuildCache.defaultPackageRoot
        }
        known = KnownFiles(inputs.watchList)
        makeBuilder()
        if let problems = courseProblems[Concern.look] {
            throw Diagnostics([Diagnostic(at: nil, problems.joined(separator: "\n"))])
        }
        batch = Batch()
        queue = order
        schedule()
        armStartupTimer(Self.firstChapterPatience)
        await waitUntilIdle()
        startupTimer?.cancel()
        started = true
        publish()
        return snapshot
    }

    /// How long the first publication waits for the first chapter to finish,
    /// and then for the others after the last one that finished: a chapter
    /// that hangs holds the first version of the site back this long, not for
    /// its whole time limit; it shows when it is done, as after a save.
    static let firstChapterPatience: Duration = .seconds(60)
    static let startupPatience: Duration = .seconds(5)

    /// Lets the start go on after `patience`, unless armed again before.
    private func armStartupTimer(_ patience: Duration) {
        startupTimer?.cancel()
        startupTimer = Task {
            try? await Task.sleep(for: patience)
            guard !Task.isCancelled else { return }
            self.resumeIdleWaiters()
        }
    }

    private func resumeIdleWaiters() {
        idle.forEach { $0.resume() }
        idle = []
    }

    /// Takes in a batch of changed paths from the watcher.
    func changed(_ paths: Set<String>) {
        let changes = inputs.changes(known.changes(paths))
        guard !changes.isEmpty else { return }
        if batch == nil { batch = Batch() }
        if changes.theme || changes.courseInfo { makeBuilder() }
        // course.json names imports too: the library is looked at again (its
        // keys are cached: nothing builds when nothing it holds changed).
        // A library that did not build is tried again on a save of a chapter,
        // which may have named a product that does not exist.
        if changes.library || changes.courseInfo || (!changes.chapters.isEmpty && courseProblems[Concern.library] != nil) {
            runner = nil
        }
        let listed = order
        if changes.chapterList { listChapters() }
        if changes.library || changes.lectureFiles || changes.courseInfo {
            enqueue(order)
        } else {
            let lectures = inputs.lecturesFolder
            let saved = order.filter { path in changes.chapters.contains(lectures + "/" + Course.id(ofPath: path) + ".md") }
            for path in saved { savedAt[path] = .now }
            enqueue(saved, stoppingTheirRuns: true)
        }
        schedule()
        if queue.isEmpty && running.isEmpty {
            publish()
        } else if started, order != listed || changes.theme {
            // A chapter added or gone shows in the navigation, and a new
            // look on every page, while chapters run.
            publishSoon()
        }
    }

    /// Queues `paths`; a run of one of them that is still going is stopped,
    /// since it runs what the file held before.
    private func enqueue(_ paths: [String], stoppingTheirRuns: Bool = false) {
        for path in paths where !queue.contains(path) { queue.append(path) }
        if stoppingTheirRuns {
            for path in paths { runs[path]?.cancel() }
        }
    }

    private func schedule() {
        while running.count < settings.jobs, let next = queue.first(where: { running[$0] == nil }) {
            queue.removeAll { $0 == next }
            runsCounted += 1
            let number = runsCounted
            running[next] = number
            runs[next] = Task { await self.run(next, number: number) }
        }
    }

    private func waitUntilIdle() async {
        guard !(queue.isEmpty && running.isEmpty) else { return }
        await withCheckedContinuation { idle.append($0) }
    }

    /// Parses and runs one chapter (run `number` of the preview), then
    /// publishes the site with its page.
    private func run(_ path: String, number: Int) async {
        let loaded: Result<Lecture, Diagnostics>
        do throws(Diagnostics) { loaded = .success(try Course.load(path)) } catch { loaded = .failure(error) }
        var outcome: ChapterRun?
        if case .success(let lecture) = loaded, !Set(lecture.settings.imports).isSubset(of: preparedImports) {
            runner = nil
        }
        if case .success(let lecture) = loaded, let runner = await preparedRunner() {
            let early = firstEditedCell(lecture, path).map { edited in
                ChapterRunner.ProgressReport(after: edited) { progress in
                    Task { await self.showWhileRunning(path, run: number, progress) }
                }
            }
            outcome = await runner.run(lecture, progress: early)
        }
        running[path] = nil
        runs[path] = nil
        // A run stopped by Ctrl-C says nothing of its chapter.
        if RunningChildren.stopping { return }
        if order.contains(path), !Task.isCancelled {
            var chapter = chapters[path] ?? Chapter()
            if chapter.notice != nil, outcome == nil { chapter.shown = chapter.beforeEarly }
            chapter.notice = nil
            chapter.beforeEarly = nil
            switch loaded {
            case .failure(let diagnostics):
                chapter.problems = diagnostics.all.map(\.description)
            case .success(let lecture):
                if let run = outcome {
                    if run.succeeded { chapter.lastGood = run }
                    chapter.shown = run.succeeded ? run : chapter.lastGood.map { run.fillingGaps(from: $0) } ?? run
                    chapter.problems = (run.diagnostics + run.usageProblems).map { $0.description(in: lecture) }
                    batch?.chapters.append(path)
                    batch?.compiling += run.compileSeconds
                    batch?.running += run.runSeconds
                }
            }
            chapters[path] = chapter
        }
        if started, !Task.isCancelled { publishSoon() }
        schedule()
        if queue.isEmpty && running.isEmpty {
            resumeIdleWaiters()
        } else if !started {
            armStartupTimer(Self.startupPatience)
        }
    }

    /// A chapter whose last good run took less than this shows its page only
    /// when it is done: an early page would reload again at once.
    static let earlyPageAfter = 0.4

    /// The first cell of `lecture` whose code or options differ from the
    /// cell at its place on the page now, when its page shows a run that
    /// took long enough to show the page early; nil when the code is the
    /// same (the run is the library's or an input's, or a look-up).
    private func firstEditedCell(_ lecture: Lecture, _ path: String) -> Int? {
        guard started, let chapter = chapters[path], let good = chapter.lastGood, let shown = chapter.shown,
              good.programSeconds >= Self.earlyPageAfter else { return nil }
        let old = shown.lecture.cells
        return lecture.cells.first { cell in
            cell.index >= old.count || old[cell.index].code != cell.code || old[cell.index].options != cell.options
        }?.index
    }

    /// Shows the cells of run `number` of the chapter at `path` that are done,
    /// the others as its last good run left them, with a notice, unless the
    /// run is over.
    private func showWhileRunning(_ path: String, run number: Int, _ progress: ChapterRunner.Progress) {
        guard running[path] == number, var chapter = chapters[path], let good = chapter.lastGood else { return }
        if chapter.notice == nil { chapter.beforeEarly = chapter.shown }
        chapter.shown = progress.done.fillingGaps(from: good)
        chapter.notice = "The chapter is running: until it is done, the cells marked \u{201C}output of the previous run\u{201D} "
            + "and the values cited in the text are the previous run\u{2019}s; a changed cell that has not run yet shows nothing."
        chapters[path] = chapter
        publishEarly(path, compiled: progress.done.compileSeconds)
    }

    /// Publishes the page of a chapter shown while it runs, and nothing else:
    /// the other pages, the navigation, the search index and the other pages'
    /// problems stay as they were (a label of a cell that has not run yet
    /// would be missing from them), and the page shows its notice and none of
    /// the problems of the chapter's last run, which were its earlier code's.
    /// The terminal hears of nothing until the run is done.
    private func publishEarly(_ path: String, compiled: Double) {
        let start = ContinuousClock.now
        let page = Course.id(ofPath: path) + ".html"
        guard let builder, let notice = chapters[path]?.notice,
              let site = try? builder.build(order.compactMap { chapters[$0]?.shown }, courseFolder: inputs.lectures, keepGoing: true),
              let html = site.files[page] else { return }
        var next = snapshot
        next.generation += 1
        next.files[page] = html
        next.pageProblems[page] = nil
        next.pageNotices[page] = notice
        // A problem of the course that is gone (the library builds now) goes
        // from every page; the terminal says so when the run is done.
        next.courseProblems = problemsOfTheCourse()
        let changed = next.changes(since: snapshot)
        guard !changed.isEmpty else { return }
        show(next, changed: changed)
        if let saved = savedAt[path] ?? batch?.start {
            log.status("preview: \(Course.id(ofPath: path)): shown while it runs: compile \(Self.seconds(compiled)), "
                + "site \(Self.seconds(ContinuousClock.now - start)); \(Self.seconds(ContinuousClock.now - saved)) after its save")
        }
    }

    /// Publishes now when no chapter runs any more; else within a second,
    /// unless the others are done by then: the pages of chapters that ran
    /// together reload once, and one that hangs holds up the others a second.
    private func publishSoon() {
        guard queue.isEmpty && running.isEmpty else {
            if waitingPublication == nil {
                waitingPublication = Task {
                    try? await Task.sleep(for: .seconds(1))
                    self.publishWaiting()
                }
            }
            return
        }
        waitingPublication?.cancel()
        waitingPublication = nil
        publish()
    }

    private func publishWaiting() {
        guard waitingPublication != nil else { return }
        waitingPublication = nil
        publish()
    }

    /// The runner, prepared once (the library built when its sources changed)
    /// and again after the library changed; nil when the library does not
    /// build, which is then a problem of the whole course.
    private func preparedRunner() async -> ChapterRunner? {
        if runner == nil {
            var course = CourseRunner(course: settings.course, timeout: settings.timeout, jobs: settings.jobs)
            let log = log
            course.reporting = CourseLibrary.Reporting(announce: { log.status("preview: " + $0) })
            runner = Task { () async throws -> ChapterRunner in try await course.prepare(for: []) }
            preparedImports = Set(((try? settings.course.imports(of: [])) ?? []).map(\.name))
        }
        do {
            let prepared = try await runner!.value
            courseProblems[Concern.library] = nil
            inputs.runtimePackage = prepared.compiler.library.runtimePackage
            return prepared
        } catch {
            courseProblems[Concern.library] = ["\(error)"]
            return nil
        }
    }

    /// The site builder of the current theme, KaTeX and `course.json`; when one
    /// of them is wrong, the previous builder stays and the mistake is shown.
    private func makeBuilder() {
        do {
            guard let folder = inputs.themeFolder else { return }
            let theme = try Theme(folder: folder)
            let katex = try KaTeXAssets(folder: settings.katex)
            let info = try CourseInfo.load(lecturesFolder: inputs.lectures)
            var math = try KaTeXRenderer.system(katexFolder: settings.katex)
            math.memo = typeset
            builder = SiteBuilder(course: info, theme: theme, katex: katex, math: math)
            courseProblems[Concern.look] = nil
        } catch {
            courseProblems[Concern.look] = ["\(error)"]
        }
    }

    /// The chapters of the lectures folder now; those that went away are dropped.
    private func listChapters() {
        do {
            order = try Course(folder: inputs.lectures).chapterPaths
            courseProblems[Concern.lectures] = nil
        } catch {
            courseProblems[Concern.lectures] = [error.description]
        }
        chapters = chapters.filter { order.contains($0.key) }
        savedAt = savedAt.filter { order.contains($0.key) }
        queue.removeAll { !order.contains($0) }
        for (path, run) in runs where !order.contains(path) { run.cancel() }
        enqueue(order.filter { chapters[$0] == nil && running[$0] == nil })
    }

    /// Builds the site from what every chapter shows now, and publishes it
    /// when anything a page shows changed.
    private func publish() {
        let start = ContinuousClock.now
        var next = PreviewSnapshot(generation: snapshot.generation + 1, files: snapshot.files)
        let shown = order.compactMap { chapters[$0]?.shown }
        var linkProblems: [String: [String]] = [:]
        if let builder {
            do throws(Diagnostics) {
                let site = try builder.build(shown, courseFolder: inputs.lectures, keepGoing: true)
                next.files = site.files
                for problem in site.problems {
                    let path = problem.location?.file ?? ""
                    let lecture = shown.first { $0.lecture.path == path }?.lecture
                    linkProblems[path, default: []].append(lecture.map { problem.description(in: $0) } ?? problem.description)
                }
                courseProblems[Concern.site] = nil
                report("warnings", site.warnings.map(\.description), fixed: nil)
            } catch {
                courseProblems[Concern.site] = error.all.map(\.description)
            }
        }
        for path in order {
            guard let chapter = chapters[path] else { continue }
            if let notice = chapter.notice {
                // Shown while it runs: its problems are told when it is done.
                next.pageNotices[Course.id(ofPath: path) + ".html"] = notice
                continue
            }
            let problems = chapter.problems + (linkProblems[path] ?? [])
            report(path, problems, fixed: "\(path): no more problems")
            if chapter.shown != nil, !problems.isEmpty {
                next.pageProblems[Course.id(ofPath: path) + ".html"] = problems
            }
        }
        for (concern, problems) in courseProblems.sorted(by: { $0.key < $1.key }) {
            report(concern, problems, fixed: nil)
        }
        next.courseProblems = problemsOfTheCourse()
        for key in printed.keys where courseProblems[key] == nil && !order.contains(key) && key != "warnings" {
            // A chapter that went away takes its problems with it.
            report(key, [], fixed: key.hasSuffix(".md") ? nil : "preview: the \(key) problem is gone")
        }

        let changed = next.changes(since: snapshot)
        guard !changed.isEmpty || snapshot.generation == 0 else {
            finishBatch(siteSeconds: start, changed: 0)
            return
        }
        show(next, changed: changed)
        finishBatch(siteSeconds: start, changed: changed.filter { $0.hasSuffix(".html") }.count)
    }

    /// What every page shows: the problems of the course as a whole, then
    /// those of the chapters that have no page.
    private func problemsOfTheCourse() -> [String] {
        courseProblems.sorted { $0.key < $1.key }.flatMap(\.value)
            + order.compactMap { chapters[$0] }.filter { $0.shown == nil }.flatMap(\.problems)
    }

    /// Makes `next` the version served (and in the site folder), and tells
    /// the open pages which of its paths `changed`.
    private func show(_ next: PreviewSnapshot, changed: Set<String>) {
        do {
            try folder.update(to: next.files, changed: changed)
        } catch {
            log.problem("preview: \(error.localizedDescription)")
        }
        snapshot = next
        server.show(next)
        let server = server
        Task { await server.announce(generation: next.generation, changed: changed) }
    }

    /// Prints `problems` under `key` when they differ from what was printed last.
    private func report(_ key: String, _ problems: [String], fixed: String?) {
        guard printed[key] ?? [] != problems else { return }
        if problems.isEmpty {
            if let fixed { log.status(fixed) }
        } else {
            problems.forEach(log.problem)
        }
        printed[key] = problems.isEmpty ? nil : problems
    }

    /// One line on what the changes since the last one cost.
    private func finishBatch(siteSeconds start: ContinuousClock.Instant, changed pages: Int) {
        guard let batch, started else { return }
        let done = queue.isEmpty && running.isEmpty
        // A publication while chapters run that changed no page says nothing.
        guard pages > 0 || !batch.chapters.isEmpty || done else { return }
        let site = ContinuousClock.now - start
        let total = ContinuousClock.now - batch.start
        var named = Set<String>()
        let ran = batch.chapters.filter { named.insert($0).inserted }
        let chapters = ran.isEmpty ? "" : ran.map { Course.id(ofPath: $0) }.joined(separator: ", ") + ": "
        log.status("preview: \(chapters)compile \(Self.seconds(batch.compiling)), run \(Self.seconds(batch.running)), "
            + "site \(Self.seconds(site)); \(pages) page\(pages == 1 ? "" : "s") changed, \(Self.seconds(total)) after the change")
        // Runs still to come are the next line's, counted from the same change.
        self.batch = done ? nil : Batch(start: batch.start)
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    private static func seconds(_ duration: Duration) -> String {
        seconds(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
