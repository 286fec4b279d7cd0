import Foundation
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

    /// A symbolic link in the course folder may lead to another file of the
    /// course, never out of it: the site would copy that file and serve it.
    @Test func aSymbolicLinkOutOfTheCourseFolderIsBroken() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let lectures = root.appendingPathComponent("lectures"), outside = root.appendingPathComponent("outside")
        for folder in [lectures.appendingPathComponent("data"), outside] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("1,2".utf8).write(to: lectures.appendingPathComponent("data/points.csv"))
        try FileManager.default.createSymbolicLink(atPath: lectures.appendingPathComponent("leak.txt").path, withDestinationPath: "../outside/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: lectures.appendingPathComponent("away").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: lectures.appendingPathComponent("points.csv").path, withDestinationPath: "data/points.csv")
        let links = LinkResolver(anchors: [:], courseFolder: lectures.path)
        for url in ["leak.txt", "away/secret.txt"] {
            guard case .broken(let message) = links.resolve(url) else {
                Issue.record("\(url) is served from outside the course folder")
                continue
            }
            #expect(message.contains("a symbolic link to") && message.contains("outside the course folder"), "\(message)")
        }
        #expect(links.resolve("points.csv") == .file(href: "points.csv", path: "points.csv"), "a link within the course is a file of it")
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
