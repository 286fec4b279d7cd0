import CellOutput
import Foundation
import Literate
import Testing
@testable import Site

/// A whole site from made-up runs, with the package's theme.
@Suite struct SiteBuilderTests {
    static func runs() throws -> [ChapterRun] {
        var cells = ChapterRun(lecture: try Fixture.parse(try Fixture.source("cells.md"), path: "lectures/02-cells.md"))
        cells.cells = CellTests.outputs
        cells.citations = [0: "42", 1: "0.3333333333333333", 2: "7.0"]
        let math = ChapterRun(lecture: try Fixture.parse(try Fixture.source("math.md"), path: "lectures/01-math.md"))
        let prose = ChapterRun(lecture: try Fixture.parse(try Fixture.source("prose.md"), path: "lectures/03-prose.md"))
        return [math, cells, prose]
    }

    static func build() throws -> SiteFiles {
        let builder = SiteBuilder(course: CourseInfo(title: "A <small> course", description: "About & around."),
                                  theme: try Theme(folder: Fixture.themeFolder), katex: try Fixture.katex())
        return try builder.build(try runs(), courseFolder: Fixture.folder.path)
    }

    @Test func files() throws {
        let site = try Self.build()
        #expect(site.paths == [
            ".lecture-site", "01-math.html", "02-cells.html", "03-prose.html", "404.html", "assets/dark.css",
            "assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/katex/katex.min.css", "assets/katex/katex.min.js",
            "assets/search.js", "assets/site.js", "assets/style.css", "figure.png", "index.html", "search-index.js",
        ])
    }

    @Test func chapterPageGolden() throws {
        goldenFiles.expect(try #require(try Self.build()["02-cells.html"]), "page-02-cells.html")
    }

    @Test func indexPageGolden() throws {
        goldenFiles.expect(try #require(try Self.build()["index.html"]), "page-index.html")
    }

    @Test func navigation() throws {
        let site = try Self.build()
        let page = try #require(site["02-cells.html"])
        #expect(page.contains("<a class=\"previous\" rel=\"prev\" href=\"01-math.html\" aria-keyshortcuts=\"ArrowLeft\">"))
        #expect(page.contains("<a class=\"next\" rel=\"next\" href=\"03-prose.html\" aria-keyshortcuts=\"ArrowRight\">"))
        #expect(page.contains("<li class=\"current\"><a href=\"02-cells.html\" aria-current=\"page\"><span class=\"number\">2</span><span class=\"chapter-title\">Cells</span></a>"))
        let first = try #require(site["01-math.html"])
        #expect(!first.contains("rel=\"prev\""))
        let prose = try #require(site["03-prose.html"])
        #expect(prose.contains("<li><a href=\"#lists\">Lists</a></li>\n<li><a href=\"#lists-1\">Lists</a></li>"), "the sidebar lists the chapter's headings")
        #expect(prose.contains("<title>Prose and its extensions · A &lt;small&gt; course</title>"))
        #expect(prose.contains("<nav class=\"on-this-page\" aria-labelledby=\"OnThisPageTitle\">"), "'On this page' beside the text")
        #expect(prose.contains("<ol>\n<li><a href=\"#lists\">Lists</a></li>\n<li><a href=\"#lists-1\">Lists</a></li>"))
        #expect(!prose.contains("view-source"), "no source link without a repository")
    }

    @Test func notFoundPageAndSourceLinks() throws {
        let course = CourseInfo(title: "Nets", repository: "https://example.org/nets/blob/main/lectures")
        let builder = SiteBuilder(course: course, theme: try Theme(folder: Fixture.themeFolder), katex: try Fixture.katex())
        let site = try builder.build(try Self.runs(), courseFolder: Fixture.folder.path)
        let cells = try #require(site["02-cells.html"])
        #expect(cells.contains("<p class=\"view-source\"><a href=\"https://example.org/nets/blob/main/lectures/02-cells.md\">View the source of this page</a></p>"))
        let missing = try #require(site["404.html"])
        #expect(missing.contains("<title>No page here · Nets</title>"))
        #expect(missing.contains("<li><a href=\"02-cells.html\"><span class=\"number\">2</span><span class=\"chapter-title\">Cells</span></a></li>"))
        #expect(!missing.contains("katex.min.css"), "a page without math loads no KaTeX")
    }

    @Test func indexListsChaptersWithSummaries() throws {
        let index = try #require(try Self.build()["index.html"])
        #expect(index.contains("<h1>A &lt;small&gt; course</h1>"))
        #expect(index.contains("<p class=\"description\">About &amp; around.</p>"))
        #expect(index.contains("<p class=\"summary\">A first paragraph, which is the chapter's summary, with <code>inline code</code>"))
        #expect(index.contains("<p class=\"summary\">Inputs <span class=\"nobreak\"><span class=\"math inline\">"), "a chapter that opens with a formula is summed up by its first paragraph of text")
    }

    @Test func buildsAreByteIdentical() throws {
        #expect(try Self.build() == (try Self.build()))
    }

    @Test func brokenLinksFailTheBuild() throws {
        let broken = ChapterRun(lecture: try Fixture.parse("# Broken\n\nSee [there](99-none.md).\n", path: "lectures/04-broken.md"))
        let builder = SiteBuilder(course: CourseInfo(), theme: try Theme(folder: Fixture.themeFolder), katex: try Fixture.katex())
        #expect {
            try builder.build(try Self.runs() + [broken], courseFolder: Fixture.folder.path)
        } throws: { error in
            (error as? Diagnostics)?.description.hasPrefix("lectures/04-broken.md:3:5: error: link to '99-none.md', which is not a chapter") == true
        }
    }

    @Test func heavyPagesAreWarnedAboutAtTheirHeaviestCell() throws {
        var run = ChapterRun(lecture: try Fixture.parse("# Heavy\n\n```swift\nprint(1)\n```\n\n```swift\nshow(plot)\n```\n"))
        // Path data that does not compress: digits from a linear congruential generator.
        var state: UInt64 = 42
        let points = (0..<40_000).map { _ -> String in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return String(state >> 40)
        }
        let svg = "<svg><path d=\"M" + points.joined(separator: " ") + "\"/></svg>"
        run.cells = [0: [.text("1\n")], 1: [.display(Display(kind: .chart, text: "chart \"Loss\": line 5000 points", svg: svg))]]
        let builder = SiteBuilder(course: CourseInfo(), theme: try Theme(folder: Fixture.themeFolder), katex: try Fixture.katex())
        let site = try builder.build([run], courseFolder: Fixture.folder.path)
        let page = try #require(site["01-test.html"])
        let compressed = (Compression.gzippedSize(Array(page.utf8)) + 500) / 1000
        #expect(compressed > 150)
        #expect(site.warnings.map(\.description) == [
            "lectures/01-test.md:7:1: warning: the page is \(compressed) KB compressed, over the budget of 150 KB; this cell's output weighs \((svg.utf8.count + 500) / 1000) KB (chart \"Loss\"): show fewer points",
        ])
        #expect(try builder.build(try Self.runs(), courseFolder: Fixture.folder.path).warnings.isEmpty)
    }

    @Test func courseInfoFromJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try CourseInfo.load(lecturesFolder: folder.path) == CourseInfo(title: "Lectures"))
        try Data(#"{"title": "Nets", "description": "Small."}"#.utf8).write(to: folder.appendingPathComponent("course.json"))
        #expect(try CourseInfo.load(lecturesFolder: folder.path) == CourseInfo(title: "Nets", description: "Small."))
        try Data(#"{"title": "Nets", "repository": "https://example.org/nets/tree/main/lectures/"}"#.utf8).write(to: folder.appendingPathComponent("course.json"))
        #expect(try CourseInfo.load(lecturesFolder: folder.path).sourceURL(of: "lectures/01-a.md") == "https://example.org/nets/tree/main/lectures/01-a.md")
        try Data(#"{"title": "Nets", "repository": "git@example.org:nets.git"}"#.utf8).write(to: folder.appendingPathComponent("course.json"))
        #expect(throws: Diagnostic.self) { try CourseInfo.load(lecturesFolder: folder.path) }
        try Data(#"{"name": "Nets"}"#.utf8).write(to: folder.appendingPathComponent("course.json"))
        #expect(throws: Diagnostic.self) { try CourseInfo.load(lecturesFolder: folder.path) }
    }
}
