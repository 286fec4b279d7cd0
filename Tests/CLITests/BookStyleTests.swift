import Foundation
import LectureTesting
import Testing

/// Lessons written as books and proposals are: names declared again in other
/// scopes, fragments, `// Prints` comments, cells that must fail or trap, and
/// exercises that check themselves. Through the built binary.
@Suite(.serialized) struct BookStyleTests {
    static let chapter = "01-collections-and-types.md"

    @Test func aBookStyleChapterVerifies() throws {
        let course = try Workspace(fixture: "swift-book")
        #expect(try course.read(Self.chapter).components(separatedBy: "```swift").count - 1 >= 30, "at least 30 cells")
        let result = try course.lecture("verify")
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aChangedPrintsCommentFailsAtItsLine() throws {
        let course = try Workspace(fixture: "swift-book")
        let text = try course.read(Self.chapter)
        try course.write(Self.chapter, text.replacingOccurrences(of: "// Prints \"7 LECTURE\"", with: "// Prints \"8 LECTURE\""))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "// Prints \"7 LECTURE\"" }! + 1
        let result = try course.lecture("verify")
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/\(Self.chapter):\(line):1: error: the cell printed something else than this comment says"),
                "\(result.standardError)")
    }

    /// What a cell prints after its last `// Prints` comment is on the page:
    /// verify fails until a comment or an output fence says it, and bless
    /// records the cell's output, after which verify passes.
    @Test func outputAfterTheLastPrintsCommentMustBeRecorded() throws {
        let source = "# P\n\n```swift\nprint(\"a\")\n// Prints \"a\"\nprint(\"b\")\nprint()\n```\n\n```swift\nprint(\"c\")\n// Prints \"c\"\nprint()\n```\n"
        let course = try Workspace(["01-p.md": source])
        let unrecorded = try course.lecture("verify")
        #expect(unrecorded.status == 1)
        #expect(unrecorded.standardError.contains("lectures/01-p.md:5:1: error: cell 1 prints more after its last // Prints comment, which nothing records"),
                "\(unrecorded.standardError)")
        #expect(!unrecorded.standardError.contains("cell 2"), "a blank line after the comment says nothing\n\(unrecorded.standardError)")
        #expect(try course.read("01-p.md") == source, "verify changes nothing")

        #expect(try course.lecture("bless").status == 0)
        let blessed = try course.read("01-p.md")
        #expect(blessed == source.replacingOccurrences(of: "print()\n```\n\n", with: "print()\n```\n```output\na\nb\n\n```\n\n"), "\(blessed)")
        let verified = try course.lecture("verify")
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(try course.lecture("bless").status == 0 && course.read("01-p.md") == blessed, "a second bless changes nothing")
    }

    @Test func aLineInsertedAboveAFailsCellKeepsItsRecording() throws {
        let course = try Workspace(fixture: "swift-book")
        let text = try course.read(Self.chapter)
        try course.write(Self.chapter, text.replacingOccurrences(of: "A constant cannot change; the compiler says so:",
                                                                  with: "A new sentence.\n\nA constant cannot change; the compiler says so:"))
        let result = try course.lecture("verify")
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aRedeclarationInTheMainScopeIsReportedFirst() throws {
        let course = try Workspace(["01-r.md": "# R\n\n```swift\nlet count = 1\nprint(count + 1)\n```\n\n```swift\nlet count = \"two\"\n```\n"])
        let result = try course.lecture("verify")
        #expect(result.status == 1)
        let first = try #require(result.standardError.split(separator: "\n").first { $0.contains(": error: ") })
        #expect(first.contains("lectures/01-r.md:9:5: error: invalid redeclaration of 'count'"), "\(result.standardError)")
        #expect(result.standardError.contains("lectures/01-r.md:4:5: note:"), "the note names the first declaration\n\(result.standardError)")
    }

    @Test func anExerciseChecksTheStudentsAnswer() throws {
        let course = try Workspace(fixture: "exercise")
        #expect(try course.lecture("verify").status == 0, "the worked answer passes its check")

        let wrong = try course.lecture("check", "1")
        #expect(wrong.status == 1)
        #expect(wrong.standardOutput.contains("exercise length (lectures/01-vectors.md:9): not yet: the length of (3, 4) is 5"), "\(wrong.standardOutput)")
        #expect(!wrong.standardOutput.contains("squareRoot") && !wrong.standardOutput.contains("5.0"), "the answer is not shown")

        let text = try course.read("01-vectors.md")
        try course.write("01-vectors.md", text.replacingOccurrences(of: "let length = 0.0 // your answer", with: "let length = hypot(values[0], values[1])\nimport Foundation"))
        let right = try course.lecture("check", "1")
        #expect(right.status == 0, "\(right.standardOutput)\(right.standardError)")
        #expect(right.standardOutput.contains("exercise length (lectures/01-vectors.md:9): passes its check"))
        #expect(right.standardOutput.contains("check: 1 of 1 exercise right"))
    }

    /// A failing check is reported at the check cell that ran it, not at the
    /// exercise's first check cell.
    @Test func aFailingCheckIsReportedAtItsOwnCell() throws {
        let course = try Workspace(["01-c.md": "# C\n\n```swift exercise=e\nlet v = 0\n```\n\n```swift solution=e\nlet v = 2\n```\n\n```swift check=e hide\ncheck(v == 2, \"v is 2\")\n```\n\n```swift check=e hide\ncheck(v == 3, \"v is 3\")\n```\n"])
        let result = try course.lecture("verify")
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-c.md:15:1: error: the worked answer of exercise 'e' fails its check: v is 3"), "\(result.standardError)")
        #expect(!result.standardError.contains("01-c.md:11:1"), "\(result.standardError)")
    }

    @Test func theSiteFoldsAnswersAndHidesChecks() throws {
        let course = try Workspace(fixture: "exercise")
        #expect(try course.lecture("build").status == 0)
        let page = course.page("01-vectors.html")
        #expect(page.contains("<details class=\"solution\"><summary>Show a worked answer</summary>"))
        #expect(page.contains("then run <code>lecture check 1</code>"))
        #expect(!page.contains("the length of (3, 4) is 5"), "the checks stay in the lecture")
    }
}
