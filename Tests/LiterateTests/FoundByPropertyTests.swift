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
}
