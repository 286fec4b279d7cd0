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
        #expect(page.html.contains("<a href=\"#the-chain-rule\">this chapter&#39;s rule</a>"))
        #expect(page.html.contains("<a href=\"https://example.org/a.md\">the web</a>"), "links out of the site stay as written")
    }

    @Test func brokenLinksAreErrorsAtTheirLineAndColumn() throws {
        let a = try Fixture.lecture("links-a.md"), b = try Fixture.lecture("links-b.md")
        let page = render(b, others: [a])
        #expect(page.html.contains("<a href=\"links-a.html#the-chain-rule\">the rule</a>"))
        #expect(page.diagnostics.map(\.description) == [
            "lectures/links-b.md:6:25: error: link to 'nowhere.md', which is not a chapter of the course (chapters: links-a.md, links-b.md)",
            "lectures/links-b.md:7:18: error: link to '#the-chain-rul', which is not a heading of links-a.md; did you mean '#the-chain-rule'?",
        ])
    }

    @Test func resolution() {
        let links = LinkResolver(anchors: ["01-a": ["top", "x"], "02-b": ["y"]])
        #expect(links.resolve("02-b.md", in: "01-a") == .href("02-b.html"))
        #expect(links.resolve("../lectures/02-b.md#y", in: "01-a") == .href("02-b.html#y"))
        #expect(links.resolve("#x", in: "01-a") == .href("#x"))
        #expect(links.resolve("picture.png", in: "01-a") == .href("picture.png"))
        #expect(links.resolve("mailto:someone@example.org", in: "01-a") == .href("mailto:someone@example.org"))
        #expect(links.resolve("//cdn.example.org/x.md", in: "01-a") == .href("//cdn.example.org/x.md"))
        guard case .broken = links.resolve("#nope", in: "01-a") else { Issue.record("a missing anchor on the same page"); return }
        guard case .broken = links.resolve("03-c.md", in: "01-a") else { Issue.record("a missing chapter"); return }
    }
}
