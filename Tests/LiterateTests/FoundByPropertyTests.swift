import CellOutput
import Testing
@testable import Literate

/// Lectures and runs on which the property tests of reading and blessing
/// found the parser or bless wrong, each reduced to its core.
@Suite struct FoundByPropertyTests {
    @Test func nestingTooDeepIsAnErrorAtTheFirstNodeTooDeep() {
        // A thousand block quotes in a row used to exhaust the stack.
        let quotes = "# T\n\n" + String(repeating: "> ", count: 1000) + "x\n"
        #expect(problems(quotes) == ["lectures/01-test.md:3:199: error: blocks and inline markup nest more than 100 deep here; a lecture cannot be read so deep"])
        let lists = "# T\n\n" + String(repeating: "- ", count: 1000) + "x\n"
        #expect(problems(lists).count == 1)
        // The document, 97 quotes, the paragraph and its text: 100 levels.
        #expect(problems("# T\n\n" + String(repeating: "> ", count: 97) + "x\n") == [])
        #expect(problems("# T\n\n" + String(repeating: "> ", count: 98) + "x\n").count == 1)
    }

    /// A zero-width joiner after the opening braces joins the second brace in
    /// one Character: dropping two Characters used to drop it too, so the
    /// recorded value's bytes, counted from the braces, pointed three bytes
    /// early, where bless would have written the value over the author's text.
    @Test func aCombiningMarkAfterTheBracesKeepsTheValuesBytes() throws {
        let lecture = try parse("# T{{\u{200D}\"s: t\": u}}e\n")
        let citation = try #require(lecture.citations.first)
        #expect(citation.recorded == "u")
        #expect(String(decoding: lecture.text.bytes[citation.valueBytes], as: UTF8.self) == "u")
        #expect(citation.expression == "\u{200D}\"s: t\"")
    }

    /// Finding each of many equal citations on one line used to scan the
    /// whole line and every citation found before it: days for this line.
    @Test(.timeLimit(.minutes(1))) func aLineOfManyCitationsIsReadInLinearTime() throws {
        let count = 20_000
        let prose = "# T\n\n" + String(repeating: "{{x}} ", count: count) + "\n"
        let lecture = try parse(prose)
        #expect(lecture.citations.count == count)
        #expect(lecture.citations.enumerated().allSatisfy { $0.element.byteRange == (5 + 6 * $0.offset)..<(10 + 6 * $0.offset) })
        // One formula holding them all.
        let formula = try parse("# T\n\n$$" + String(repeating: "{{x}} ", count: count) + "$$\n")
        #expect(formula.citations.count == count)
        #expect(formula.citations.last?.location.column == 3 + 6 * (count - 1))
        #expect(formula.citations.allSatisfy { $0.inFormula })
    }

    /// A cell that the end of its block quote or list item closes used to be
    /// taken as closed by a fence on the line that ends the container, so bless
    /// put the output after that line, outside the container, and refused.
    @Test func aCellItsContainerClosesGetsItsFenceAndOutputInsideTheContainer() throws {
        let quoted = try parse("# T\n\n> ```swift\n> print(1)\nafter\n")
        #expect(quoted.cells[0].fence.isClosed == false)
        #expect(quoted.cells[0].fence.closeLine == 4)
        #expect(try blessedText(run(of: quoted, outputs: [0: "1\n"])) == "# T\n\n> ```swift\n> print(1)\n> ```\n> ```output\n> 1\n> ```\nafter\n")
        let listed = try parse("# T\n\n- ```swift\n  print(1)\nafter\n")
        #expect(try blessedText(run(of: listed, outputs: [0: "1\n"])) == "# T\n\n- ```swift\n  print(1)\n  ```\n  ```output\n  1\n  ```\nafter\n")
        // A fence that does close the cell inside its container is still its end.
        let closed = try parse("# T\n\n> ```swift\n> print(1)\n> ```\nafter\n")
        #expect(closed.cells[0].fence.isClosed && closed.cells[0].fence.closeLine == 5)
    }

    /// Bless used to read a cited value as a number whenever `Double` could
    /// (`0x1F`, `1.`), and wrote whole numbers beyond 15 digits through a
    /// `Double`; `verify` then found the value changed.
    @Test func citedTextThatVerifyDoesNotReadAsANumberIsWrittenAsItIs() throws {
        let lecture = try parse("# T\n\nA {{a}}, b {{b}}, c {{c: 42}}, d {{d}}, e {{e}}.\n")
        let values = [0: "0x1F", 1: "1.", 2: "9223372036854775807", 3: "12345678901234567", 4: "1e-400"]
        let blessed = try parse(try blessedText(run(of: lecture, outputs: [:], citations: values)))
        #expect(blessed.citations.map(\.recorded) == ["0x1F", "1.", "9223372036854775807", "12345678901234567", "1e-400"])
        #expect(Verifier.check(run(of: blessed, outputs: [:], citations: values)).isEmpty)
        // Numbers as verify reads them are still written like the recorded one.
        #expect(lecture.citations[2].shown("41.6") == "42")
        #expect(lecture.citations[0].shown("0.1234567") == "0.123457")
    }

    /// Bless writes a negative value that rounds to zero without its sign;
    /// verify used to report that as a change of sign, which blessing again
    /// could not mend.
    @Test func aNegativeValueBlessedAsUnsignedZeroVerifies() throws {
        let lecture = try parse("# T\n\nA {{a: 0.000}} and {{b}}.\n")
        let values = [0: "-0.0001", 1: "-0.0"]
        let blessed = try parse(try blessedText(run(of: lecture, outputs: [:], citations: values)))
        #expect(blessed.citations.map(\.recorded) == ["0.000", "0"])
        #expect(Verifier.check(run(of: blessed, outputs: [:], citations: values)).isEmpty)
        // A sign that shows at the recorded precision still counts.
        #expect(Verifier.check(run(of: blessed, outputs: [:], citations: [0: "-0.001"])).count == 1)
    }

    /// Bless used to open the lines of an output fence with the cell's line as
    /// written before its fence: after a bare `>` the output's first space was
    /// taken for the block quote's, after `>` and a tab only part of the tab
    /// counted, and `>-` lost the list item; it refused these outputs.
    @Test(arguments: ["> ```swift\n> print(1)\n> ```\n", ">```swift\n>print(1)\n>```\n", ">\t```swift\n>\tprint(1)\n>\t```\n",
                      "-\t```swift\n\tprint(1)\n\t```\n", "- a\n\n\t```swift\n\tprint(1)\n\t```\n", ">- ```swift\n", ">>```swift\nprint(1)\n",
                      "1. > ```swift\n   > print(1)\n   > ```\n"])
    func outputFencesInContainersReadBack(cell: String) throws {
        let lecture = try parse("# T\n\n" + cell)
        let output = " one\n\ttwo\n  three\n\nfour \n"
        let blessed = try parse(try blessedText(run(of: lecture, outputs: [0: output])))
        #expect(blessed.cells[0].recorded?.text == output)
    }

    @Test func theContainerPrefixHasSpacesForMarkersAndTabsAndASpaceAfterEachQuote() {
        #expect(CellReader.containerPrefix(before: ArraySlice(">".utf8)) == "> ")
        #expect(CellReader.containerPrefix(before: ArraySlice(">\t".utf8)) == ">   ")
        #expect(CellReader.containerPrefix(before: ArraySlice(">>- ".utf8)) == "> >   ")
        #expect(CellReader.containerPrefix(before: ArraySlice("10)\t".utf8)) == "    ")
        #expect(CellReader.containerPrefix(before: ArraySlice("  > 1. ".utf8)) == "  >    ")
    }

    /// cmark reads a fence of more than 255 backticks as one of 255: an output
    /// holding a run of 300 used to get a fence of 301, which that run closed.
    @Test func anOutputWithARunOf255BackticksGetsATildeFence() throws {
        let lecture = try parse("# T\n\n```swift\nprint(1)\n```\n")
        let long = String(repeating: "`", count: 300) + "\n~~~\n"
        let blessed = try blessedText(run(of: lecture, outputs: [0: long]))
        #expect(blessed == "# T\n\n```swift\nprint(1)\n```\n~~~~output\n" + long + "~~~~\n")
        #expect(try parse(blessed).cells[0].recorded?.text == long)
        // 254 still fit in backticks.
        let fits = String(repeating: "`", count: 254) + "\n"
        #expect(try blessedText(run(of: lecture, outputs: [0: fits])).contains(String(repeating: "`", count: 255) + "output\n"))
        // With runs of both, no fence can hold the output: refused at the cell.
        let neither = String(repeating: "`", count: 255) + "\n" + String(repeating: "~", count: 255) + "\n"
        let refusal = #expect(throws: Diagnostics.self) { try Blesser.blessed(run(of: lecture, outputs: [0: neither])) }
        #expect(refusal?.all.map(\.description) == ["lectures/01-test.md:3:1: error: cannot record the output of cell 1: it holds a run of 255 or more backticks and one of 255 or more tildes, which no fence can hold"])
    }

    /// Each `{{` in a formula used to be scanned to the end of its line for a
    /// `}}`: a formula of many braces took minutes.
    @Test(.timeLimit(.minutes(1))) func aFormulaOfManyBracesIsReadInLinearTime() throws {
        let braces = String(repeating: "{", count: 50_000)
        let lecture = try parse("# T\n\n$$" + braces + "$$ and $$" + braces + "\n{{x}}$$\n")
        #expect(lecture.citations.map(\.expression) == ["x"])
        // A citation still ends at the first `}}` of its line, from the first `{{`.
        #expect(InlineSyntax.citations(inTeX: Array("{{{a}} {{b}}\n{{ {{c}} {{".utf8)) == [0..<6, 7..<12, 13..<21])
    }

    /// cmark-gfm places the lines of a paragraph that a table interrupts at
    /// line 0: their citations used to be errors, "cannot find this
    /// citation's text on its line".
    @Test func citationsInAParagraphThatATableInterruptsAreRead() throws {
        let lecture = try parse("# T\n\nx {{z: 3}} b\nmore {{y}} and $a {{w: 1}}$\n| a | b |\n|---|---|\n")
        #expect(lecture.citations.map { "\($0.location.line):\($0.location.column)" } == ["3:3", "4:6", "4:19"])
        let values = [0: "4", 1: "5", 2: "6"]
        let blessed = try blessedText(run(of: lecture, outputs: [:], citations: values))
        #expect(blessed == "# T\n\nx {{z: 4}} b\nmore {{y: 5}} and $a {{w: 6}}$\n| a | b |\n|---|---|\n")
        // Their errors name their column.
        #expect(problems("# T\n\nx {{: 1}}\n| a |\n|---|\n") == ["lectures/01-test.md:3:3: error: a citation needs a Swift expression, as in {{loss: 0.527}}"])
    }

    /// In a file whose lines end with CR, an output fence (ended by CR) put
    /// before an empty line ended by LF, or taken away from before one, used to
    /// join the CR and that LF into one CR LF: the empty line went.
    @Test func aCRBeforeAnEmptyLineEndedByLFKeepsThatLine() throws {
        let inserted = try parse("# T\r\r```swift\rprint(1)\r```\n\nafter\r")
        #expect(try blessedText(run(of: inserted, outputs: [0: "1\n"])) == "# T\r\r```swift\rprint(1)\r```\n```output\r1\r```\r\n\nafter\r")
        let removed = try parse("# T\r\r```swift\rprint(1)\r```\r```output\rold\r```\n\nafter\r")
        let blessed = try blessedText(run(of: removed, outputs: [0: ""]))
        #expect(blessed == "# T\r\r```swift\rprint(1)\r```\r\n\nafter\r")
        #expect(try parse(blessed).text.lines.count == removed.text.lines.count - 3)
    }
}
