import Foundation
import LectureTesting
import Testing

/// `lecture preview` through the binary, as an author uses it: start it, read
/// a page, save changes to the lecture, wait for the reload event, read again.
@Suite(.serialized)
struct PreviewCommandTests {
    static let first = """
        # First

        Two cells that share a program.

        ```swift
        let base = 6
        print("base is \\(base)")
        ```

        And a second one.

        ```swift
        let doubled = base * 2
        print("doubled is \\(doubled)")
        ```

        A cell that must trap, which compiles as a program of its own with the cells above it.

        ```swift crashes
        print("about to read past the end")
        print([Int]()[base])
        ```

        """

    static let second = """
        # Second

        ```swift
        print("the second chapter runs")
        ```

        """

    /// The 1-based line of `text` that holds `needle`.
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    /// Saves `text` as an editor that writes a new file and renames it over the old one does.
    static func saveByRenaming(_ text: String, as name: String, in course: Workspace) throws {
        let temporary = course.url("." + name + ".swp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, course.url(name).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    @Test func aSaveRerunsTheChapterAndItsOpenPageReloadsWithErrorsShownUntilFixed() throws {
        let course = try Workspace(["01-first.md": Self.first, "02-second.md": Self.second])
        let preview = try PreviewProcess.start(in: course)
        defer { _ = preview.interrupt() }
        let page = try preview.get("/01-first.html")
        #expect(page.status == 200)
        #expect(page.body.contains("base is 6"))
        #expect(page.body.contains("doubled is 12"))
        let events = try preview.listen(from: "01-first.html")
        defer { events.close() }

        // A change of one cell's code, saved in place: the new output is served.
        var seen = events.reloads.count
        try course.write("01-first.md", Self.first.replacingOccurrences(of: "let base = 6", with: "let base = 50"))
        let edited = try #require(events.reload(naming: "01-first.html", after: seen, timeout: 120))
        #expect(!edited.all)
        var body = try preview.get("/01-first.html").body
        #expect(body.contains("base is 50"))
        #expect(body.contains("doubled is 100"))
        #expect(!body.contains("lecture-preview-problems"))

        // A compile error, saved by renaming: the page and the terminal name its line.
        seen = events.reloads.count
        let broken = Self.first.replacingOccurrences(of: "let base = 6", with: "let base: Int = \"six\"")
        try Self.saveByRenaming(broken, as: "01-first.md", in: course)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        let place = "lectures/01-first.md:\(Self.line(of: "let base: Int", in: broken)):"
        let terminal = preview.standardError.split(separator: "\n").first { $0.hasPrefix(place) }
        #expect(terminal?.contains(": error: cannot convert value of type") == true, "stderr: \(preview.standardError)")
        body = try preview.get("/01-first.html").body
        #expect(body.contains("<div id=\"lecture-preview-problems\""))
        #expect(body.contains(place + "17: error: cannot convert value of type"))
        // Both programs that hold the cell report it; the page says it once.
        #expect(body.contains("lecture preview: 1 problem</strong>"))
        // The cell that did not change shows its last good output under the error.
        #expect(body.contains("doubled is 100"))

        // Fixed: the error is gone from the page, and the terminal says so.
        seen = events.reloads.count
        try course.write("01-first.md", Self.first)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        body = try preview.get("/01-first.html").body
        #expect(!body.contains("lecture-preview-problems"))
        #expect(body.contains("base is 6"))
        #expect(preview.standardOutput.contains("lectures/01-first.md: no more problems"))

        // A trap in the second cell: the first cell's new output and the trap, at the cell.
        seen = events.reloads.count
        let trapping = Self.first.replacingOccurrences(of: "let doubled = base * 2", with: "let doubled = [base][base]")
        try course.write("01-first.md", trapping)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        body = try preview.get("/01-first.html").body
        let cell = "lectures/01-first.md:\(Self.line(of: "let doubled", in: trapping) - 1):1: error: cell 2 trapped"
        #expect(body.contains(cell), "\(body.suffix(3000))")
        #expect(preview.standardError.contains(cell))
        #expect(body.contains("base is 6"))

        // A fence option the parser does not know: the last good page stays, with the error over it.
        seen = events.reloads.count
        let unreadable = Self.first.replacingOccurrences(of: "```swift\nlet doubled", with: "```swift hidden\nlet doubled")
        try course.write("01-first.md", unreadable)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        body = try preview.get("/01-first.html").body
        let option = "lectures/01-first.md:\(Self.line(of: "```swift hidden", in: unreadable)):"
        #expect(body.contains("<div id=\"lecture-preview-problems\""))
        #expect(body.components(separatedBy: "<div id=\"lecture-preview-problems\"").last?.contains(option) == true)
        #expect(preview.standardError.contains(option))
        #expect(body.contains("base is 6"))

        // A chapter deleted leaves the navigation, and its page goes.
        seen = events.reloads.count
        #expect(try preview.get("/index.html").body.contains("href=\"02-second.html\""))
        try course.remove("02-second.md")
        #expect(events.reload(naming: "02-second.html", after: seen, timeout: 120) != nil)
        #expect(!(try preview.get("/index.html").body.contains("href=\"02-second.html\"")))
        #expect(!(try preview.get("/01-first.html").body.contains("href=\"02-second.html\"")))
        #expect(try preview.get("/02-second.html").status == 404)
    }

    /// A chapter whose run takes a while shows a save's first cells while the
    /// later ones still run: the edited cell's new output, the cells after it
    /// with their previous output, marked so, and a notice; when the chapter
    /// is done, the page reloads again with everything new.
    @Test func aLongChapterShowsTheEditedCellBeforeItIsDone() throws {
        let slow = """
            # Slow

            ```swift
            let base = 6
            print("base is \\(base)")
            ```

            A cell that takes its time.

            ```swift
            import Foundation
            Thread.sleep(forTimeInterval: 4)
            print("slept; base was \\(base)")
            ```

            """
        let course = try Workspace(["01-slow.md": slow])
        let preview = try PreviewProcess.start(in: course)
        defer { _ = preview.interrupt() }
        #expect(try preview.get("/01-slow.html").body.contains("slept; base was 6"))
        let events = try preview.listen(from: "01-slow.html")
        defer { events.close() }

        var seen = events.reloads.count
        try course.write("01-slow.md", slow.replacingOccurrences(of: "let base = 6", with: "let base = 7"))
        let saved = Date()
        #expect(events.reload(naming: "01-slow.html", after: seen, timeout: 120) != nil)
        let early = try preview.get("/01-slow.html").body
        #expect(Date().timeIntervalSince(saved) < 60)
        #expect(early.contains("base is 7"))
        #expect(early.contains("<div id=\"lecture-preview-running\""))
        #expect(early.contains("The chapter is running: until it is done, the cells marked"))
        #expect(early.contains("<div class=\"cell stale\">"))
        #expect(early.contains("slept; base was 6"), "the running cell shows its previous output")
        #expect(preview.standardOutput.contains("preview: 01-slow: shown while it runs: compile"))

        seen = events.reloads.count
        #expect(events.reload(naming: "01-slow.html", after: seen, timeout: 120) != nil)
        let final = try preview.get("/01-slow.html").body
        #expect(final.contains("base is 7") && final.contains("slept; base was 7"))
        #expect(!final.contains("lecture-preview-running") && !final.contains("cell stale"))

        /// The page after the first reload that follows saving `text`.
        func pageAfterSaving(_ text: String) throws -> String {
            let seen = events.reloads.count
            try course.write("01-slow.md", text)
            #expect(events.reload(naming: "01-slow.html", after: seen, timeout: 120) != nil)
            return try preview.get("/01-slow.html").body
        }

        // Shown early, then saved so that it no longer parses: the page goes
        // back to what it showed before, under the error.
        #expect(try pageAfterSaving(slow.replacingOccurrences(of: "let base = 6", with: "let base = 8")).contains("base is 8"))
        let unreadable = try pageAfterSaving(slow.replacingOccurrences(of: "```swift\nimport Foundation", with: "```swift hidden\nimport Foundation"))
        #expect(unreadable.contains("base is 7") && unreadable.contains("slept; base was 7"), "\(unreadable.suffix(3000))")
        #expect(!unreadable.contains("lecture-preview-running") && !unreadable.contains("cell stale"))
        #expect(unreadable.contains("<div id=\"lecture-preview-problems\""))

        // A compile error, then a fix: the early page shows none of the error
        // of the code that is gone.
        #expect(try pageAfterSaving(slow.replacingOccurrences(of: "let base = 6", with: "let base: Int = \"six\"")).contains("cannot convert value of type"))
        let fixed = try pageAfterSaving(slow.replacingOccurrences(of: "let base = 6", with: "let base = 9"))
        #expect(fixed.contains("base is 9") && fixed.contains("lecture-preview-running"))
        #expect(!fixed.contains("lecture-preview-problems"))
    }

    /// An early page needs the first edited cell in the chapter's main
    /// program (a scope's cells run in a program of their own, after it);
    /// saves in quick succession print no empty status line; and after
    /// Ctrl-C nothing the preview or its compilers made is left in TMPDIR.
    @Test func aScopedEditShowsNoEarlyPageAndNothingIsLeftInTheTemporaryFolder() throws {
        let chapter = """
            # Scoped

            ```swift
            print("main 1")
            ```

            ```swift scope=A
            print("scope 1")
            ```

            ```swift
            import Foundation
            Thread.sleep(forTimeInterval: 2)
            print("slow 1")
            ```

            """
        let course = try Workspace(["01-scoped.md": chapter])
        let temporary = course.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let preview = try PreviewProcess.start(in: course, environment: ["TMPDIR": temporary.path])
        #expect(try preview.get("/01-scoped.html").body.contains("slow 1"))
        let events = try preview.listen(from: "01-scoped.html")
        defer { events.close() }

        let seen = events.reloads.count
        try course.write("01-scoped.md", chapter.replacingOccurrences(of: "scope 1", with: "scope 2").replacingOccurrences(of: "slow 1", with: "slow 2"))
        #expect(events.reload(naming: "01-scoped.html", after: seen, timeout: 120) != nil)
        let page = try preview.get("/01-scoped.html").body
        #expect(page.contains("scope 2") && page.contains("slow 2") && !page.contains("lecture-preview-running"), "\(page.suffix(2000))")

        try course.write("01-scoped.md", chapter.replacingOccurrences(of: "main 1", with: "main 2"))
        Thread.sleep(forTimeInterval: 0.1)
        try course.write("01-scoped.md", chapter.replacingOccurrences(of: "main 1", with: "main 3"))
        let deadline = Date().addingTimeInterval(120)
        var last = ""
        while Date() < deadline {
            last = try preview.get("/01-scoped.html").body
            if last.contains("main 3"), last.contains("slow 1"), !last.contains("lecture-preview-running") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(last.contains("main 3") && !last.contains("lecture-preview-running"))
        #expect(!preview.standardOutput.contains("0 pages changed"), "\(preview.standardOutput)")

        #expect(preview.interrupt() == 128 + SIGINT)
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "left in TMPDIR: \(left)")
    }

    /// A chapter that names a library product that does not exist, then no
    /// longer does: the library is prepared again, and the chapter runs.
    @Test func aChapterThatNamedAMissingProductRunsOnceItNoLongerDoes() throws {
        let course = try Workspace(["01-first.md": Self.first])
        let preview = try PreviewProcess.start(in: course)
        defer { _ = preview.interrupt() }
        let events = try preview.listen(from: "01-first.html")
        defer { events.close() }
        var seen = events.reloads.count
        try course.write("01-first.md", "<!-- lecture imports=NoSuchProduct -->\n" + Self.first)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        #expect(try preview.get("/01-first.html").body.contains("NoSuchProduct"))
        seen = events.reloads.count
        try course.write("01-first.md", Self.first.replacingOccurrences(of: "let base = 6", with: "let base = 60"))
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        let page = try preview.get("/01-first.html").body
        #expect(page.contains("base is 60") && !page.contains("NoSuchProduct"), "\(page.suffix(2000))")
    }

    /// The local addresses of the sockets listening on `port`, from the kernel's
    /// table of TCP sockets (IPv4, hexadecimal: 127.0.0.1 is 0100007F).
    static func listeningAddresses(port: UInt16) -> [String] {
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        let suffix = ":" + String(format: "%04X", port)
        return table.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: " ")
            guard fields.count > 3, fields[1].hasSuffix(suffix), fields[3] == "0A" else { return nil }
            return String(fields[1].dropLast(suffix.count))
        }
    }

    /// A chapter that never ends holds back neither the first version of the
    /// site (published some seconds after the others are done, not at its time
    /// limit) nor the deletion of another chapter; a change of `course.json`'s
    /// imports runs the chapters again, on that save; and a chapter's run that
    /// a save or a deletion made pointless is stopped, not waited for.
    @Test func aHangingChapterHoldsBackNeitherTheSiteNorADeletionNorACourseChange() throws {
        let loop = "# Loop\n\n```swift\nvar i = 0\nwhile true { i &+= 1 }\n```\n"
        let course = try Workspace(["01-first.md": Self.first, "02-second.md": Self.second, "03-loop.md": loop,
                                    "course.json": "{\"title\": \"Hanging\", \"imports\": [\"Neural\"]}\n"])
        let started = Date()
        let preview = try PreviewProcess.start(in: course, timeout: 120)
        defer { _ = preview.interrupt() }
        #expect(Date().timeIntervalSince(started) < 100, "served long before the loop's limit of 300 s")
        #expect(try preview.get("/02-second.html").body.contains("the second chapter runs"))
        let events = try preview.listen(from: "index.html")
        defer { events.close() }

        var seen = events.reloads.count
        try course.remove("02-second.md")
        #expect(events.reload(naming: "02-second.html", after: seen, timeout: 30) != nil, "the deletion is published while the loop runs")
        #expect(!(try preview.get("/index.html").body.contains("href=\"02-second.html\"")))

        seen = events.reloads.count
        let info = try course.read("course.json")
        try course.write("course.json", info.replacingOccurrences(of: "\"Neural\"", with: "\"NoSuchProduct\""))
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 60) != nil)
        let shown = try preview.get("/01-first.html").body
        #expect(shown.contains("no library product") && shown.contains("NoSuchProduct"), "\(shown.suffix(2000))")
        seen = events.reloads.count
        try course.write("course.json", info)
        #expect(events.reload(naming: "01-first.html", after: seen, timeout: 120) != nil)
        #expect(!(try preview.get("/01-first.html").body.contains("NoSuchProduct")))

        // The loop fixed: its run is stopped, and the fix runs at once.
        let lectures = course.root.appendingPathComponent("lectures").resolvingSymlinksInPath().path
        #expect(!Self.processes(workingIn: lectures).isEmpty, "the loop still runs")
        seen = events.reloads.count
        try Self.saveByRenaming("# Loop\n\n```swift\nprint(\"no loop now\")\n```\n", as: "03-loop.md", in: course)
        #expect(events.reload(naming: "03-loop.html", after: seen, timeout: 60) != nil)
        #expect(try preview.get("/03-loop.html").body.contains("no loop now"))
        #expect(Self.processes(workingIn: lectures).isEmpty, "the loop's program was stopped")

        // A looping chapter deleted: its program stops.
        try Self.saveByRenaming(loop, as: "04-loop.md", in: course)
        let deadline = Date().addingTimeInterval(60)
        while Self.processes(workingIn: lectures).isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try course.remove("04-loop.md")
        Thread.sleep(forTimeInterval: 1)
        #expect(Self.processes(workingIn: lectures).isEmpty, "the deleted chapter's program was stopped")
    }

    /// The processes whose working directory is `folder` or inside it.
    static func processes(workingIn folder: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { Int($0) != nil }.filter { id in
            let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(id)/cwd")) ?? ""
            return cwd == folder || cwd.hasPrefix(folder + "/")
        }
    }

    /// An interrupt while a chapter program runs (one that never ends, added
    /// after the start) stops it and removes the site, which its run, ending
    /// as it is killed, must not write again.
    @Test func anInterruptWhileAChapterRunsLeavesNoProgramAndNoSite() throws {
        for _ in 0..<3 {
            let course = try Workspace(["01-second.md": Self.second])
            let preview = try PreviewProcess.start(in: course)
            try Self.saveByRenaming("# Loop\n\n```swift\nvar i = 0\nwhile true { i &+= 1 }\n```\n", as: "02-loop.md", in: course)
            let lectures = course.root.appendingPathComponent("lectures").resolvingSymlinksInPath().path
            let deadline = Date().addingTimeInterval(120)
            while Self.processes(workingIn: lectures).isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            #expect(!Self.processes(workingIn: lectures).isEmpty, "the chapter program runs")
            #expect(preview.interrupt() == 128 + SIGINT)
            #expect(!preview.standardError.contains("trapped"), "a program stopped by the interrupt is no trap: \(preview.standardError)")
            Thread.sleep(forTimeInterval: 0.5)
            #expect(Self.processes(workingIn: lectures).isEmpty, "no chapter program outlives the preview")
            #expect(!FileManager.default.fileExists(atPath: preview.siteFolder), "the site is removed and stays removed")
        }
    }

    @Test func itServesOnlyTheSiteOnTheLoopbackAddressAndAnInterruptRemovesIt() throws {
        let course = try Workspace(["01-first.md": Self.first])
        let preview = try PreviewProcess.start(in: course)
        #expect(FileManager.default.fileExists(atPath: preview.siteFolder + "/01-first.html"))
        #expect(!FileManager.default.fileExists(atPath: course.root.appendingPathComponent("_site").path))
        #expect(try preview.get("/").status == 200)
        for target in ["/../../../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd"] {
            let response = try preview.get(target)
            #expect(response.status == 400, "\(target)")
            #expect(!response.body.contains("root:"))
        }
        #expect(try preview.get("/no-such-page.html").status == 404)
        #expect(try LoopbackHTTP.get("/", port: preview.port, host: "attacker.example:\(preview.port)").status == 403)
        let post = try LoopbackHTTP.get("/", port: preview.port, method: "POST")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
        let head = try LoopbackHTTP.get("/01-first.html", port: preview.port, method: "HEAD")
        let page = try preview.get("/01-first.html")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.utf8.count) && head.headers["content-type"] == page.headers["content-type"])

        #expect(Self.listeningAddresses(port: preview.port) == ["0100007F"])
        let status = preview.interrupt()
        #expect(status == 128 + SIGINT)
        #expect(!FileManager.default.fileExists(atPath: preview.siteFolder))
        #expect((try? LoopbackHTTP.get("/", port: preview.port)) == nil)
    }
}
