import Foundation
import LectureTesting
import Testing

/// The runner through the built binary: state across cells, options, recording and
/// verification, and how failures are reported. These compile real chapters.
@Suite(.serialized) struct RunnerTests {

    @Test func blessThenVerify() throws {
        let course = try Workspace(fixture: "cells")
        let bless = try course.lecture("bless")
        #expect(bless.status == 0, "\(bless.standardError)")
        let text = try course.read("01-cells.md")
        #expect(text.contains("The answer is {{answer: 42}}, and a third is {{third: 0.333333}}."))
        #expect(text.contains("```output\nanswer 42\n```\n"))
        #expect(text.contains("```output\ntotal 0.3333333333333333\n```\n"), "a value from cell 1 is visible in cell 2")
        #expect(!text.contains("```output\nnot recorded"), "a silent cell's output is not recorded")
        #expect(text.contains("```output\ncell:1:18: error: cannot convert value of type 'String' to specified type 'Int'\n```"),
                "a fails cell records the compiler's error at its line and column in the cell")
        #expect(text.contains("```output\nabout to fail\ncell:3: Precondition failed: need two values\n```"),
                "a crashes cell records what it printed and the trap at its line in the cell")
        #expect(text.contains("```output\nstill 43\n```"))
        #expect(text.components(separatedBy: "```output").count == 6)

        let verify = try course.lecture("verify")
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput == "verify: 1 passed, 0 failed\n")

        // The same bless again changes nothing.
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-cells.md") == text)
    }

    @Test func aDriftedNumberFailsVerifyAndNamesIt() throws {
        let course = try Workspace(fixture: "cells")
        #expect(try course.lecture("bless").status == 0)
        let blessed = try course.read("01-cells.md")
        // 0.3333333333333333 changed by 1e-4 relative.
        let drifted = blessed.replacingOccurrences(of: "total 0.3333333333333333", with: "total 0.3333666666666667")
        try course.write("01-cells.md", drifted)
        let verify = try course.lecture("verify")
        #expect(verify.status == 1)
        #expect(verify.standardError.contains("""
        lectures/01-cells.md:19:1: error: a number in the output of cell 2 drifted
            expected 0.3333666666666667, actual 0.3333333333333333, relative error 0.0001 (tolerance 1e-09)
        """), "\(verify.standardError)")
        #expect(verify.standardOutput == "verify: 0 passed, 1 failed\n")
        #expect(try course.read("01-cells.md") == drifted, "verify changes no file")
    }

    @Test func aCompileErrorPointsAtTheMarkdownLineAndColumn() throws {
        let source = "# Broken\n\nProse.\n\n```swift\nlet x = 1\nlet y: String = x\n```\n"
        let course = try Workspace(["01-broken.md": source])
        let verify = try course.lecture("verify")
        #expect(verify.status == 1)
        #expect(verify.standardError.contains("lectures/01-broken.md:7:17: error: cannot convert value of type 'Int' to specified type 'String'"),
                "\(verify.standardError)")
        let bless = try course.lecture("bless")
        #expect(bless.status == 1)
        #expect(try course.read("01-broken.md") == source, "a failed bless leaves the file as it was")
    }

    @Test func anErrorInACellThatSeveralProgramsHoldIsReportedOnce() throws {
        let source = "# Broken\n\n```swift\nlet y: String = 1\n```\n\n```swift crashes\nfatalError(\"stop\")\n```\n"
        let course = try Workspace(["01-broken.md": source])
        let verify = try course.lecture("verify")
        #expect(verify.status == 1)
        let error = "lectures/01-broken.md:4:17: error: cannot convert value of type 'Int' to specified type 'String'"
        #expect(verify.standardError.components(separatedBy: error).count == 2,
                "the main program and the trapping cell's program both hold the cell; the error is printed once: \(verify.standardError)")
    }

    @Test func aTrapPointsAtItsCellWhileOtherChaptersStillRun() throws {
        let trapping = "# Trap\n\n```swift\nprint(\"before\")\n```\n\n```swift\nlet xs = [1, 2, 3]\nprint(\"indexing\")\nprint(xs[5])\n```\n"
        let fine = "# Fine\n\n```swift\nprint(\"fine\")\n```\n"
        let course = try Workspace(["01-trap.md": trapping, "02-fine.md": fine])
        let bless = try course.lecture("bless")
        #expect(bless.status == 1)
        #expect(bless.standardError.contains("lectures/01-trap.md:7:1: error: cell 2 trapped: "), "\(bless.standardError)")
        #expect(bless.standardError.contains("Fatal error: Index out of range\n    output so far:\n      indexing\n"), "\(bless.standardError)")
        #expect(try course.read("01-trap.md") == trapping)
        #expect(try course.read("02-fine.md").contains("```output\nfine\n```"), "the other chapter still ran and was recorded")
    }

    @Test func aChapterThatRunsTooLongIsStopped() throws {
        let slow = "# Slow\n\n```swift\nprint(\"start\")\n```\n\n```swift\nvar n = 0\nwhile n >= 0 { n = (n + 1) % 1000 }\n```\n"
        let course = try Workspace(["01-slow.md": slow])
        let start = Date()
        let verify = try course.lecture("verify", "--timeout", "2")
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(verify.status == 1)
        #expect(verify.standardError.contains("lectures/01-slow.md:7:1: error: cell 2 timed out after 2."), "\(verify.standardError)")
    }

    @Test func aCellMarkedFailsThatCompilesIsAnError() throws {
        let course = try Workspace(["01-x.md": "# X\n\n```swift fails\nlet x = 1\n```\n"])
        let verify = try course.lecture("verify")
        #expect(verify.status == 1)
        #expect(verify.standardError.contains("lectures/01-x.md:3:1: error: this cell is marked 'fails' but it compiles"))
    }
}

@Test func editingOneCellRecompilesOnlyItsChapter() throws {
    let first = "# One\n\n```swift\nprint(\"one\")\n```\n"
    let second = "# Two\n\n```swift\nprint(\"two\")\n```\n"
    let course = try Workspace(["01-one.md": first, "02-two.md": second])
    #expect(try course.lecture("bless").status == 0)
    let warm = try course.lecture("verify", "--verbose")
    #expect(warm.status == 0)
    #expect(!warm.standardError.contains("compiling"), "nothing changed: nothing compiles\n\(warm.standardError)")
    #expect(!warm.standardError.contains("running"), "nothing changed: the recorded runs are reused\n\(warm.standardError)")

    // A value never compiled before, so the content-keyed cache cannot hold it.
    let edit = "print(\"two\", \"\(UUID().uuidString)\")"
    try course.write("02-two.md", try course.read("02-two.md").replacingOccurrences(of: "print(\"two\")", with: edit))
    let edited = try course.lecture("verify", "--verbose")
    #expect(edited.status == 1, "the recorded output no longer matches")
    #expect(edited.standardError.contains("lectures/02-two.md: compiling the chapter: the chapter program changed"), "\(edited.standardError)")
    #expect(!edited.standardError.contains("01-one.md: compiling"), "\(edited.standardError)")
}
