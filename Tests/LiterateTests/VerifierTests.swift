import CellOutput
import Testing
@testable import Literate

/// A run of `lecture` in which cell `i` printed `outputs[i]`.
func run(of lecture: Lecture, outputs: [Int: String], citations: [Int: String] = [:]) -> ChapterRun {
    var run = ChapterRun(lecture: lecture)
    run.cells = outputs.mapValues { [.text($0)] }
    run.citations = citations
    return run
}

@Suite struct VerifierTests {
    let lecture = try! parse("""
    # T

    The loss is {{loss: 0.52699}}.

    ```swift
    print(1)
    ```
    ```output
    loss: [[0.52699227]]
    W grad: [[-3.42057777e-06 -2.01341432e-01]]
    ```

    ```swift tolerance=1e-3
    print(2)
    ```
    ```output
    score 0.5904
    ```
    """)

    @Test func identicalOutputsPass() {
        let outputs = [0: "loss: [[0.52699227]]\nW grad: [[-3.42057777e-06 -2.01341432e-01]]   \n", 1: "score 0.5904\n"]
        #expect(Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.5269922738"])).isEmpty)
    }

    @Test func aNumberDriftedByOneTenThousandthFails() {
        let outputs = [0: "loss: [[0.52704497]]\nW grad: [[-3.42057777e-06 -2.01341432e-01]]\n", 1: "score 0.5904\n"]
        let found = Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.52699"])).map(\.description)
        #expect(found == ["""
        lectures/01-test.md:9:1: error: a number in the output of cell 1 drifted
            expected 0.52699227, actual 0.52704497, relative error 0.0001 (tolerance 1e-09)
        """])
    }

    @Test func theLineOfTheDriftedNumberIsNamed() {
        let outputs = [0: "loss: [[0.52699227]]\nW grad: [[-3.42057777e-06 -2.01341433e-01]]\n", 1: "score 0.5904\n"]
        let found = Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.52699"]))
        #expect(found.map(\.location?.line) == [10])
    }

    @Test func cellToleranceOverridesTheDefault() {
        let outputs = [0: "loss: [[0.52699227]]\nW grad: [[-3.42057777e-06 -2.01341432e-01]]\n", 1: "score 0.5907\n"]
        #expect(Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.52699"])).isEmpty)
        let far = [0: outputs[0]!, 1: "score 0.5934\n"]
        #expect(Verifier.check(run(of: lecture, outputs: far, citations: [0: "0.52699"])).count == 1)
    }

    @Test func changedWordsFail() {
        let outputs = [0: "cost: [[0.52699227]]\nW grad: [[-3.42057777e-06 -2.01341432e-01]]\n", 1: "score 0.5904\n"]
        let found = Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.52699"])).map(\.description)
        #expect(found == ["""
        lectures/01-test.md:9:1: error: the output of cell 1 differs from the recorded output
            expected: loss: [[0.52699227]]
            actual:   cost: [[0.52699227]]
        """])
    }

    @Test func citationsAreComparedAtTheirRecordedPrecision() {
        let outputs = [0: "loss: [[0.52699227]]\nW grad: [[-3.42057777e-06 -2.01341432e-01]]\n", 1: "score 0.5904\n"]
        #expect(Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.526994999"])).isEmpty)
        let found = Verifier.check(run(of: lecture, outputs: outputs, citations: [0: "0.52701"])).map(\.description)
        #expect(found == ["""
        lectures/01-test.md:3:13: error: 'loss' drifted
            expected 0.52699, actual 0.52701, relative error 3.8e-05 (tolerance 1e-09)
        """])
    }

    @Test func aCellWithoutRecordedOutputIsReported() throws {
        let bare = try parse("# T\n\n```swift\nprint(1)\n```\n")
        let found = Verifier.check(run(of: bare, outputs: [0: "1\n"])).map(\.description)
        #expect(found == ["lectures/01-test.md:3:1: error: cell 1 has no recorded output; run 'lecture bless' to record it\n    | 1"])
    }
}

@Suite struct NumericTextTests {
    @Test func numbersAndWords() {
        let text = NumericText("x1 = -3.5e-06, W2: 7.")
        #expect(text.pieces == [
            .literal("x1 = "), .number(RecordedNumber("-3.5e-06")!), .literal(", W2: "),
            .number(RecordedNumber("7")!), .literal("."),
        ])
    }

    @Test func precisionOfARecordedNumber() {
        #expect(RecordedNumber("0.590378")!.lastDigit == 1e-6)
        #expect(abs(RecordedNumber("-3.42057777e-06")!.lastDigit - 1e-14) < 1e-28)
        #expect(RecordedNumber("150")!.lastDigit == 1)
        #expect(RecordedNumber("0.590378")!.formatting(0.5903784) == "0.590378")
        #expect(RecordedNumber("-3.42e-06")!.formatting(-3.42057777e-06) == "-3.42e-06")
        #expect(RecordedNumber("0.000")!.formatting(-0.0001) == "0.000")
    }
}
