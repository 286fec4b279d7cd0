import Foundation
import LectureTesting
import Testing

/// `bless` never loses a byte of the author's: through the built binary, on the
/// inputs that used to damage lectures.
@Suite(.serialized) struct BlessSafetyTests {
    @Test func cellsInListsAndQuotesGetOutputInTheirContainer() throws {
        let source = "# C\n\n- An item:\n\n  ```swift\n  print(\"in a list\")\n  ```\n\n> A quote:\n>\n> ```swift\n> print(\"in a quote\")\n> print(\"\")\n> print(\"end\")\n> ```\n\nAfter.\n"
        let course = try Workspace(["01-c.md": source])
        let bless = try course.lecture("bless")
        #expect(bless.status == 0, "\(bless.standardError)")
        let blessed = try course.read("01-c.md")
        #expect(blessed.contains("  ```\n  ```output\n  in a list\n  ```\n"), "\(blessed)")
        #expect(blessed.contains("> ```\n> ```output\n> in a quote\n>\n> end\n> ```\n\nAfter.\n"), "\(blessed)")
        #expect(try course.lecture("verify").status == 0)
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-c.md") == blessed, "a second bless changes nothing")
    }

    @Test func lineEndingsAreKept() throws {
        let crlf = "# W\r\n\r\nValue {{x: 0}}.\r\n\r\n```swift\r\nlet x = 41 + 1\r\nprint(x)\r\n```\r\n"
        let course = try Workspace(["01-w.md": crlf, "02-m.md": crlf.replacingOccurrences(of: "\r\n", with: "\r")])
        #expect(try course.lecture("list").status == 0)
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-w.md") == "# W\r\n\r\nValue {{x: 42}}.\r\n\r\n```swift\r\nlet x = 41 + 1\r\nprint(x)\r\n```\r\n```output\r\n42\r\n```\r\n")
        #expect(try course.read("02-m.md") == "# W\r\rValue {{x: 42}}.\r\r```swift\rlet x = 41 + 1\rprint(x)\r```\r```output\r42\r```\r")
        #expect(try course.lecture("verify").status == 0)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndKeepsItsMode() throws {
        let course = try Workspace([:])
        let real = course.root.appendingPathComponent("real.md")
        try Data("# L\n\n```swift\nprint(1)\n```\n".utf8).write(to: real)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
        try FileManager.default.createSymbolicLink(at: course.url("01-l.md"), withDestinationURL: real)
        #expect(try course.lecture("bless").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: course.url("01-l.md").path) == real.path, "still a link")
        #expect(try String(contentsOf: real, encoding: .utf8).hasSuffix("```output\n1\n```\n"), "the file it names was blessed")
        #expect(try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func aReadOnlyLectureIsRefused() throws {
        let source = "# R\n\n```swift\nprint(1)\n```\n"
        let course = try Workspace(["01-r.md": source])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: course.url("01-r.md").path)
        let bless = try course.lecture("bless")
        #expect(bless.status == 1)
        #expect(bless.standardError.contains("lectures/01-r.md:1:1: error: the file is not writable"), "\(bless.standardError)")
        #expect(try course.read("01-r.md") == source)
        #expect(try FileManager.default.attributesOfItem(atPath: course.url("01-r.md").path)[.posixPermissions] as? Int == 0o444)
    }

    @Test func controlCharactersAreRecordedVisibly() throws {
        let course = try Workspace(["01-n.md": "# N\n\n```swift\nprint(\"a\\u{0}b\\u{1B}[31mc\\u{7F}\")\n```\n"])
        #expect(try course.lecture("bless").status == 0)
        #expect(try course.read("01-n.md").contains("```output\na␀b␛[31mc␡\n```"))
        #expect(try course.lecture("verify").status == 0)
    }

    @Test func tooMuchOutputIsAnErrorAtItsCell() throws {
        // 30,000 lines of 50 bytes.
        let source = "# Big\n\n```swift\nfor _ in 0..<30_000 { print(String(repeating: \"x\", count: 49)) }\n```\n"
        let course = try Workspace(["01-big.md": source])
        let bless = try course.lecture("bless")
        #expect(bless.status == 1)
        #expect(bless.standardError.contains("lectures/01-big.md:3:1: error: cell 1 printed 1.5 MB, more than its limit of 1.0 MB"), "\(bless.standardError)")
        #expect(try course.read("01-big.md") == source)
        try course.write("01-big.md", source.replacingOccurrences(of: "```swift\n", with: "```swift silent output-limit=2MB\n"))
        #expect(try course.lecture("verify").status == 0, "a cell may raise its limit")
    }

    @Test func aCitedValueThatCannotBeWrittenIsRefused() throws {
        for value in ["\"two\\nlines\"", "\"a|b\"", "\"x}}y\"", "\"ends}\""] {
            let source = "# V\n\nThe value is {{value: old}}.\n\n```swift\nlet value = \(value)\n```\n"
            let course = try Workspace(["01-v.md": source])
            let bless = try course.lecture("bless")
            #expect(bless.status == 1, "\(value)")
            #expect(bless.standardError.contains("lectures/01-v.md:3:14: error: cannot record the value of 'value'"), "\(bless.standardError)")
            #expect(try course.read("01-v.md") == source)
        }
    }

    @Test func anEditSavedWhileBlessRunsIsKept() throws {
        let source = "# E\n\n```swift\nimport Foundation\nThread.sleep(forTimeInterval: 3)\nprint(\"slept\")\n```\n"
        let course = try Workspace(["01-e.md": source])
        let bless = try LectureBinary.start(["bless", "--rerun"], in: course.root)
        Thread.sleep(forTimeInterval: 2)
        try course.write("01-e.md", source + "\nA sentence the author added.\n")
        bless.process.waitUntilExit()
        let result = try bless.result()
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/01-e.md: warning: the file changed while bless ran; it was left as it is"), "\(result.standardError)")
        #expect(try course.read("01-e.md") == source + "\nA sentence the author added.\n")
    }

    /// `bless` killed at random moments leaves each lecture as it was or fully
    /// blessed, never half-written: 12 kills, each at a moment drawn from a
    /// seeded generator.
    @Test func aKilledBlessLeavesEachLectureWholeOrBlessed() throws {
        var lectures: [String: String] = [:]
        for chapter in 1...4 {
            lectures["0\(chapter)-k.md"] = "# K\(chapter)\n\nValue {{v: 0}}.\n\n```swift\nlet v = \(chapter)\nfor i in 0..<200 { print(i * v) }\n```\n"
        }
        let reference = try Workspace(lectures)
        #expect(try reference.lecture("bless").status == 0)
        let blessed = try lectures.keys.reduce(into: [String: String]()) { $0[$1] = try reference.read($1) }
        var generator = SplitMix(seed: 2026)
        for _ in 0..<12 {
            let course = try Workspace(lectures)
            let bless = try LectureBinary.start(["bless", "--rerun"], in: course.root)
            Thread.sleep(forTimeInterval: Double(generator.next() % 1500) / 1000)
            kill(bless.process.processIdentifier, SIGKILL)
            bless.process.waitUntilExit()
            for (name, original) in lectures {
                let now = try course.read(name)
                #expect(now == original || now == blessed[name], "\(name) is whole")
            }
        }
    }
}

/// A small seeded generator (SplitMix64) for the moments of the kill test.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
