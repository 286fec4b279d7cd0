import Testing
@testable import Literate

@Suite struct BlesserTests {
    @Test func writesOutputsAndChangesNoOtherByte() throws {
        let source = """
        # T

        Prose {{x: 1}} and {{y}} stay   as written.

        ```swift
        print("a")
        ```
        ```output
        old
        ```

        ```swift hide
        print("b")
        ```

        ```swift silent
        print("c")
        ```

        Trailing prose.

        """
        let lecture = try parse(source)
        let blessed = try blessedText(run(of: lecture, outputs: [0: "a\n", 1: "b\n", 2: "c\n"], citations: [0: "2.5", 1: "0.1234567"]))
        #expect(blessed == """
        # T

        Prose {{x: 2}} and {{y: 0.123457}} stay   as written.

        ```swift
        print("a")
        ```
        ```output
        a
        ```

        ```swift hide
        print("b")
        ```
        ```output
        b
        ```

        ```swift silent
        print("c")
        ```

        Trailing prose.

        """)
    }

    /// A cited number whose value the run did not change keeps the author's
    /// spelling; one that changed is written in the recorded precision, and
    /// so is one that only a Double would take for the same: a zero whose
    /// sign changed, a whole number of more than 15 digits. What is written
    /// is what verify then passes.
    @Test func keepsTheSpellingOfAnUnchangedCitedNumber() throws {
        let lecture = try parse("# T\n\n{{a: 2.5e5}}, {{b: 6.7E5}}, {{c: +3}}, {{d: 4e-05}}, {{e: 2.5e5}}, {{f: -0}}, "
                                + "{{g: -0.000}} and {{h: 12345678901234567}}.\n")
        let values = [0: "251234.5", 1: "670000", 2: "3", 3: "5.3e-05", 4: "260000", 5: "0", 6: "0.0001",
                      7: "12345678901234568.0"]
        let blessed = try blessedText(run(of: lecture, outputs: [:], citations: values))
        #expect(blessed == "# T\n\n{{a: 2.5e5}}, {{b: 6.7E5}}, {{c: +3}}, {{d: 5e-05}}, {{e: 2.6e+05}}, {{f: 0}}, "
                + "{{g: 0.000}} and {{h: 12345678901234568}}.\n")
        #expect(Verifier.check(run(of: try parse(blessed), outputs: [:], citations: values)).isEmpty)
        #expect(Verifier.check(run(of: lecture, outputs: [:], citations: values)).count == 5)
    }

    @Test func blessedSourceVerifies() throws {
        let lecture = try parse("# T\n\n```swift\nprint(1)\n```\n")
        let first = run(of: lecture, outputs: [0: "``` 0.25\n"])
        let blessed = try parse(try blessedText(first))
        #expect(blessed.cells[0].recorded?.text == "``` 0.25\n")
        #expect(Verifier.check(run(of: blessed, outputs: [0: "``` 0.25\n"])).isEmpty)
    }
}

/// The blessed file of `run`, as text.
func blessedText(_ run: ChapterRun) throws -> String {
    String(decoding: try Blesser.blessed(run), as: UTF8.self)
}
