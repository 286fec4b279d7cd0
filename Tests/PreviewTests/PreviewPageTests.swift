import Foundation
@testable import LecturePreview
import Testing

/// What the preview adds to the pages it serves, and which pages a version changed.
struct PreviewPageTests {
    let page = Array("<html><body><main>text</main>\n<script>const s = '</body>';</script></body>\n</html>\n".utf8)

    @Test func theScriptAndProblemsGoBeforeTheLastBodyEnd() throws {
        let served = String(decoding: PreviewPage.served(page, problems: ["lectures/01-a.md:7:3: error: <bad> & \"worse\""],
                                                         session: "s1", generation: 4), as: UTF8.self)
        let overlay = try #require(served.range(of: "<div id=\"lecture-preview-problems\""))
        let end = try #require(served.range(of: "</body>\n</html>"))
        #expect(served.hasPrefix("<html><body><main>text</main>\n<script>const s = '</body>';</script>"))
        #expect(overlay.lowerBound < end.lowerBound)
        #expect(served.contains("/_preview/events?session=s1&since=4"))
        #expect(served.contains("lectures/01-a.md:7:3: error: &lt;bad&gt; &amp; &quot;worse&quot;"))
        #expect(served.contains("1 problem</strong>"))
    }

    @Test func aPageWithoutProblemsGetsTheScriptOnly() {
        let served = String(decoding: PreviewPage.served(page, problems: [], session: "s1", generation: 1), as: UTF8.self)
        #expect(!served.contains("lecture-preview-problems"))
        #expect(served.contains("new EventSource("))
        #expect(!served.contains("lecture-preview-running"))
        #expect(served.count == String(decoding: page, as: UTF8.self).count + PreviewPage.staleLook.count
            + PreviewPage.script(session: "s1", generation: 1).count)
    }

    @Test func aChapterThatStillRunsSaysSoAndItsStaleCellsAreMarked() throws {
        let served = String(decoding: PreviewPage.served(page, problems: [], notice: "Running cell 3 of 5 <still>",
                                                         session: "s1", generation: 2), as: UTF8.self)
        let notice = try #require(served.range(of: "<div id=\"lecture-preview-running\" role=\"status\""))
        #expect(notice.lowerBound < served.range(of: "</body>\n</html>")!.lowerBound)
        #expect(served.contains("Running cell 3 of 5 &lt;still&gt;"))
        #expect(served.contains(".cell.stale > .output::before { content: \"output of the previous run\""))
    }

    @Test func aVersionChangesTheFilesThatDifferAndThePagesWhoseProblemsDiffer() {
        let old = PreviewSnapshot(generation: 1, files: ["index.html": [1], "01-a.html": [2], "02-b.html": [3], "search-index.js": [4]],
                                  pageProblems: [:])
        var next = PreviewSnapshot(generation: 2, files: ["index.html": [1], "01-a.html": [2], "search-index.js": [5], "03-c.html": [6]],
                                   pageProblems: ["01-a.html": ["lectures/01-a.md:3:1: error: cell 1 trapped"]])
        // The index page shows every chapter's problems, so it changed too.
        #expect(next.changes(since: old) == ["01-a.html", "index.html", "02-b.html", "search-index.js", "03-c.html"])
        next.pageProblems = [:]
        next.courseProblems = ["the theme is wrong"]
        #expect(next.changes(since: old) == ["01-a.html", "index.html", "02-b.html", "search-index.js", "03-c.html"])
        #expect(old.changes(since: old).isEmpty)
        var noticed = old
        noticed.pageNotices = ["02-b.html": "Running cell 2 of 3"]
        #expect(noticed.changes(since: old) == ["02-b.html"])
        #expect(old.changes(since: noticed) == ["02-b.html"])
    }
}
