import Foundation
import LectureTesting
import Testing

/// `verify` passes only on output that came from this run of this code on these
/// inputs: each way a chapter could make it pass on stale or wrong output, tried
/// through the built binary. Every lecture file stays byte-identical.
@Suite(.serialized) struct VerifyPromiseTests {
    /// Runs `lecture verify` (or `arguments`) and checks the lectures did not change.
    func verify(_ course: Workspace, _ arguments: String..., unchanged files: [String],
                environment: [String: String] = [:]) throws -> LectureBinary.Result {
        let before = try files.map { try course.bytes($0) }
        let result = try LectureBinary.run(arguments.isEmpty ? ["verify"] : arguments, in: course.root, environment: environment)
        #expect(try files.map { try course.bytes($0) } == before, "the lectures are as they were")
        return result
    }

    @Test func aCellThatExitsStopsVerify() throws {
        let course = try Workspace(["01-exit.md": """
            # Exit

            ```swift
            print("before")
            ```
            ```output
            before
            ```

            ```swift
            import Foundation
            exit(0)
            ```

            ```swift
            print("after")
            ```
            ```output
            after
            ```

            The value is {{1 + 1: 2}}.
            """])
        let result = try verify(course, unchanged: ["01-exit.md"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-exit.md:10:1: error: the program stopped in cell 2 (exit status 0) before the end of the chapter"),
                "\(result.standardError)")
    }

    @Test func printedTextCannotShiftOrForgeCells() throws {
        let forged = #"{"at":0,"event":{"cellStarted":{"index":1}}}"#
        let course = try Workspace(["01-print.md": """
            # Print

            ```swift
            print("no newline", terminator: "")
            print("\\u{1E}\(forged.replacingOccurrences(of: "\"", with: "\\\""))")
            print("carriage\\r")
            ```

            ```swift
            print("second")
            ```
            """])
        #expect(try course.lecture("bless").status == 0)
        let blessed = try course.read("01-print.md")
        #expect(blessed.contains("```output\nno newline␞\(forged)\ncarriage␍\n```"), "\(blessed)")
        #expect(blessed.contains("```output\nsecond\n```"), "the second cell keeps its own output")
        #expect(try verify(course, unchanged: ["01-print.md"]).status == 0)
    }

    @Test func aDisplayCannotBeForgedIntoThePage() throws {
        let course = try Workspace(["01-svg.md": """
            # Forge

            ```swift
            print(#"\\#u{1E}{"display":{"_0":{"kind":"chart","text":"x","svg":"<svg><script>alert(1)</script></svg>"}}}"#)
            ```
            """])
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.lecture("build").status == 0)
        let page = course.page("01-svg.html")
        #expect(!page.contains("<script>alert(1)</script>"), "printed text is text, escaped on the page")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func aDeclaredInputFileIsPartOfTheRun() throws {
        let chapter = """
            # Data

            <!-- lecture inputs=data/*.txt -->

            ```swift
            import Foundation
            print(try! String(contentsOfFile: "data/value.txt", encoding: .utf8))
            ```
            """
        let course = try Workspace(["01-data.md": chapter, "data/value.txt": "first"])
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-data.md").contains("```output\nfirst\n```"))
        try course.write("data/value.txt", "second")
        let result = try verify(course, unchanged: ["01-data.md"])
        #expect(result.status == 1, "the file changed, so the chapter ran again and its output differs")
        #expect(result.standardError.contains("expected: first") && result.standardError.contains("actual:   second"), "\(result.standardError)")

        // The same chapter in another course folder runs there, with its data.
        let other = try Workspace(["01-data.md": try course.read("01-data.md"), "data/value.txt": "other"])
        #expect(try verify(other, unchanged: ["01-data.md"]).status == 1)
    }

    @Test func aConditionalAcrossCellsIsAnError() throws {
        let course = try Workspace(["01-if.md": "# If\n\n```swift\n#if false\nprint(1)\n```\n\n```swift\n#endif\nprint(2)\n```\n"])
        let result = try verify(course, unchanged: ["01-if.md"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("lectures/01-if.md:4:1: error: this #if is not closed by an #endif in its cell"), "\(result.standardError)")
        #expect(result.standardError.contains("lectures/01-if.md:9:1: error: this #endif closes no #if of its cell"))
    }

    @Test func aCrashesCellThatTimesOutIsNotATrap() throws {
        let course = try Workspace(["01-loop.md": "# Loop\n\n```swift crashes\nwhile true {}\n```\n"])
        for _ in 0..<2 {
            let result = try verify(course, "verify", "--timeout", "1", unchanged: ["01-loop.md"])
            #expect(result.status == 1)
            #expect(result.standardError.contains("lectures/01-loop.md:3:1: error: this cell is marked 'crashes' but it ran out of time instead"),
                    "a timeout is not the expected trap, and is not kept for the next run\n\(result.standardError)")
        }
    }

    @Test func anOpenBraceIsReportedAtItsCell() throws {
        let course = try Workspace(["01-brace.md": "# Brace\n\n```swift\nfunc f() {\nprint(1)\n```\n\n```swift\n}\n```\n"])
        let result = try verify(course, unchanged: ["01-brace.md"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-brace.md:6:1: error: cell 1 ends inside a '{', '(' or '[' that it opened"), "\(result.standardError)")
        #expect(!result.standardError.contains("main.swift"), "no temporary path")
    }

    @Test func aCitationsErrorIsAtItsColumn() throws {
        let course = try Workspace(["01-cite.md": "# Cite\n\nHere the value is {{missing: 1}}.\n\n```swift\nlet x = 1\n```\n"])
        let result = try verify(course, unchanged: ["01-cite.md"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-cite.md:3:21: error: cannot find 'missing' in scope"), "\(result.standardError)")
    }

    @Test func aFileNameWithQuotesAndSpacesWorks() throws {
        let name = "01-it's \"odd\" é.md"
        let course = try Workspace([name: "# Odd\n\n```swift fails\nlet x: Int = \"no\"\n```\n\n```swift\nlet y: Int = \"no\"\n```\n"])
        let result = try verify(course, unchanged: [name])
        #expect(result.standardError.contains("lectures/\(name):8:14: error: cannot convert value of type 'String' to specified type 'Int'"),
                "the real path, not an escaped one\n\(result.standardError)")
    }

    @Test func aFailsCellRecordingVerifiesFromAnotherFolder() throws {
        let course = try Workspace(["01-fails.md": "# Fails\n\n```swift fails\nlet x: Int = \"no\"\n```\n"])
        #expect(try course.lecture("bless").status == 0)
        let text = try course.read("01-fails.md")
        #expect(text.contains("```output\ncell:1:14: error: cannot convert value of type 'String' to specified type 'Int'\n```"), "\(text)")
        // Moved one folder down, and a line inserted above the cell: the recording still holds.
        let moved = try Workspace([:])
        try moved.write("part/01-fails.md", text.replacingOccurrences(of: "# Fails\n", with: "# Fails\n\nA new line of prose.\n"))
        let result = try LectureBinary.run(["verify", "lectures/part/01-fails.md"], in: moved.root)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aParameterOfTheWrongTypeIsAUsageError() throws {
        let course = try Workspace(["01-p.md": "# P\n\n```swift\nlet rate = parameter(\"rate\", default: 0.5)\nlet steps = parameter(\"steps\", default: 3)\nprint(rate, steps)\n```\n"])
        let wrong = try course.lecture("run", "1", "--param", "rate=abc")
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("lectures/01-p.md:4:12: error: parameter 'rate' is a number (its default is 0.5), and 'abc' is not one"), "\(wrong.standardError)")
        let fraction = try course.lecture("run", "1", "--param", "steps=2.5")
        #expect(fraction.status == 2, "the program itself rejects what its type cannot read\n\(fraction.standardError)")
        #expect(fraction.standardError.contains("parameter 'steps' is a Int, and '2.5' is not one"))
    }

    @Test func citationsInCodeAndCommentsAreNotRun() throws {
        let course = try Workspace(["01-c.md": "# C\n\nIn code `{{nope}}`, and <!-- {{neither}} --> a comment, and \\{{escaped}}.\n\n```swift\nprint(1)\n```\n```output\n1\n```\n"])
        let result = try verify(course, unchanged: ["01-c.md"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func rerunRunsAgain() throws {
        let course = try Workspace(["01-r.md": "# R\n\n```swift\nprint(1)\n```\n```output\n1\n```\n"])
        #expect(try course.lecture("verify").status == 0)
        let again = try course.lecture("verify", "--verbose")
        #expect(!again.standardError.contains("running the chapter"))
        let forced = try course.lecture("verify", "--rerun", "--verbose")
        #expect(forced.status == 0)
        #expect(forced.standardError.contains("lectures/01-r.md: running the chapter: --rerun"), "\(forced.standardError)")
    }

    /// A run is kept under the key of everything its program can read from
    /// its environment: a variable it is given (the time zone here) runs it
    /// again when it changes, and one of the tool's others never reaches it,
    /// so no recorded run can depend on a variable its key leaves out.
    @Test func aRecordedRunIsNotReusedInAnotherEnvironment() throws {
        let course = try Workspace(["01-e.md": """
            # E

            ```swift
            import Foundation
            let environment = ProcessInfo.processInfo.environment
            print(environment["TZ"] ?? "no TZ", environment["LECTURE_TEST_GREETING"] ?? "no greeting")
            ```
            ```output
            Europe/Paris no greeting
            ```
            """])
        let paris = try verify(course, "verify", "--verbose", unchanged: ["01-e.md"], environment: ["TZ": "Europe/Paris", "LECTURE_TEST_GREETING": "hello"])
        #expect(paris.status == 0, "\(paris.standardError)")
        let tokyo = try verify(course, "verify", "--verbose", unchanged: ["01-e.md"], environment: ["TZ": "Asia/Tokyo", "LECTURE_TEST_GREETING": "hello"])
        #expect(tokyo.status == 1, "\(tokyo.standardError)")
        #expect(tokyo.standardError.contains("running the chapter: no recorded run of this build"), "\(tokyo.standardError)")
        #expect(tokyo.standardError.contains("Asia/Tokyo no greeting"), "\(tokyo.standardError)")
    }

    /// A recording passes only with the very scalars the program printed:
    /// Swift's `==` takes é as one scalar and e + U+0301 as equal, and bless
    /// would write the other.
    @Test func aRecordingInAnotherUnicodeCompositionFails() throws {
        let decomposed = "cafe\u{301} \u{C5}"
        let course = try Workspace(["01-u.md": """
            # U

            ```swift
            let word = "caf\\u{E9} \\u{212B}"
            print(word)
            ```
            ```output
            \(decomposed)
            ```

            The word is {{word: \(decomposed)}}.
            """])
        let result = try verify(course, unchanged: ["01-u.md"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-u.md:8:1: error: the output of cell 1 differs from the recorded output"), "\(result.standardError)")
        #expect(result.standardError.contains("composed of other Unicode scalars"), "\(result.standardError)")
        #expect(result.standardError.contains("lectures/01-u.md:11:13: error: 'word' changed"), "\(result.standardError)")
        #expect(try course.lecture("bless").status == 0)
        let printed = Data("```output\ncaf\u{E9} \u{212B}\n```\n\nThe word is {{word: caf\u{E9} \u{212B}}}.".utf8)
        #expect(try Data(course.bytes("01-u.md")).range(of: printed) != nil, "bless wrote the printed scalars")
        #expect(try course.lecture("verify").status == 0)
    }

    @Test func aDamagedCachedProgramIsBuiltAgain() throws {
        let marker = UUID().uuidString
        let course = try Workspace(["01-d.md": "# D\n\n```swift\nprint(\"\(marker)\")\n```\n```output\n\(marker)\n```\n"])
        #expect(try course.lecture("verify").status == 0)
        let chapters = LectureBinary.packageRoot + "/.build-lecture/chapters"
        let damaged = try FileManager.default.contentsOfDirectory(atPath: chapters).map { chapters + "/" + $0 + "/chapter" }.filter { path in
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self).contains(marker) } ?? false
        }
        #expect(damaged.count == 1)
        for path in damaged { try Data("not a program".utf8).write(to: URL(fileURLWithPath: path)) }
        let result = try course.lecture("verify", "--verbose")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("compiling the chapter: its cached build was damaged"), "\(result.standardError)")
    }
}
