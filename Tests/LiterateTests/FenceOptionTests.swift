import Testing
@testable import Literate

/// Parses a lecture from text, as if it were the file `lectures/01-test.md`.
func parse(_ text: String) throws(Diagnostics) -> Lecture {
    try LectureParser.parse(Array(text.utf8), path: "lectures/01-test.md")
}

/// The diagnostics that parsing `text` gives (none when it parses).
func problems(_ text: String) -> [String] {
    do {
        _ = try parse(text)
        return []
    } catch {
        return error.all.map(\.description)
    }
}

@Suite struct FenceOptionTests {
    @Test func eachOptionIsRead() throws {
        let lecture = try parse("""
        # T

        ```swift hide
        ```

        ```swift silent tolerance=1e-4
        ```

        ```swift norun
        ```

        ```swift fails
        ```

        ```swift crashes
        ```

        """)
        let options = lecture.cells.map(\.options)
        #expect(options.count == 5)
        #expect(options[0].hide && !options[0].silent)
        #expect(options[1].silent && options[1].tolerance == 1e-4)
        #expect(options[2].norun && !options[2].runs && !options[2].recordsOutput)
        #expect(options[3].fails && !options[3].runs)
        #expect(options[4].crashes && options[4].recordsOutput)
    }

    @Test func unknownOptionIsAnErrorAtItsColumn() {
        #expect(problems("# T\n\n```swift hide  colour\n```\n") ==
            ["lectures/01-test.md:3:16: error: unknown cell option 'colour' (options: hide, silent, norun, fails, crashes, typecheck, tolerance, scope, isolated, exercise, solution, check, output-limit)"])
    }

    @Test func misspeltOptionGetsASuggestion() {
        #expect(problems("# T\n\n```swift slient\n```\n") ==
            ["lectures/01-test.md:3:10: error: unknown cell option 'slient'; did you mean 'silent'? (options: hide, silent, norun, fails, crashes, typecheck, tolerance, scope, isolated, exercise, solution, check, output-limit)"])
    }

    @Test func contradictionIsAnError() {
        #expect(problems("# T\n\n```swift fails crashes\n```\n") ==
            ["lectures/01-test.md:3:16: error: cell options 'fails' and 'crashes' contradict each other"])
    }

    @Test func badToleranceIsAnError() {
        #expect(problems("# T\n\n```swift tolerance=abc\n```\n") ==
            ["lectures/01-test.md:3:10: error: tolerance must be a non-negative number, found 'abc'"])
        #expect(problems("# T\n\n```swift tolerance\n```\n") ==
            ["lectures/01-test.md:3:10: error: tolerance needs a value, as in 'tolerance=1e-6'"])
    }

    @Test func otherFencesAreProse() throws {
        let lecture = try parse("# T\n\n```python\nprint(1)\n```\n\n```\nplain\n```\n")
        #expect(lecture.cells.isEmpty)
    }
}

/// The names that tie an exercise's cells together.
@Suite struct ExerciseNameTests {
    @Test func anExerciseIsDeclaredOnceAndItsAnswerAndChecksBelongToIt() {
        #expect(problems("# T\n\n```swift exercise=e\nlet v = 0\n```\n\n```swift exercise=e\nlet w = 0\n```\n") ==
            ["lectures/01-test.md:7:1: error: a second exercise named 'e' (the first is at line 3); give each exercise a name of its own"])
        #expect(problems("# T\n\n```swift exercise=e\nlet v = 0\n```\n\n```swift solution=e\nlet v = 1\n```\n\n```swift solution=e\nlet v = 2\n```\n") ==
            ["lectures/01-test.md:11:1: error: a second worked answer of exercise 'e' (the first is at line 7); keep one"])
        #expect(problems("# T\n\n```swift exercise=e\nlet v = 0\n```\n\n```swift solution=f\nlet v = 1\n```\n\n```swift check=g hide\ncheck(true, \"\")\n```\n") == [
            "lectures/01-test.md:7:1: error: a worked answer of exercise 'f', which no cell declares with exercise=f (the exercises: e)",
            "lectures/01-test.md:11:1: error: a check of exercise 'g', which no cell declares with exercise=g (the exercises: e)",
        ])
        // Several checks of one exercise, and its answer before it, are fine.
        #expect(problems("# T\n\n```swift solution=e\nlet v = 1\n```\n\n```swift exercise=e\nlet v = 0\n```\n\n```swift check=e hide\ncheck(v == 1, \"\")\n```\n\n```swift check=e hide\ncheck(v > 0, \"\")\n```\n").isEmpty)
    }
}

/// What a cell's fence may not say.
@Suite struct FenceMistakeTests {
    @Test func anOptionGivenTwiceIsAnErrorAtTheSecond() {
        #expect(problems("# T\n\n```swift tolerance=1e-6 tolerance=10\nprint(1.5)\n```\n") ==
            ["lectures/01-test.md:3:25: error: cell option 'tolerance' is given twice; keep one"])
        #expect(problems("# T\n\n```swift hide hide\nprint(1)\n```\n") ==
            ["lectures/01-test.md:3:15: error: cell option 'hide' is given twice; keep one"])
    }

    @Test func anOutputFenceOfACellThatRecordsNoneNamesWhatTheCellIs() {
        #expect(problems("# T\n\n```swift typecheck\nlet x = 1\n```\n```output\n1\n```\n") ==
            ["lectures/01-test.md:6:1: error: a typecheck cell records no output; remove this output fence"])
    }

    @Test func aCellWithUnreadableOptionsIsReportedOnceNotAgainAtItsOutput() {
        #expect(problems("# T\n\n```swift colour\nprint(1)\n```\n```output\n1\n```\n").count == 1)
    }

    @Test func aPrintsCommentInACellThatNeverRunsIsAnError() {
        for kind in ["norun", "fails", "typecheck"] {
            #expect(problems("# T\n\n```swift \(kind)\nprint(2)\n// Prints \"2\"\n```\n") ==
                ["lectures/01-test.md:5:1: error: a \(kind) cell never runs, so nothing checks what this // Prints comment says; remove it, or let the cell run"])
        }
    }
}
