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
        `--param stepSize=0.5` runs it with another value of the same type. The site
        and `verify` always use the defaults.

        Examples:
          lecture run 1                          run chapter 1
          lecture run 1 --cell 5                 run up to cell 5 and show cell 5
          lecture run 01-artificial --code       also print each cell's code
          lecture run 1 --param stepSize=0.5     change a parameter

        Exit status: 0 ok, 1 when the chapter does not compile or a cell traps, 2 for bad usage or input.
        """
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var running: RunOptions

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
        let lecture = try course.load(try course.chapterPaths([chapter])[0])
        let values = try ParameterValues.parse(parameters, for: lecture)
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
        let courseRunner = running.courseRunner(try course.package(), parameters: values, reporter: ProgressReporter(chapters: []))
        let run: ChapterRun
        do {
            let runner = try await courseRunner.prepare(for: [lecture])
            run = await runner.run(lecture, upTo: cell.map { $0 - 1 }, phase: status.update)
        } catch {
            status.clear()
            throw Failure.usage("\(error)")
        }
        status.clear()
        if running.verbose { run.log.forEach(printError) }

        let shown = cell.map { [lecture.cells[$0 - 1]] } ?? lecture.cells
        let printer = CellPrinter(terminal: terminal, figures: courseRunner.cache.path("figures", lecture.id), showCode: code,
                                  numbered: ChapterFigures(lecture, cells: run.cells))
        // A cell that should have run and did not start (the program stopped
        // before it) has nothing to show.
        for cell in shown where run.cells[cell.index] != nil || !cell.options.runs {
            printer.print(cell, of: lecture, items: run.cells[cell.index])
        }
        run.diagnostics.forEach { printError($0.description(in: lecture)) }
        run.usageProblems.forEach { printError($0.description(in: lecture)) }
        if !run.usageProblems.isEmpty { throw Failure.usage("") }
        if !run.succeeded { throw Failure.failed("") }
    }
}

/// The `--param` values of a run, checked against what the chapter declares: an
/// undeclared name, or a value that its default's type cannot read, is a usage
/// error before anything runs.
enum ParameterValues {
    static func parse(_ assignments: [String], for lecture: Lecture) throws(Failure) -> [String: String] {
        var values: [String: String] = [:]
        let declared = lecture.parameters.map(\.name)
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .usage("error: --param takes name=value, found '\(assignment)'")
            }
            guard let declaration = lecture.parameters.first(where: { $0.name == parts[0] }) else {
                let list = declared.isEmpty ? "it declares none" : "it declares: " + declared.joined(separator: ", ")
                throw .usage("error: \(lecture.path) has no parameter '\(parts[0])'; \(list)")
            }
            if let type = declaration.valueType, !type.reads(parts[1]) {
                throw .usage("\(declaration.location.file):\(declaration.location.line):\(declaration.location.column): error: parameter '\(parts[0])' is a \(type.rawValue) (its default is \(declaration.defaultText)), and '\(parts[1])' is not one")
            }
            values[parts[0]] = parts[1]
        }
        return values
    }
}
