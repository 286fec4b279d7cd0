import Testing
@testable import Literate

@Suite struct LectureParserTests {
    @Test func titleCellsAndRecordedOutputs() throws {
        let lecture = try parse("""
        # The artificial neuron

        Some prose.

        ```swift
        let x = 1
        print(x)
        ```
        ```output
        1
        ```

        ```swift
        print(x + 1)
        ```

        """)
        #expect(lecture.title == "The artificial neuron")
        #expect(lecture.id == "01-test")
        #expect(lecture.number == 1)
        #expect(lecture.cells.count == 2)
        #expect(lecture.cells[0].code == "let x = 1\nprint(x)\n")
        #expect(lecture.cells[0].fence == FenceSpan(openLine: 5, closeLine: 8, column: 1))
        #expect(lecture.cells[0].recorded?.text == "1\n")
        #expect(lecture.cells[0].recorded?.fence.firstContentLine == 10)
        #expect(lecture.cells[1].recorded == nil)
    }

    @Test func aFenceTheEndOfTheFileClosesIsACell() throws {
        let lecture = try parse("# T\n\n```swift\nlet x = 1\n")
        #expect(lecture.cells.map(\.code) == ["let x = 1\n"])
        #expect(lecture.cells[0].fence == FenceSpan(openLine: 3, closeLine: 4, column: 1, isClosed: false))
    }

    @Test func outputFenceWithoutACellIsAnError() {
        #expect(problems("# T\n\nProse.\n\n```output\n1\n```\n") ==
            ["lectures/01-test.md:5:1: error: an output fence must directly follow a swift cell"])
        #expect(problems("# T\n\n```swift\nprint(1)\n```\n\nProse between.\n\n```output\n1\n```\n") ==
            ["lectures/01-test.md:9:1: error: an output fence must directly follow a swift cell"])
    }

    @Test func outputOfANorunCellIsAnError() {
        #expect(problems("# T\n\n```swift norun\nx\n```\n```output\n1\n```\n") ==
            ["lectures/01-test.md:6:1: error: a norun cell records no output; remove this output fence"])
    }

    @Test func missingTitleIsAnError() {
        #expect(problems("Just prose.\n") ==
            ["lectures/01-test.md:1:1: error: a lecture needs a title: a first-level heading such as '# The artificial neuron'"])
    }

    @Test func nonUTF8IsAnErrorAtTheByte() {
        var bytes = Array("# T\n\nCaf".utf8)
        bytes.append(0xE9)
        bytes += Array(" au lait\n".utf8)
        #expect(throws: Diagnostics.self) { try LectureParser.parse(bytes, path: "x.md") }
        do {
            _ = try LectureParser.parse(bytes, path: "x.md")
        } catch {
            #expect(error.description == "x.md:3:4: error: the file is not valid UTF-8 (byte 0xE9 at byte offset 8); save it as UTF-8")
        }
    }

    @Test func severalProblemsAreAllReported() {
        #expect(problems("# T\n\n```swift hdie\n```\n\nText.\n\n```output\n```\n").count == 2)
    }

    @Test func citations() throws {
        let lecture = try parse("""
        # T

        The loss is {{loss: 0.52699}} and the first weight {{W[0, 1]}}; `{{not: a citation}}`.

        ```swift
        let loss = 0.5269922
        ```
        """)
        #expect(lecture.citations.map(\.expression) == ["loss", "W[0, 1]"])
        #expect(lecture.citations.map(\.recorded) == ["0.52699", nil])
        #expect(lecture.citations[0].location == SourceLocation(file: "lectures/01-test.md", line: 3, column: 13))
        let range = lecture.citations[0].byteRange
        let text = String(decoding: Array(lecture.source.utf8)[range], as: UTF8.self)
        #expect(text == "{{loss: 0.52699}}")
    }

    @Test func unclosedCitationIsAnError() {
        #expect(problems("# T\n\nValue {{x: 1.\n") ==
            ["lectures/01-test.md:3:7: error: a citation '{{' is not closed by '}}' on the same line (write '\\{{' for two braces)"])
    }

    @Test func chapterTimeout() throws {
        #expect(try parse("# T\n\n<!-- lecture timeout=600 -->\n").settings.timeout == 600)
        #expect(try parse("# T\n").settings.timeout == nil)
    }
}

@Test func badChapterSettingIsAnError() {
    for value in ["soon", "0", "-5", "inf", "nan", "1e21", "31536001"] {
        #expect(problems("# T\n\n<!-- lecture timeout=\(value) -->\n") ==
            ["lectures/01-test.md:3:1: error: timeout needs a positive number of seconds, at most a year (31536000), as in 'timeout=600', found 'timeout=\(value)'"])
    }
    #expect(problems("# T\n\n<!-- lecture timeout=31536000 -->\n").isEmpty)
}

@Test func anOutputLimitBeyondAGigabyteIsAnErrorAtItsColumn() {
    for value in ["1e30MB", "9223372036854775807", "1000000001", "1001MB"] {
        #expect(problems("# T\n\n```swift output-limit=\(value)\nprint(1)\n```\n") ==
            ["lectures/01-test.md:3:10: error: output-limit must be a size up to 1GB, such as '2MB', '500KB' or '100000', found '\(value)'"])
    }
    #expect(problems("# T\n\n```swift output-limit=1000MB\nprint(1)\n```\n").isEmpty)
}
