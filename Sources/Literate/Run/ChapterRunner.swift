import CellOutput
import Foundation

/// Compiles and runs the programs of a chapter, and splits their output by cell.
public struct ChapterRunner: Sendable {
    public var compiler: ChapterCompiler
    /// Seconds a program may run; the chapter's own limit applies when this is nil.
    public var timeout: Double?
    public static let defaultTimeout = 300.0

    public init(compiler: ChapterCompiler, timeout: Double? = nil) {
        self.compiler = compiler
        self.timeout = timeout
    }

    /// What a chapter is doing, for progress displays.
    public enum Phase: Sendable {
        case compiling, running
    }

    public func run(_ lecture: Lecture, phase: @Sendable (Phase) -> Void = { _ in }) async -> ChapterRun {
        var run = ChapterRun(lecture: lecture)
        for program in ChapterProgram.all(for: lecture) {
            do {
                try await execute(program, into: &run, phase: phase)
            } catch {
                run.diagnostics.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1), "\(error)"))
            }
        }
        return run
    }

    private func execute(_ program: ChapterProgram, into run: inout ChapterRun, phase: @Sendable (Phase) -> Void) async throws {
        let lecture = run.lecture
        let name: String
        switch program.purpose {
        case .main: name = lecture.id
        case .failing(let index), .crashing(let index): name = "\(lecture.id)-cell\(index)"
        }
        phase(.compiling)
        let compileStart = Date()
        let outcome = try await compiler.compile(program, name: name) { reason in
            run.log.append("\(lecture.path): compiling \(describe(program.purpose)): \(reason)")
        }
        run.compileSeconds += Date().timeIntervalSince(compileStart)
        phase(.running)

        switch (program.purpose, outcome) {
        case (.failing(let index), .failed(let errors)):
            run.cells[index] = [.text(portable(errors, lecture))]
        case (.failing(let index), .executable):
            run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture), "this cell is marked 'fails' but it compiles"))
        case (_, .failed(let errors)):
            // The compiler's messages already name the lecture's lines: pass them on.
            let lines = errors.split(separator: "\n").map(String.init)
            run.diagnostics.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1), "the chapter does not compile", details: lines))
        case (.main, .executable(let path, _)):
            let result = try await launch(path, lecture, &run, keepIf: \.succeeded)
            let output = ChapterOutput(parsing: result.standardOutput)
            run.cells.merge(output.cells) { $1 }
            run.citations = output.citations
            if !result.succeeded {
                run.diagnostics.append(stopped(result, output, lecture))
            }
        case (.crashing(let index), .executable(let path, _)):
            let result = try await launch(path, lecture, &run, keepIf: \.signaled)
            let output = ChapterOutput(parsing: result.standardOutput)
            if result.signaled && output.lastStartedCell == index {
                var items = output.cells[index] ?? []
                items.append(.text(portable(Self.trapMessage(result.standardError), lecture)))
                run.cells[index] = items
            } else if result.succeeded {
                run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture), "this cell is marked 'crashes' but it ran to its end"))
            } else {
                run.diagnostics.append(stopped(result, output, lecture))
            }
        }
    }

    /// Runs a compiled program, or reuses its recorded run: a program's output
    /// depends only on the program, since the library's random numbers are seeded.
    /// A run is recorded when `keepIf` holds (it behaved as its cells expect).
    private func launch(_ path: String, _ lecture: Lecture, _ run: inout ChapterRun,
                        keepIf expected: (ChildProcess.Result) -> Bool) async throws -> ChildProcess.Result {
        let record = path + ".run.json"
        if let data = FileManager.default.contents(atPath: record),
           let cached = try? JSONDecoder().decode(ChildProcess.Result.self, from: data) {
            return cached
        }
        run.log.append("\(lecture.path): running \(Course.id(ofPath: lecture.path)): no recorded run of this build")
        let limit = timeout ?? lecture.timeout ?? Self.defaultTimeout
        let result = try await ChildProcess(executable: path, arguments: [],
                                            environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: limit).run()
        run.runSeconds += result.seconds
        if expected(result) {
            try? BuildCache.writeAtomically(try JSONEncoder().encode(result), to: record)
        }
        return result
    }

    /// The diagnostic for a program that trapped, failed or ran out of time, at the
    /// cell that was running, with what that cell printed so far.
    private func stopped(_ result: ChildProcess.Result, _ output: ChapterOutput, _ lecture: Lecture) -> Diagnostic {
        let cell = output.lastStartedCell ?? 0
        let what: String
        if result.timedOut {
            what = "timed out after \(Self.seconds(result.seconds)) s (raise the limit with --timeout or <!-- lecture timeout=SECONDS -->)"
        } else if result.signaled {
            let message = Self.trapMessage(result.standardError).trimmingCharacters(in: .newlines)
            what = "trapped" + (message.isEmpty ? " (signal \(result.status))" : ": " + message)
        } else {
            what = "exited with status \(result.status)"
        }
        let printed = output.recordedText(ofCell: cell).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let details = printed.allSatisfy(\.isEmpty) ? [] : ["output so far:"] + printed.map { "  " + $0 }
        return Diagnostic(at: location(of: cell, in: lecture), "cell \(cell + 1) \(what)", details: details)
    }

    private func location(of cell: Int, in lecture: Lecture) -> SourceLocation {
        let fence = lecture.cells[cell].fence
        return SourceLocation(file: lecture.path, line: fence.openLine, column: fence.column)
    }

    private func describe(_ purpose: ChapterProgram.Purpose) -> String {
        switch purpose {
        case .main: "the chapter"
        case .failing(let index): "cell \(index + 1) (expected to fail)"
        case .crashing(let index): "cell \(index + 1) (expected to trap)"
        }
    }

    /// The runtime's fatal-error lines from a trapped program's standard error.
    static func trapMessage(_ standardError: String) -> String {
        standardError.split(separator: "\n")
            .filter { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
            .map { $0 + "\n" }.joined()
    }

    /// Recorded text must not depend on where the lecture was run from: the lecture's
    /// path in compiler messages, and `Chapter/name` in runtime messages, become its
    /// file name.
    private func portable(_ text: String, _ lecture: Lecture) -> String {
        let name = lecture.fileName
        return text.replacingOccurrences(of: lecture.path + ":", with: name + ":")
            .replacingOccurrences(of: "Chapter/" + name + ":", with: name + ":")
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
