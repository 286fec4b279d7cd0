import CellOutput
import Testing
@testable import Site

/// Cells and what their run produced, as each option asks.
@Suite struct CellTests {
    static let table = Display(kind: .table, text: "  x     y\n1.5  -2\n", table: Table(
        title: "Values <a & b>", header: ["name", "x", "y"], rows: [["first", "1.5", "-2"], ["<b>", "10", "3e-5"]],
        numericColumns: [false, true, true]))
    static let chart = Display(kind: .chart, text: "chart: line 3 points",
                               svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\"/></svg>\n")

    /// The run of `cells.md`, as the runner would report it.
    static let outputs: [Int: [OutputItem]] = [
        0: [.text("answer 42\n<script>alert(1)</script>\n")],
        1: [.text("hidden code, shown output\n")],
        2: [.text("not shown\n")],
        4: [.text("cells.md:30:18: error: cannot convert value of type 'String' to specified type 'Int'\n")],
        5: [.text("about to fail\n"), .text("cells.md:35: Precondition failed: need two values\n")],
        6: [.display(table), .text("between\n"), .display(chart)],
    ]

    static func page() throws -> String {
        render(try Fixture.lecture("cells.md"), outputs: outputs, citations: [0: "42", 1: "0.3333333333333333", 2: "7.0"]).html
    }

    @Test func golden() throws {
        goldenFiles.expect(try Self.page(), "cells.html")
    }

    /// The banner of a page's errors names none of their kinds (a cell that did
    /// not compile, a reference that leads nowhere) and counts them.
    @Test func errorsOnAPageAreCountedUnderANeutralTitle() {
        #expect(CellRenderer.problems(["a.md:1:1: error: x"]).contains("<div class=\"error-title\">Error</div><pre>a.md:1:1: error: x</pre>"))
        #expect(CellRenderer.problems(["a.md:1:1: error: x", "a.md:2:1: error: <y>"])
            .contains("<div class=\"error-title\">2 errors</div><pre>a.md:1:1: error: x\na.md:2:1: error: &lt;y&gt;</pre>"))
    }

    /// Cells whose output is an earlier run's (the preview's, while a chapter
    /// runs) say so by a class, and only those.
    @Test func staleCellsAreMarked() throws {
        let html = render(try Fixture.lecture("cells.md"), outputs: Self.outputs, staleCells: [0, 6]).html
        let marked = html.components(separatedBy: "<div class=\"cell stale\">")
        #expect(marked.count == 3)
        #expect(marked[1].components(separatedBy: "<div class=\"cell").first?.contains("answer 42") == true)
        #expect(!(try Self.page()).contains("stale"))
    }

    @Test func printedTextIsEscaped() throws {
        let html = try Self.page()
        #expect(html.contains("<pre class=\"printed\">answer 42\n&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
        #expect(!html.contains("<script>"), "a cell that prints a script shows it as text")
    }

    @Test func recordedOutputFencesAreNotShown() throws {
        let html = try Self.page()
        #expect(!html.contains("language-output"))
        #expect(html.components(separatedBy: "answer 42").count == 2, "the run's output once, not the recorded copy too")
    }

    @Test func hideShowsOutputOnly() throws {
        let html = try Self.page()
        #expect(html.contains("<div class=\"cell\">\n<div class=\"output\">\n<pre class=\"printed\">hidden code, shown output</pre>"))
        #expect(!html.contains("print(<span class=\"s\">&quot;hidden code"))
    }

    @Test func silentShowsCodeOnly() throws {
        let html = try Self.page()
        #expect(html.contains("<span class=\"k\">let</span> third"))
        #expect(!html.contains("<pre class=\"printed\">not shown"))
    }

    @Test func norunIsMarked() throws {
        let html = try Self.page()
        #expect(html.contains("<div class=\"cell norun\">\n<div class=\"cell-badge\">not run</div>\n<pre class=\"code\"><code class=\"language-swift\">this <span class=\"k\">is</span> not"))
    }

    @Test func failsShowsTheCompilerError() throws {
        let html = try Self.page()
        #expect(html.contains("<div class=\"error\" role=\"note\"><div class=\"error-title\">Compiler error</div><pre>cells.md:30:18: error: cannot convert value of type &#39;String&#39; to specified type &#39;Int&#39;</pre></div>"))
    }

    @Test func crashesShowsOutputThenTheTrap() throws {
        let html = try Self.page()
        #expect(html.contains("<pre class=\"printed\">about to fail</pre>\n</div>\n<div class=\"error\" role=\"note\"><div class=\"error-title\">Trapped</div><pre>cells.md:35: Precondition failed: need two values</pre></div>"))
    }

    @Test func tablesAlignNumbersRightAndEscapeCells() {
        let html = DisplayRenderer.html(Self.table)
        #expect(html.contains("<caption>Values &lt;a &amp; b&gt;</caption>"))
        #expect(html.contains("<tr><th>name</th><th class=\"num\">x</th><th class=\"num\">y</th></tr>"))
        #expect(html.contains("<tr><td>&lt;b&gt;</td><td class=\"num\">10</td><td class=\"num\">3e-5</td></tr>"))
    }

    @Test func chartsAreInlineSVG() {
        let html = DisplayRenderer.html(Self.chart)
        #expect(html == "<figure class=\"out chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\"/></svg>\n</figure>\n")
        let diagram = Display(kind: .diagram, text: "diagram", svg: "<svg/>")
        #expect(DisplayRenderer.html(diagram).hasPrefix("<figure class=\"out diagram\">"))
        #expect(DisplayRenderer.html(Display(kind: .chart, text: "<summary>")) == "<pre class=\"printed\">&lt;summary&gt;</pre>\n",
                "a display without its SVG shows its text")
    }

    @Test func citationsShowTheRunsValue() throws {
        let html = try Self.page()
        #expect(html.contains("The answer is <span class=\"cited\" title=\"answer\">42</span>"))
        #expect(html.contains("a third is <span class=\"cited\" title=\"third\">0.333</span>"), "formatted like the recorded value")
        #expect(html.contains("and <span class=\"cited\" title=\"note\">7</span> has no record"))
    }
}
