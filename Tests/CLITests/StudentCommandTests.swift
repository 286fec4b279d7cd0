import Foundation
import LectureTesting
import Testing

/// The students' commands through the built binary, compared with golden files.
@Suite(.serialized) struct StudentCommandTests {

    func course() throws -> Workspace {
        try Workspace(fixture: "steps")
    }

    @Test func list() throws {
        let result = try course().lecture("list")
        #expect(result.status == 0)
        golden.expect(result.standardOutput, "list.txt")
    }

    @Test func runShowsEachCellWithItsLine() throws {
        let result = try course().lecture("run", "1", "--code")
        #expect(result.status == 0, "\(result.standardError)")
        golden.expect(result.standardOutput, "run-code.txt")
    }

    @Test func runUpToACell() throws {
        let result = try course().lecture("run", "01-st", "--cell", "2")
        #expect(result.status == 0, "\(result.standardError)")
        golden.expect(result.standardOutput, "run-cell-2.txt")
    }

    @Test func runWithAParameter() throws {
        let result = try course().lecture("run", "1", "--param", "rate=0.125", "--param", "steps=2")
        #expect(result.status == 0, "\(result.standardError)")
        golden.expect(result.standardOutput, "run-param.txt")
    }

    @Test func anUndeclaredParameterIsAnError() throws {
        let result = try course().lecture("run", "1", "--param", "speed=2")
        #expect(result.status == 2)
        #expect(result.standardError == "error: lectures/01-steps.md has no parameter 'speed'; it declares: rate, steps\n")
    }

    /// A value that a default such as `UInt64(7)` cannot take is refused
    /// before anything runs; a program that stops early shows the cells it ran,
    /// not empty ones after them.
    @Test func aValueOfTheWrongTypeIsRefusedBeforeTheRunAndUnreachedCellsAreNotShown() throws {
        let course = try Workspace(["01-p.md": """
            # P

            ```swift
            let seed = parameter("seed", default: UInt64(7))
            let count = parameter("count", default: 2)
            print("seed", seed)
            ```

            ```swift
            print([1, 2][count])
            ```

            ```swift
            print("after")
            ```
            """])
        for value in ["abc", "-1", "1.5", "18446744073709551616"] {
            let refused = try course.lecture("run", "1", "--param", "seed=\(value)")
            #expect(refused.status == 2 && refused.standardOutput.isEmpty, "\(refused.standardOutput)")
            #expect(refused.standardError.contains("lectures/01-p.md:4:12: error: parameter 'seed' is a whole number from 0 (its default is UInt64(7)), and '\(value)' is not one"),
                    "\(refused.standardError)")
        }
        let trapped = try course.lecture("run", "1", "--param", "count=5")
        #expect(trapped.status == 1)
        #expect(trapped.standardOutput.contains("── cell 2") && !trapped.standardOutput.contains("── cell 3"), "\(trapped.standardOutput)")
    }

    @Test func aCellOutOfRangeIsAnError() throws {
        let result = try course().lecture("run", "1", "--cell", "9")
        #expect(result.status == 2)
        #expect(result.standardError == "error: lectures/01-steps.md has 4 cells; --cell must be between 1 and 4\n")
    }

    @Test func verifyAndTheSiteUseTheDefaults() throws {
        let course = try course()
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-steps.md").contains("We take {{steps: 3}} steps of size {{rate: 0.25}}."))
    }

    /// What `swift run` of an exported chapter in `folder` prints (it must succeed).
    static func runExported(_ folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "run", "--quiet", "--scratch-path", LectureBinary.packageRoot + "/.build-lecture/export-test"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return printed
    }

    @Test func anExportedChapterPrintsWhatRunPrints() throws {
        let course = try course()
        let export = try course.lecture("export", "1", "--out", "taken")
        #expect(export.status == 0, "\(export.standardError)")
        let folder = course.root.appendingPathComponent("taken")
        golden.expect(try String(contentsOf: folder.appendingPathComponent("Sources/Chapter/main.swift"), encoding: .utf8), "export-main.swift.txt")

        let printed = try Self.runExported(folder)

        let run = try course.lecture("run", "1")
        let outputs = run.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("── cell") }.map { $0 + "\n" }.joined()
        #expect(printed == outputs)
        #expect(printed.contains("final 0.125"))

        let again = try course.lecture("export", "1", "--out", "taken")
        #expect(again.status == 2, "an existing folder is never overwritten")
    }

    /// Charts, tables and their numbers print in an exported chapter as
    /// `lecture run` prints them: the drawing, then "Figure 1. …".
    @Test func anExportedChapterShowsChartsAndNumbersAsRunDoes() throws {
        let course = try Workspace(["01-shows.md": """
            # Shows

            ```swift
            import Neural
            show(Plot.function(-2...2, points: 20, title: "Square", xLabel: "x", yLabel: "y", name: "x²") { $0 * $0 },
                 caption: "The square.", label: "fig-square")
            show(Matrix([[1, 2], [3, 4]]), caption: "Four numbers")
            show(Plot.function(0...1, points: 5, title: "Line", xLabel: "x", yLabel: "y", name: "x") { $0 })
            ```
            """])
        #expect(try course.lecture("export", "1", "--out", "shows").status == 0)
        let printed = try Self.runExported(course.root.appendingPathComponent("shows"))
        let run = try course.lecture("run", "1")
        let outputs = run.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("── cell") && !$0.hasPrefix("saved ") }.map { $0 + "\n" }.joined()
        #expect(printed == outputs, "export:\n\(printed)\nrun:\n\(outputs)")
        #expect(printed.contains("Figure 1. The square.") && printed.contains("Table 1. Four numbers"), "\(printed)")
        #expect(printed.contains("⠀") || printed.contains("⣀") || printed.contains("●"), "the charts are drawn\n\(printed)")
    }
}

/// What `lecture run 1` prints for a course of the one chapter in `files`,
/// after expecting it to succeed.
private func runTheOnlyChapter(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try Workspace(files).lecture("run", "1")
    #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
    return result.standardOutput
}

@Test func runDrawsChartsInTheTerminal() throws {
    let chapter = """
    # Charts

    ```swift
    show(Plot.function(-2...2, points: 41, title: "Step", xLabel: "z", name: "step(z)", style: .steps) { $0 > 0 ? 1 : 0 })
    ```

    """
    let output = try runTheOnlyChapter(["01-charts.md": chapter])
    #expect(!output.contains("\u{1B}["), "NO_COLOR: no escape sequences")
    let portable = output.replacingOccurrences(of: LectureBinary.packageRoot, with: "<package>")
    golden.expect(portable, "run-chart.txt")
    let saved = LectureBinary.packageRoot + "/.build-lecture/figures/01-charts/cell-1.svg"
    #expect(try String(contentsOfFile: saved, encoding: .utf8).hasPrefix("<svg"))
}

/// A column of numbers with a dash for a missing one stays a column of
/// numbers: right-aligned in the recorded text and marked so on the page.
@Test func aDashInAColumnOfNumbersKeepsItNumeric() throws {
    let chapter = """
    # Table

    ```swift
    show(table: [["a", 1.5, "—"], ["b", "—", "x"], ["c", 22.25, "—"]], header: ["name", "value", "note"])
    ```

    """
    let course = try Workspace(["01-table.md": chapter])
    let result = try course.lecture("bless", "1")
    #expect(result.status == 0, "\(result.standardError)")
    let blessed = try course.read("01-table.md")
    #expect(blessed.contains("name  value  note\na       1.5  —\nb         —  x\nc     22.25  —\n"), "\(blessed)")
    #expect(try course.lecture("build").status == 0)
    let page = course.page("01-table.html")
    #expect(page.components(separatedBy: "class=\"num\"").count - 1 == 4, "the header's and three entries of the value column: \(page)")
}

@Test func numberedFiguresAndTablesInTheTerminalAndOnThePage() throws {
    let chapter = """
    # Numbers

    As @tbl-w lists and @fig-line draws.

    ```swift
    show(Matrix([[1.0, 2.0]]), caption: "The weights", label: "tbl-w")
    show(Plot.function(0...1, points: 3, title: "Line", name: "x") { $0 }, caption: "A line.", label: "fig-line")
    ```

    ```swift
    show(Plot.function(0...1, points: 3, title: "Bad", name: "x") { $0 }, label: "tbl-bad")
    ```

    """
    let course = try Workspace(["01-numbers.md": chapter])
    var result = try course.lecture("run", "1", "--cell", "1")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Table 1. The weights\n[[1. 2.]]\n"), "\(result.standardOutput)")
    #expect(result.standardOutput.contains("Figure 1. A line.\nchart \"Line\": line \"x\" 3 points"), "\(result.standardOutput)")

    result = try course.lecture("bless", "1")
    #expect(result.status == 1)
    #expect(result.standardError.contains("lectures/01-numbers.md:10:1: error: cell 2 trapped"), "the wrong prefix traps at its cell: \(result.standardError)")
    #expect(result.standardError.contains("show: the label 'tbl-bad' should be 'fig-' and then letters, digits, '-' or '_'"), "\(result.standardError)")
    #expect(!(try course.read("01-numbers.md")).contains("```output\nThe weights"), "nothing is blessed while a cell fails")
}

/// A `silent` cell's chart is not shown, so it takes no number.
@Test func aSilentCellsChartTakesNoNumberInTheTerminal() throws {
    let chapter = """
    # Numbers

    ```swift silent
    show(Plot.function(0...1, points: 3, title: "Hidden", name: "x") { $0 }, caption: "Hidden.", label: "fig-hidden")
    ```

    ```swift
    show(Plot.function(0...1, points: 3, title: "Line", name: "x") { $0 }, caption: "A line.", label: "fig-line")
    ```

    """
    let output = try runTheOnlyChapter(["01-numbers.md": chapter])
    #expect(output.contains("Figure 1. A line.\n"), "\(output)")
}

/// A numbered table's title is its caption, as the site writes it ("Table 1. W"),
/// and an empty caption numbers without one ("Figure 1", no point).
@Test func aNumberedTitleAndAnEmptyCaptionInTheTerminal() throws {
    let chapter = """
    # Numbers

    ```swift
    show(Matrix([[1.0, 2.0]]), title: "W", label: "tbl-w")
    show(table: [[1]], header: ["a"], caption: "", label: "tbl-e")
    show(Plot.function(0...1, points: 3, title: "Line", name: "x") { $0 }, caption: "", label: "fig-e")
    ```

    """
    let output = try runTheOnlyChapter(["01-numbers.md": chapter])
    #expect(output.contains("Table 1. W\n[[1. 2.]]\n"), "\(output)")
    #expect(output.contains("Table 2\na\n1\n"), "\(output)")
    #expect(output.contains("Figure 1\nchart \"Line\": line \"x\" 3 points"), "\(output)")
}
