import Foundation
import LectureTesting
import Testing

/// Bad input gets a clear message naming the file and line, exit status 2, and
/// leaves every file as it was. None of these needs a compiler.
@Suite struct BadInputTests {
    @Test func unknownOption() throws {
        let source = "# T\n\n```swift hide frobnicate\nprint(1)\n```\n"
        let course = try Workspace(["01-t.md": source])
        for command in ["verify", "bless"] {
            let result = try course.lecture(command)
            #expect(result.status == 2)
            #expect(result.standardError.contains("lectures/01-t.md:3:15: error: unknown cell option 'frobnicate'"), "\(result.standardError)")
        }
        #expect(try course.read("01-t.md") == source)
    }

    /// A fence the end of the file closes is a cell, as cmark reads it; bless
    /// closes it before the output it records.
    @Test func aFenceTheEndOfTheFileCloses() throws {
        let course = try Workspace(["01-t.md": "# T\n\n```swift\nprint(1)\n"])
        let result = try course.lecture("bless")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try course.read("01-t.md") == "# T\n\n```swift\nprint(1)\n```\n```output\n1\n```\n")
        #expect(try course.lecture("verify").status == 0)
    }

    @Test func outputFenceWithoutCell() throws {
        let course = try Workspace(["01-t.md": "# T\n\n```output\n1\n```\n"])
        let result = try course.lecture("verify")
        #expect(result.status == 2)
        #expect(result.standardError.contains("lectures/01-t.md:3:1: error: an output fence must directly follow a swift cell"))
    }

    @Test func missingChapter() throws {
        let course = try Workspace(["01-one.md": "# One\n", "02-two.md": "# Two\n"])
        let result = try course.lecture("verify", "7")
        #expect(result.status == 2)
        #expect(result.standardError == "error: no chapter 7 in lectures (chapters: 01-one, 02-two)\n")
        let ambiguous = try course.lecture("verify", "0")
        #expect(ambiguous.status == 2)
        #expect(ambiguous.standardError.contains("'0' names more than one chapter: 01-one, 02-two") ||
                ambiguous.standardError.contains("no chapter 0"))
    }

    @Test func nonUTF8File() throws {
        let course = try Workspace([:])
        var bytes = Array("# T\n\nna\u{EF}ve\n".utf8)
        bytes[bytes.count - 5] = 0xFF
        let path = course.root.appendingPathComponent("lectures/01-t.md")
        try Data(bytes).write(to: path)
        let result = try course.lecture("bless")
        #expect(result.status == 2)
        #expect(result.standardError.contains("lectures/01-t.md:3:3: error: the file is not valid UTF-8"), "\(result.standardError)")
        #expect(try Data(contentsOf: path) == Data(bytes))
    }

    /// A course.json that is no course description says where and why.
    @Test func aWrongCourseJSONIsAnErrorAtItsPlace() throws {
        let chapter = "# A\n\n```swift\nprint(1)\n```\n```output\n1\n```\n"
        let typed = try Workspace(["01-a.md": chapter, "course.json": "{\n  \"title\": \"T\",\n  \"imports\": \"Neural\"\n}\n"])
        let wrongType = try typed.lecture("verify")
        #expect(wrongType.status == 2 && wrongType.standardError.contains("lectures/course.json:3:1: error: \"imports\" must be a list of product names"),
                "\(wrongType.standardError)")
        let broken = try Workspace(["01-a.md": chapter, "course.json": "{\"title\": \"T\",\n  imports: []}\n"])
        let syntax = try broken.lecture("verify")
        #expect(syntax.status == 2 && syntax.standardError.contains("lectures/course.json:2:3: error: course.json is not valid JSON here"),
                "\(syntax.standardError)")
        let titled = try Workspace(["01-a.md": chapter, "course.json": "{\"title\": 5}\n"])
        let badTitle = try titled.lecture("verify")
        #expect(badTitle.status == 2 && badTitle.standardError.contains("lectures/course.json:1:1: error: \"title\" must be text in quotes in the course description"),
                "verify says it too, not only build\n\(badTitle.standardError)")
        let folder = try Workspace(["01-a.md": chapter])
        try FileManager.default.createDirectory(at: folder.url("course.json"), withIntermediateDirectories: true)
        let unreadable = try folder.lecture("verify")
        #expect(unreadable.status == 2 && unreadable.standardError.contains("lectures/course.json:1:1: error: cannot read course.json: it is a folder"),
                "\(unreadable.standardError)")
    }

    @Test func exportingOntoAFileSaysSo() throws {
        let course = try Workspace(["01-a.md": "# A\n\n```swift\nprint(1)\n```\n"])
        try Data("mine".utf8).write(to: course.root.appendingPathComponent("afile"))
        let result = try course.lecture("export", "1", "--out", "afile")
        #expect(result.status == 2 && result.standardError.contains("afile is a file; choose a folder with --out"), "\(result.standardError)")
        #expect(try Data(contentsOf: course.root.appendingPathComponent("afile")) == Data("mine".utf8))
    }

    @Test func badUsageExitsWithTwo() throws {
        let course = try Workspace([:])
        #expect(try course.lecture("verify", "--timeout", "-1").status == 2)
        // Too long to be a time limit at all: refused, not a trap of the tool.
        let long = try course.lecture("verify", "--timeout", "1e21")
        #expect(long.status == 2 && long.standardError.contains("--timeout must be a positive number of seconds, at most a year"),
                "\(long.standardError)")
        #expect(try course.lecture("frobnicate").status == 2)
    }
}
