import CellOutput
import Foundation

/// Compiles and runs the programs of a chapter (``ChapterProgram``), and checks
/// that each behaved as its cells say: every cell started, in order; the program
/// reached its end; a `crashes` cell trapped (a timeout is not a trap); no cell
/// printed more than its limit; `// Prints` comments hold; exercises' worked
/// answers pass their checks.
///
/// A run is kept in the cache only when it behaved as expected, keyed by all it
/// can depend on that the tool knows (``runKey(_:_:)``); `rerun` ignores kept runs.
public struct ChapterRunner: Sendable {
    public var compiler: ChapterCompiler
    /// Seconds a program may run; the chapter's own limit applies when this is nil.
    public var timeout: Double?
    /// Parameter values that replace the chapter's defaults, by name.
    public var parameters: [String: String]
    /// Run every program again, whatever runs the cache holds.
    public var rerun: Bool
    /// Modules every chapter program imports besides the runtime.
    public var imports: [String]
    public static let defaultTimeout = 300.0
    /// Seconds a compilation may take at least, whatever the run's time limit:
    /// a first compilation on a busy machine takes a few seconds.
    public static let shortestCompileLimit = 60.0
    /// The longest time limit a chapter or an option may set: a year.
    public static let longestTimeout = 31_536_000.0

    /// Whether `seconds` can be a time limit: positive and at most a year.
    public static func isTimeout(_ seconds: Double) -> Bool { seconds > 0 && seconds <= longestTimeout }

    public init(compiler: ChapterCompiler, timeout: Double? = nil, parameters: [String: String] = [:], rerun: Bool = false,
                imports: [String] = []) {
        self.compiler = compiler
        self.timeout = timeout
        self.parameters = parameters
        self.rerun = rerun
        self.imports = imports
    }

    /// What a chapter is doing, for progress displays: compiling, or running with
    /// the index of the cell that started last.
    public enum Phase: Equatable, Sendable {
        case compiling
        case running(cell: Int?)
    }

    /// What the chapter's main program has done while it still runs: the
    /// outputs of its cells that are done (those that started before the one
    /// now running), and the cell now running.
    public struct Progress: Sendable {
        public var done: ChapterRun
        public var running: Int
    }

    /// A look at the main program's ``Progress``, asked for once: the first
    /// time it runs a cell after `cell`, `report` is called with it, from
    /// another task, while the program goes on. A run reused from the cache,
    /// one that ends before, or a `cell` that another program of the chapter
    /// runs (a scope's, an isolated one) calls it never.
    public struct ProgressReport: Sendable {
        public var cell: Int
        public var report: @Sendable (Progress) -> Void

        public init(after cell: Int, report: @escaping @Sendable (Progress) -> Void) {
            self.cell = cell
            self.report = report
        }
    }

    /// Runs every program of the chapter, or, with `lastCell`, only its cells up
    /// to that one; `progress` asks for a look at the main program while it runs.
    public func run(_ lecture: Lecture, upTo lastCell: Int? = nil, phase: @escaping @Sendable (Phase) -> Void = { _ in },
                    progress: ProgressReport? = nil) async -> ChapterRun {
        var programs = ChapterProgram.all(for: lecture, imports: imports + lecture.settings.imports)
        if let lastCell {
            programs = [ChapterProgram(lecture, purpose: .upTo(cell: lastCell), imports: imports + lecture.settings.imports)]
            if lecture.cells[lastCell].options.fails {
                programs.append(ChapterProgram(lecture, purpose: .failing(cell: lastCell), imports: imports + lecture.settings.imports))
            }
        }
        return await execute(programs, of: lecture, phase: phase, progress: progress)
    }

    /// Runs the chapter with the student's exercise cells in place of the worked
    /// answers, with their checks, for `lecture check`.
    public func checkExercises(_ lecture: Lecture, phase: @escaping @Sendable (Phase) -> Void = { _ in }) async -> ChapterRun {
        await execute([ChapterProgram(lecture, purpose: .exercises, imports: imports + lecture.settings.imports)], of: lecture, phase: phase)
    }

    private func execute(_ programs: [ChapterProgram], of lecture: Lecture, phase: @escaping @Sendable (Phase) -> Void,
                         progress: ProgressReport? = nil) async -> ChapterRun {
        var run = ChapterRun(lecture: lecture)
        for program in programs {
            do {
                let follows = program.purpose == .main && progress.map { program.ownCells.contains($0.cell) } == true
                try await execute(program, into: &run, phase: phase, progress: follows ? progress : nil)
            } catch {
                run.diagnostics.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1), "\(error)"))
            }
        }
        // Each program that holds a broken cell reports it: once is enough.
        var seen = Set<Diagnostic>()
        run.diagnostics = run.diagnostics.filter { seen.insert($0).inserted }
        return run
    }

    private func execute(_ program: ChapterProgram, into run: inout ChapterRun, phase: @escaping @Sendable (Phase) -> Void,
                         progress: ProgressReport?) async throws {
        let lecture = run.lecture
        phase(.compiling)
        let compileStart = Date()
        var compiler = self.compiler
        compiler.timeout = max(timeout ?? lecture.settings.timeout ?? Self.defaultTimeout, Self.shortestCompileLimit)
        let outcome = try await compiler.compile(program, name: cacheName(program.purpose, lecture)) { reason in
            run.log.append("\(lecture.path): compiling \(describe(program.purpose)): \(reason)")
        }
        run.compileSeconds += Date().timeIntervalSince(compileStart)

        switch (program.purpose, outcome) {
        case (.failing(let index), .failed(let errors)):
            run.cells[index] = [.text(Self.relativeToCell(Self.errorsOnly(errors), lecture, index, fileName: program.sourceFileName))]
        case (.failing(let index), _):
            run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture), "this cell is marked 'fails' but it compiles"))
        case (_, .failed(let errors)):
            run.diagnostics += CompilerDiagnostics.diagnostics(errors, program, lecture)
        case (_, .typechecked):
            break
        case (_, .executable(let path, _)):
            phase(.running(cell: nil))
            let record = try await launch(path, program, lecture, &run, phase: phase, progress: progress)
            check(record, of: program, into: &run)
        }
    }

    /// The diagnostics of a run that did not behave as its program's cells say,
    /// and its outputs, citations and checks taken into `run`.
    private func check(_ record: RunRecord, of program: ChapterProgram, into run: inout ChapterRun) {
        let lecture = run.lecture
        let result = record.result
        let output = record.output
        let expected = ChapterProgram.cells(of: lecture, for: program.purpose).map(\.index)
        for index in program.ownCells {
            if let items = output.cells[index] { run.cells[index] = items }
        }
        if program.purpose == .main {
            run.citations = output.citations
        }
        run.checkpoints.merge(output.checkpoints) { $1 }
        for index in program.ownCells {
            run.printedAfterCheckpoints[index] = output.printedAfterCheckpoints[index]
        }
        run.exerciseChecks += output.checks
        if let rejected = output.rejectedParameter {
            let declaration = lecture.parameters.first { $0.name == rejected.name }
            run.usageProblems.append(Diagnostic(at: declaration?.location,
                                                "parameter '\(rejected.name)' is a \(rejected.type), and '\(rejected.value)' is not one"))
            return
        }

        if case .crashing(let index) = program.purpose {
            if result.signaled, !result.timedOut, !result.outputExceeded, output.lastStartedCell == index {
                let trap = Self.relativeToCell(Self.trapMessage(record.standardErrorText), lecture, index, fileName: program.sourceFileName)
                run.cells[index] = (output.cells[index] ?? []) + [.text(trap)]
                return
            }
            if result.succeeded || result.timedOut || result.outputExceeded {
                let why = result.timedOut ? "it ran out of time instead (a timeout is not a trap)"
                    : result.outputExceeded ? "it printed too much instead" : "it ran to its end"
                run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture), "this cell is marked 'crashes' but \(why)"))
                return
            }
        }
        if !result.succeeded {
            run.diagnostics.append(stopped(result, output, record.standardErrorText, lecture, program))
        } else if !output.reachedEnd {
            let cell = output.lastStartedCell ?? expected.first ?? 0
            run.diagnostics.append(Diagnostic(at: location(of: cell, in: lecture),
                                              "the program stopped in cell \(cell + 1) (exit status 0) before the end of the chapter; the cells and citations after it did not run"))
        } else if let missing = expected.first(where: { !output.startedCells.contains($0) }) {
            run.diagnostics.append(Diagnostic(at: location(of: missing, in: lecture),
                                              "cell \(missing + 1) never ran: code in an earlier cell (a #if or an open block) took it in"))
        }
        for index in program.ownCells {
            let limit = lecture.cells[index].options.outputLimit ?? CellOptions.defaultOutputLimit
            if let printed = output.printedBytes[index], printed > limit {
                run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture),
                                                  "cell \(index + 1) printed \(Self.size(printed)), more than its limit of \(Self.size(limit)); print less, or raise the limit with output-limit=SIZE"))
            }
        }
        if result.succeeded, output.reachedEnd {
            run.diagnostics += PrintsCheck.problems(in: lecture, cells: program.ownCells, checkpoints: output.checkpoints)
            if program.purpose == .main {
                run.diagnostics += ExerciseCheck.problems(in: lecture, checks: output.checks)
            }
        }
    }

    private func cacheName(_ purpose: ChapterProgram.Purpose, _ lecture: Lecture) -> String {
        switch purpose {
        case .main: lecture.id
        case .exercises: "\(lecture.id)-exercises"
        case .scope(let name): "\(lecture.id)-scope-\(name)"
        case .upTo(let index): "\(lecture.id)-upto\(index)"
        case .isolated(let index), .failing(let index), .crashing(let index), .typechecking(let index): "\(lecture.id)-cell\(index)"
        }
    }

    /// The variables of the tool's environment that a chapter program sees:
    /// where programs and libraries are found, the home and temporary folders,
    /// the time zone and the locale. A program gets no other variable of the
    /// tool's (a chapter's settings come in as parameters), so that its run's
    /// key (``runKey(_:_:environment:)``) holds everything it can read from its
    /// environment, and a recorded run is never reused for another.
    static func passedEnvironment() -> [String: String?] {
        let tool = ProcessInfo.processInfo.environment
        let names = ["PATH", "LD_LIBRARY_PATH", "HOME", "TMPDIR", "TZ", "LANG", "LANGUAGE"]
        var passed: [String: String?] = Dictionary(uniqueKeysWithValues: names.map { ($0, tool[$0]) })
        for (name, value) in tool where name.hasPrefix("LC_") { passed[name] = value }
        return passed
    }

    /// What a run depends on besides its executable: where the chapter is (its
    /// folder is the program's working directory), the parameters, its whole
    /// environment (``passedEnvironment()`` and the runner's variables),
    /// and the contents of the files the chapter declares it reads. The clock,
    /// the network and undeclared files are beyond what the tool can know.
    func runKey(_ executable: String, _ lecture: Lecture, environment: [String: String?]) -> (key: String, inputs: [String]) {
        var hash = SHA256()
        hash.update("executable \(BuildCache.digest(ofFile: executable) ?? "")\n")
        hash.update("lecture \(Self.absolute(lecture.path))\n")
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name != "LECTURE_EVENTS" {
            hash.update("environment \(name)=\(value ?? "(unset)")\n")
        }
        let inputs = InputFiles.matching(lecture.settings.inputs, in: Self.folder(of: lecture))
        for path in inputs {
            hash.update("input \(path) \(BuildCache.digest(ofFile: path) ?? "missing")\n")
        }
        return (hash.finalize(), inputs)
    }

    /// Runs a compiled program, or reuses its recorded run.
    private func launch(_ executable: String, _ program: ChapterProgram, _ lecture: Lecture, _ run: inout ChapterRun,
                        phase: @escaping @Sendable (Phase) -> Void, progress: ProgressReport?) async throws -> RunRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let parameterJSON = parameters.isEmpty ? nil : String(decoding: try encoder.encode(parameters), as: UTF8.self)
        var environment = Self.passedEnvironment()
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["LECTURE_PARAMETERS"] = parameterJSON
        let (key, inputs) = runKey(executable, lecture, environment: environment)
        let recordPath = compiler.cache.path("runs", key + ".json")
        if !rerun, let record = RunRecord.load(recordPath) {
            run.programSeconds += record.result.seconds
            return record
        }
        run.log.append("\(lecture.path): running \(describe(program.purpose)): "
            + (rerun ? "--rerun" : "no recorded run of this build") + (parameterJSON.map { " with parameters \($0)" } ?? "")
            + (inputs.isEmpty ? "" : " reading \(inputs.count) input file\(inputs.count == 1 ? "" : "s")"))
        let scratch = try compiler.cache.scratchFolder()
        defer { RunningChildren.removeScratch(scratch) }
        let events = scratch + "/events"
        _ = FileManager.default.createFile(atPath: events, contents: nil)
        environment["LECTURE_EVENTS"] = events
        let limit = timeout ?? lecture.settings.timeout ?? Self.defaultTimeout
        let outputLimit = max(64_000_000, program.ownCells.map { lecture.cells[$0].options.outputLimit ?? CellOptions.defaultOutputLimit }.reduce(0, +))
        let following = EventProgress(path: events, reportingAfter: progress?.cell)
        let compiled = run.compileSeconds
        let process = ChildProcess(executable: executable, environment: environment, inheritsEnvironment: false, directory: Self.folder(of: lecture),
                                   timeout: limit, outputLimit: outputLimit,
                                   watchInterval: .milliseconds(progress == nil ? 100 : 20)) {
            let (last, records) = following.read()
            guard let last else { return }
            phase(.running(cell: last))
            guard let progress, let records else { return }
            // What the cells that are done printed: the output file holds all
            // of it, since the program flushes its output before each event.
            let output = ChapterOutput(standardOutput: Array(FileManager.default.contents(atPath: scratch + "/stdout") ?? Data()), events: records)
            var done = ChapterRun(lecture: lecture)
            done.compileSeconds = compiled
            for index in output.startedCells.dropLast() { done.cells[index] = output.cells[index] }
            progress.report(Progress(done: done, running: last))
        }
        let result = try await process.run(standardOutput: scratch + "/stdout", standardError: scratch + "/stderr")
        run.runSeconds += result.seconds
        run.programSeconds += result.seconds
        let record = RunRecord(result: result,
                               standardOutput: FileManager.default.contents(atPath: scratch + "/stdout") ?? Data(),
                               standardError: FileManager.default.contents(atPath: scratch + "/stderr") ?? Data(),
                               events: FileManager.default.contents(atPath: events) ?? Data())
        if behavedAsExpected(record, program, lecture) {
            try? record.save(recordPath)
        }
        return record
    }

    /// Whether a run is one to keep: it ran to the end, or it trapped where its
    /// `crashes` cell is, without running out of time or output.
    private func behavedAsExpected(_ record: RunRecord, _ program: ChapterProgram, _ lecture: Lecture) -> Bool {
        let result = record.result
        guard !result.timedOut, !result.outputExceeded, !result.cancelled else { return false }
        if case .crashing(let index) = program.purpose {
            return result.signaled && record.output.lastStartedCell == index
        }
        return result.succeeded && record.output.reachedEnd
    }

    /// The diagnostic for a program that trapped, failed or ran out of time or
    /// output, at the cell that was running, with what that cell printed so far.
    private func stopped(_ result: ChildProcess.Result, _ output: ChapterOutput, _ standardError: String, _ lecture: Lecture,
                         _ program: ChapterProgram) -> Diagnostic {
        let cell = output.lastStartedCell ?? 0
        let what: String
        if result.timedOut {
            what = "timed out after \(String(format: "%.1f", result.seconds)) s (raise the limit with --timeout or <!-- lecture timeout=SECONDS -->)"
        } else if result.outputExceeded {
            what = "printed more than the chapter's output limit; the program was stopped"
        } else if result.signaled {
            let message = Self.trapMessage(standardError).trimmingCharacters(in: .newlines)
                .replacingOccurrences(of: "Chapter/" + program.sourceFileName + ":", with: lecture.path + ":")
            what = "trapped" + (message.isEmpty ? " (signal \(result.status))" : ": " + message)
        } else {
            what = "exited with status \(result.status)"
        }
        let printed = OutputItem.recordedText(of: output.cells[cell] ?? []).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let details = printed.allSatisfy(\.isEmpty) ? [] : ["output so far:"] + printed.suffix(20).map { "  " + $0 }
        return Diagnostic(at: location(of: cell, in: lecture), "cell \(cell + 1) \(what)", details: details)
    }

    private func location(of cell: Int, in lecture: Lecture) -> SourceLocation {
        let fence = lecture.cells[cell].fence
        return SourceLocation(file: lecture.path, line: fence.openLine, column: fence.column)
    }

    private func describe(_ purpose: ChapterProgram.Purpose) -> String {
        switch purpose {
        case .main: "the chapter"
        case .exercises: "the chapter with its exercises as written"
        case .scope(let name): "scope \(name)"
        case .upTo(let index): "the chapter up to cell \(index + 1)"
        case .isolated(let index): "cell \(index + 1) (isolated)"
        case .failing(let index): "cell \(index + 1) (expected to fail)"
        case .crashing(let index): "cell \(index + 1) (expected to trap)"
        case .typechecking(let index): "cell \(index + 1) (type-checked only)"
        }
    }

    /// The runtime's fatal-error lines from a trapped program's standard error.
    static func trapMessage(_ standardError: String) -> String {
        standardError.split(separator: "\n")
            .filter { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
            .map { $0 + "\n" }.joined()
    }

    /// The `error:` lines of compiler output, without notes.
    static func errorsOnly(_ errors: String) -> String {
        errors.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0 + "\n" }.joined()
    }

    /// A compiler or trap message as a cell records it: a place in the cell's
    /// own code, `cell:LINE:COLUMN:` counted from its first line, in place of
    /// the program's file and the lecture's line, so that the recording depends
    /// neither on the folder the lecture was run from nor on the lines above the cell.
    static func relativeToCell(_ text: String, _ lecture: Lecture, _ index: Int, fileName: String) -> String {
        let cell = lecture.cells[index]
        let lineCount = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for prefix in ["Chapter/" + fileName + ":", fileName + ":"] where line.hasPrefix(prefix) {
                let rest = line.dropFirst(prefix.count)
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard let number = Int(digits), number >= cell.fence.firstContentLine, number < cell.fence.firstContentLine + lineCount else { continue }
                return "cell:\(number - cell.fence.firstContentLine + 1)" + rest.dropFirst(digits.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : bytes >= 1000 ? "\(bytes / 1000) KB" : "\(bytes) bytes"
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The lecture's folder, where its program runs.
    static func folder(of lecture: Lecture) -> String {
        URL(fileURLWithPath: absolute(lecture.path)).deletingLastPathComponent().path
    }
}
