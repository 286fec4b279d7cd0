import ArgumentParser
import CellOutput
import Foundation
import Literate

/// `lecture run`: runs one chapter and shows each cell's output in the terminal.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a chapter and show each cell's output.",
        discussion: """
        Each cell's output follows a header naming its file and line. Charts are
        drawn in the terminal and saved as SVG files whose paths are printed.

        A chapter may declare parameters, `parameter("stepSize", default: 0.1)`;
        `--param stepSize=0.5` runs it with another value. The site and `verify`
        always use the defaults.

        Examples:
          lecture run 1                          run chapter 1
          lecture run 1 --cell 5                 run up to cell 5 and show cell 5
          lecture run 01-artificial --code       also print each cell's code
          lecture run 1 --param stepSize=0.5     change a parameter

        Exit status: 0 ok, 1 when the chapter does not compile or a cell traps, 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions

    @Argument(help: ArgumentHelp("The chapter: a number, an id, a unique id prefix or a path.", valueName: "chapter"))
    var chapter: String

    @Option(name: .long, help: ArgumentHelp("Run up to this cell (1-based) and show only it.", valueName: "n"))
    var cell: Int?

    @Flag(name: .long, help: "Print each cell's code above its output.")
    var code = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter the chapter declares.", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(name: .long, help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    func run() async throws {
        do {
            try await runChapter()
        } catch let failure as Failure {
            throw Failure.exit(failure)
        }
    }

    private func runChapter() async throws {
        guard let path = try course.chapterPaths([chapter]).first else { return }
        let lecture: Lecture
        do { lecture = try Course.load(path) } catch { throw Failure.usage(error.description) }
        let values = try parameterValues(for: lecture)
        if let cell, !(1...max(lecture.cells.count, 1)).contains(cell) || lecture.cells.isEmpty {
            throw Failure.usage("error: \(lecture.path) has \(lecture.cells.count) cells; --cell must be between 1 and \(lecture.cells.count)")
        }
        let terminal = Terminal(noColor: noColor)
        for declaration in lecture.parameters {
            if let value = values[declaration.name] {
                print(terminal.bold("parameter \(declaration.name) = \(value)") + " (the lecture's default: \(declaration.defaultText))")
            }
        }

        let status = StatusLine(lecture: lecture, enabled: terminal.liveStatus)
        let cache = BuildCache()
        let run: ChapterRun
        do {
            let toolchain = try await Toolchain.locate()
            let library = try await RuntimeLibrary.prepare(in: cache, toolchain: toolchain) { printError($0) }
            let runner = ChapterRunner(compiler: ChapterCompiler(cache: cache, toolchain: toolchain, library: library),
                                       timeout: course.timeout, parameters: values)
            run = await runner.run(lecture, upTo: cell.map { $0 - 1 }, phase: status.update)
        } catch {
            status.clear()
            throw Failure.check(error.description)
        }
        status.clear()
        if course.verbose { run.log.forEach(printError) }

        let shown = cell.map { [lecture.cells[$0 - 1]] } ?? lecture.cells
        let printer = CellPrinter(terminal: terminal, figures: cache.path("figures", lecture.id), showCode: code)
        for cell in shown {
            printer.print(cell, of: lecture, items: run.cells[cell.index])
        }
        run.diagnostics.forEach { printError($0.description) }
        if !run.succeeded { throw ExitCode(1) }
    }

    /// The `--param` values by name; an undeclared name is an error listing the
    /// declared ones.
    private func parameterValues(for lecture: Lecture) throws -> [String: String] {
        var values: [String: String] = [:]
        let declared = lecture.parameters.map(\.name)
        for assignment in parameters {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw Failure.usage("error: --param takes name=value, found '\(assignment)'")
            }
            guard declared.contains(parts[0]) else {
                let list = declared.isEmpty ? "it declares none" : "it declares: " + declared.joined(separator: ", ")
                throw Failure.usage("error: \(lecture.path) has no parameter '\(parts[0])'; \(list)")
            }
            values[parts[0]] = parts[1]
        }
        return values
    }
}
