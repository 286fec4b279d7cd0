import Testing
@testable import Literate

/// What a `// Prints` comment says a cell prints, read from the comment's
/// bytes: the two slashes and one space after them are dropped, never more,
/// whatever Unicode joins to them in one character.
@Suite struct PrintsCommentTests {
    static func expected(_ code: String) throws -> [String] {
        let lecture = try parse("# T\n\n```swift\n" + code + "\n```\n")
        return try #require(lecture.cells.first).printsComments.map(\.expected)
    }

    @Test func theOutputLinesAreTheCommentsAfterTheSlashesAndOneSpace() throws {
        #expect(try Self.expected("print(1)\n// Prints:\n// a\n//b\n//  c") == ["a\nb\n c\n"])
        #expect(try Self.expected("print(1) // Prints \"1\"") == ["1\n"])
    }

    /// A combining mark right after the slashes, or after the space, joins
    /// them in one Character: dropping Characters dropped the mark too, or
    /// kept the space.
    @Test func aCombiningMarkAtTheStartOfAnOutputLineIsKept() throws {
        #expect(try Self.expected("print(1)\n// Prints:\n//\u{301}abc\n// \u{301}def") == ["\u{301}abc\n\u{301}def\n"])
        // After the opening quote, the mark joined it: the comment was not
        // read as one at all, and nothing was checked.
        #expect(try Self.expected("print(1) // Prints \"\u{301}x\"") == ["\u{301}x\n"])
        #expect(try Self.expected("print(1) // Prints \"\u{301}[\"a\"]\"") == ["\u{301}[\"a\"]\n"])
    }
}
