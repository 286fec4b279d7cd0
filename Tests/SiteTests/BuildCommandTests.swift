import Foundation
import Testing

/// `lecture build` through the built binary, on a small course: these compile
/// and run real chapters.
@Suite(.serialized) struct BuildCommandTests {
    /// A folder with a `lectures/` folder, where the binary runs.
    struct Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("site-build-\(UUID().uuidString)")

        init(_ chapters: [String: String]) throws {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("lectures"), withIntermediateDirectories: true)
            for (name, text) in chapters { try write(name, text) }
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent("lectures/" + name))
        }

        func remove(_ name: String) throws {
            try FileManager.default.removeItem(at: root.appendingPathComponent("lectures/" + name))
        }

        /// Runs `lecture ARGUMENTS` here: exit status, standard output, standard error.
        func lecture(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lecture")
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = root
            process.environment = ProcessInfo.processInfo.environment.merging(["CI": "true"]) { $1 }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
        }

        /// Every file of the site by relative path.
        func site() -> [String: Data] {
            let folder = root.appendingPathComponent("_site").path
            var files: [String: Data] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = FileManager.default.contents(atPath: folder + "/" + path)
                }
            }
            return files
        }

        func page(_ name: String) -> String {
            site()[name].map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    static let first = """
        # First steps

        A chapter whose cells print, with $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and a value of {{answer: 42}}.

        ```swift
        let answer = 6 * 7
        print("hello from the run: \\(answer)")
        print("<script>alert(1)</script>")
        ```

        On to [the second](02-second.md#more).

        """

    static let second = """
        # Second

        ## More

        ```swift
        print("second chapter")
        ```

        """

    @Test func buildsReplacesAndKeepsTheSiteOnFailure() throws {
        let course = try Workspace(["01-first.md": Self.first, "02-second.md": Self.second,
                                    "course.json": #"{"title": "Tiny course"}"#])
        var result = try course.lecture("build")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("build: 2 chapters; open ") && result.out.hasSuffix("/_site/index.html\n"))
        let page = course.page("01-first.html")
        #expect(page.contains("<pre class=\"printed\">hello from the run: 42\n&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
        #expect(page.contains("<span class=\"cited\" title=\"answer\">42</span>"))
        #expect(page.contains("<span class=\"math inline\"><span class=\"katex\">"), "formulas are typeset at build time")
        #expect(page.contains("<annotation encoding=\"application/x-tex\">\\sigma(z) = \\frac{1}{1 + e^{-z}}</annotation>"))
        #expect(page.contains("<a href=\"02-second.html#more\">the second</a>"))
        #expect(course.page("index.html").contains("<h1>Tiny course</h1>"))
        #expect(course.site()["assets/katex/katex.min.js"] != nil && course.site()["search-index.js"] != nil)
        let built = course.site()

        result = try course.lecture("build")
        #expect(result.status == 0)
        #expect(course.site() == built, "two builds of the same sources are byte-identical")

        try course.write("02-second.md", Self.second + "See [nothing](01-first.md#nowhere).\n")
        result = try course.lecture("build")
        #expect(result.status == 2)
        #expect(result.err.contains("lectures/02-second.md:8:5: error: link to '#nowhere', which is not a heading of 01-first.md"), "\(result.err)")
        #expect(course.site() == built, "a failed build leaves the previous site as it was")

        try course.write("02-second.md", Self.second + "```swift\nlet broken: Int = \"no\"\n```\n")
        result = try course.lecture("build")
        #expect(result.status == 1)
        #expect(result.err.contains("lectures/02-second.md:9:19: error: cannot convert"), "\(result.err)")
        #expect(course.site() == built)

        try course.remove("02-second.md")
        try course.write("01-first.md", Self.first.replacingOccurrences(of: "On to [the second](02-second.md#more).", with: "The end."))
        result = try course.lecture("build", "--out", "_site")
        #expect(result.status == 0, "\(result.err)")
        #expect(course.site()["02-second.html"] == nil, "the page of a removed chapter disappears")
        #expect(course.site()["01-first.html"] != nil)
    }

    @Test func refusesAnOutputFolderItDidNotMake() throws {
        let course = try Workspace(["01-first.md": "# One\n\nText.\n"])
        let result = try course.lecture("build", "--out", "lectures")
        #expect(result.status == 2)
        #expect(result.err.contains("will not replace 'lectures'"), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: course.root.appendingPathComponent("lectures/01-first.md").path))
    }
}
