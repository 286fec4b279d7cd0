import CellOutput
import Foundation

/// Compiles and runs the programs of a chapter, and splits their output by cell.
public struct ChapterRunner: Sendable {
    public var compiler: ChapterCompiler
    /// Seconds a program may run; the chapter's own limit applies when this is nil.
    public var timeout: Double?
    /// Parameter values that replace the chapter's defaults, by name.
    public var parameters: [String: String]
    public static let defaultTimeout = 300.0

    public init(compiler: ChapterCompiler, timeout: Double? = nil, parameters: [String: String] = [:]) {
        self.compiler = compiler
        self.timeout = timeout
        self.parameters = parameters
    }

    /// What a chapter is doing, for progress displays: compiling, or running with
    /// the index of the cell that started last.
    public enum Phase: Equatable, Sendable {
        case compiling
        case running(cell: Int?)
    }

    /// Runs every program of the chapter, or, with `lastCell`, only the cells up to
    /// that one.
    public func run(_ lecture: Lecture, upTo lastCell: Int? = nil, phase: @escaping @Sendable (Phase) -> Void = { _ in }) async -> ChapterRun {
        var run = ChapterRun(lecture: lecture)
        for program in programs(lecture, upTo: lastCell) {
            do {
                try await execute(program, into: &run, phase: phase)
            } catch {
                run.diagnostics.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1), "\(error)"))
            }
        }
        return run
    }

    private func programs(_ lecture: Lecture, upTo lastCell: Int?) -> [ChapterProgram] {
        guard let lastCell else { return ChapterProgram.all(for: lecture) }
        var programs = [ChapterProgram(lecture, purpose: .upTo(index: lastCell))]
        if lecture.cells[lastCell].options.fails { programs.append(ChapterProgram(lecture, purpose: .failing(index: lastCell))) }
        return programs
    }

    private func execute(_ program: ChapterProgram, into run: inout ChapterRun, phase: @escaping @Sendable (Phase) -> Void) async throws {
        let lecture = run.lecture
        phase(.compiling)
        let compileStart = Date()
        let outcome = try await compiler.compile(program, name: cacheName(program.purpose, lecture)) { reason in
            run.log.append("\(lecture.path): compiling \(describe(program.purpose)): \(reason)")
        }
        run.compileSeconds += Date().timeIntervalSince(compileStart)

        switch (program.purpose, outcome) {
        case (.failing(let index), .failed(let errors)):
            run.cells[index] = [.text(Self.relativeToCell(errors, lecture, index))]
        case (.failing(let index), .executable):
            run.diagnostics.append(Diagnostic(at: location(of: index, in: lecture), "this cell is marked 'fails' but it compiles"))
        case (_, .failed(let errors)):
            run.diagnostics += Self.compilerDiagnostics(errors, lecture)
        case (let purpose, .executable(let path, _)):
            let trapCell = expectedTrap(purpose, lecture)
            phase(.running(cell: nil))
            let result = try await launch(path, lecture, &run, keepIf: { trapCell == nil ? $0.succeeded : $0.signaled }) { printed in
                phase(.running(cell: ChapterOutput(parsing: printed).lastStartedCell))
            }
            let output = ChapterOutput(parsing: result.standardOutput)
            if case .crashing = purpose {} else {
                run.cells.merge(output.cells) { $1 }
                run.citations = output.citations
            }
            if let trapCell, result.signaled, output.lastStartedCell == trapCell {
                run.cells[trapCell] = (output.cells[trapCell] ?? []) + [.text(Self.relativeToCell(Self.trapMessage(result.standardError), lecture, trapCell))]
            } else if let trapCell, result.succeeded {
                run.diagnostics.append(Diagnostic(at: location(of: trapCell, in: lecture), "this cell is marked 'crashes' but it ran to its end"))
            } else if !result.succeeded {
                run.diagnostics.append(stopped(result, output, lecture))
            }
        }
    }

    /// The cell that must trap when `purpose`'s program runs, if any.
    private func expectedTrap(_ purpose: ChapterProgram.Purpose, _ lecture: Lecture) -> Int? {
        switch purpose {
        case .crashing(let index): index
        case .upTo(let index) where lecture.cells[index].options.crashes: index
        default: nil
        }
    }

    private func cacheName(_ purpose: ChapterProgram.Purpose, _ lecture: Lecture) -> String {
        switch purpose {
        case .main: lecture.id
        case .upTo(let index): "\(lecture.id)-upto\(index)"
        case .failing(let index), .crashing(let index): "\(lecture.id)-cell\(index)"
        }
    }

    /// Runs a compiled program, or reuses its recorded run: a program's output
    /// depends only on the program and its parameters, since the library's random
    /// numbers are seeded. A run is recorded when `keepIf` holds (it behaved as its
    /// cells expect).
    private func launch(_ path: String, _ lecture: Lecture, _ run: inout ChapterRun,
                        keepIf expected: (ChildProcess.Result) -> Bool,
                        watch: @escaping @Sendable (String) -> Void) async throws -> ChildProcess.Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let parameterJSON = parameters.isEmpty ? nil : String(decoding: try encoder.encode(parameters), as: UTF8.self)
        var digest = SHA256()
        digest.update(parameterJSON ?? "")
        let record = path + ".run-\(digest.finalize().prefix(16)).json"
        if let data = FileManager.default.contents(atPath: record),
           let cached = try? JSONDecoder().decode(ChildProcess.Result.self, from: data) {
            return cached
        }
        run.log.append("\(lecture.path): running \(lecture.id): no recorded run of this build\(parameterJSON.map { " with parameters \($0)" } ?? "")")
        var environment = ["SWIFT_BACKTRACE": "enable=no", "LECTURE_FRAMING": "1"]
        environment["LECTURE_PARAMETERS"] = parameterJSON
        let limit = timeout ?? lecture.settings.timeout ?? Self.defaultTimeout
        let result = try await ChildProcess(executable: path, arguments: [], environment: environment, timeout: limit, watch: watch).run()
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
            what = "timed out after \(String(format: "%.1f", result.seconds)) s (raise the limit with --timeout or <!-- lecture timeout=SECONDS -->)"
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
        case .upTo(let index): "the chapter up to cell \(index + 1)"
        case .failing(let index): "cell \(index + 1) (expected to fail)"
        case .crashing(let index): "cell \(index + 1) (expected to trap)"
        }
    }

    /// The compiler's error lines as diagnostics; they already name the lecture's
    /// lines through `#sourceLocation`.
    static func compilerDiagnostics(_ errors: String, _ lecture: Lecture) -> [Diagnostic] {
        errors.split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) {
                let message = parts[3].drop { $0 == " " }
                return Diagnostic(at: SourceLocation(file: String(parts[0]), line: row, column: column),
                                  String(message.hasPrefix("error: ") ? message.dropFirst("error: ".count) : message))
            }
            return Diagnostic(at: SourceLocation(file: lecture.path, line: 1), String(line))
        }
    }

    /// The runtime's fatal-error lines from a trapped program's standard error.
    static func trapMessage(_ standardError: String) -> String {
        standardError.split(separator: "\n")
            .filter { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
            .map { $0 + "\n" }.joined()
    }

    /// A compiler or trap message as a cell records it: a place in the cell's
    /// own code, `cell:LINE:COLUMN:` counted from its first line, in place of
    /// the lecture's path and line, so that the recording depends neither on
    /// the folder the lecture was run from nor on the lines above the cell.
    static func relativeToCell(_ text: String, _ lecture: Lecture, _ index: Int) -> String {
        let cell = lecture.cells[index]
        let lineCount = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for prefix in [lecture.path + ":", "Chapter/" + lecture.fileName + ":", lecture.fileName + ":"] where line.hasPrefix(prefix) {
                let rest = line.dropFirst(prefix.count)
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard let number = Int(digits), number >= cell.fence.firstContentLine, number < cell.fence.firstContentLine + lineCount else { continue }
                return "cell:\(number - cell.fence.firstContentLine + 1)" + rest.dropFirst(digits.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
