import Literate
import Testing
@testable import Site

/// Links between chapters become links between pages, and are checked.
@Suite struct LinkTests {
    @Test func linksBetweenChaptersAreRewritten() throws {
        let a = try Fixture.lecture("links-a.md"), b = try Fixture.lecture("links-b.md")
        let page = render(a, others: [b])
        #expect(page.diagnostics.isEmpty)
        #expect(page.html.contains("<a href=\"links-b.html\">the second chapter</a>"))
        #expect(page.html.contains("<a href=\"links-b.html#a-heading\">heading</a>"))
        #expect(page.html.contains("<a href=\"#the-chain-rule\">this chapter's rule</a>"))
        #expect(page.html.contains("<a href=\"https://example.org/a.md\">the web</a>"), "links out of the site stay as written")
    }

    @Test func brokenLinksAreErrorsAtTheirLineAndColumn() throws {
        let a = try Fixture.lecture("links-a.md"), b = try Fixture.lecture("links-b.md")
        let page = render(b, others: [a])
        #expect(page.html.contains("<a href=\"links-a.html#the-chain-rule\">the rule</a>"))
        #expect(page.diagnostics.map(\.description) == [
            "lectures/links-b.md:6:25: error: link to 'nowhere.md', which is not a chapter of the course (chapters: links-a.md, links-b.md) nor a file in its folder",
            "lectures/links-b.md:7:18: error: link to '#the-chain-rul', which is not a heading of links-a.md; did you mean '#the-chain-rule'?",
        ])
    }

    @Test func resolution() throws {
        let files: Set<String> = ["lectures/picture.png", "lectures/data/iris.csv", "lectures/notes/extra.md"]
        let links = LinkResolver(anchors: ["01-a": ["top", "x"], "02-b": ["y"]], courseFolder: "lectures", fileExists: files.contains)
        #expect(links.resolve("02-b.md") == .href("02-b.html"))
        #expect(links.resolve("../lectures/02-b.md#y") == .href("02-b.html#y"))
        #expect(links.resolve("#x") == .href("#x"))
        #expect(links.resolve("#nope") == .href("#nope"), "a fragment of the same page is the reader's business, as on GitHub")
        #expect(links.resolve("picture.png") == .file(href: "picture.png", path: "picture.png"))
        #expect(links.resolve("data/iris.csv?raw=1") == .file(href: "data/iris.csv?raw=1", path: "data/iris.csv"))
        #expect(links.resolve("notes/extra.md") == .file(href: "notes/extra.md", path: "notes/extra.md"), "a Markdown file that is not a chapter is a file")
        #expect(links.resolve("mailto:someone@example.org") == .href("mailto:someone@example.org"))
        #expect(links.resolve("//cdn.example.org/x.md") == .href("//cdn.example.org/x.md"))
        guard case .broken = links.resolve("03-c.md") else { Issue.record("a missing chapter"); return }
        guard case .broken = links.resolve("02-b.md#z") else { Issue.record("a missing heading of another chapter"); return }
        guard case .broken = links.resolve("missing.png") else { Issue.record("a missing file"); return }
        guard case .broken = links.resolve("../README.md") else { Issue.record("a file outside the course"); return }
        guard case .broken = links.resolve("/etc/passwd") else { Issue.record("an absolute path"); return }
    }
}
