import CellOutput
@testable import LecturePreview
import Literate
import Testing

/// A failed run shows the last good output of the cells it did not run.
struct LastGoodTests {
    static func lecture(_ cells: [String], citing: String = "") throws -> Lecture {
        let text = "# Chapter\n\n" + cells.map { "```swift\n\($0)\n```\n\n" }.joined() + citing
        return try LectureParser.parse(Array(text.utf8), path: "lectures/01-chapter.md")
    }

    @Test func unchangedCellsKeepTheirOutputAndChangedOnesShowNone() throws {
        var good = ChapterRun(lecture: try Self.lecture(["let a = 1\nprint(a)", "let b = a + 1\nprint(b)", "print(\"end\")"],
                                                        citing: "Cited: {{b: 2}}.\n"))
        good.cells = [0: [.text("1\n")], 1: [.text("2\n")], 2: [.text("end\n")]]
        good.citations = [0: "2"]

        // The first cell changed and does not compile: nothing ran.
        var failed = ChapterRun(lecture: try Self.lecture(["let a: Int = \"one\"\nprint(a)", "let b = a + 1\nprint(b)", "print(\"end\")"],
                                                          citing: "Cited: {{b: 2}}.\n"))
        failed.diagnostics = [Diagnostic(at: SourceLocation(file: "lectures/01-chapter.md", line: 4, column: 14), "cannot convert")]
        let shown = failed.fillingGaps(from: good)
        #expect(shown.cells[0] == nil)
        #expect(shown.cells[1] == [.text("2\n")])
        #expect(shown.cells[2] == [.text("end\n")])
        #expect(shown.citations == [0: "2"])
        #expect(shown.staleCells == [1, 2])
        #expect(shown.diagnostics == failed.diagnostics)
        #expect(!shown.succeeded)
    }

    @Test func whatRanNowIsKeptAndMovedCellsAreFound() throws {
        var good = ChapterRun(lecture: try Self.lecture(["print(1)", "print(2)", "print(3)"]))
        good.cells = [0: [.text("1\n")], 1: [.text("2\n")], 2: [.text("3\n")]]
        // A new cell first, and the old first cell now traps after printing.
        var failed = ChapterRun(lecture: try Self.lecture(["print(0)", "print(1)", "print(2)", "print(3)"]))
        failed.cells = [0: [.text("0 now\n")], 1: [.text("1 now\n")]]
        let shown = failed.fillingGaps(from: good)
        #expect(shown.cells[0] == [.text("0 now\n")])
        #expect(shown.cells[1] == [.text("1 now\n")])
        #expect(shown.cells[2] == [.text("2\n")])
        #expect(shown.cells[3] == [.text("3\n")])
        #expect(shown.staleCells == [2, 3])
    }
}
