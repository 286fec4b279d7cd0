import Foundation
import LectureTesting
import Testing

/// `lecture build` through the built binary, on a small course: these compile
/// and run real chapters.
@Suite(.serialized) struct BuildCommandTests {


    @Test func buildsReplacesAndKeepsTheSiteOnFailure() throws {
        let course = try Workspace(fixture: "tiny")
        var result = try course.lecture("build")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("build: 2 chapters; open ") && result.standardOutput.hasSuffix("/_site/index.html\n"))
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

        let second = try course.read("02-second.md"), first = try course.read("01-first.md")
        try course.write("02-second.md", second + "See [nothing](01-first.md#nowhere).\n")
        result = try course.lecture("build")
        #expect(result.status == 2)
        #expect(result.standardError.contains("lectures/02-second.md:8:5: error: link to '#nowhere', which is not a heading of 01-first.md"), "\(result.standardError)")
        #expect(course.site() == built, "a failed build leaves the previous site as it was")

        try course.write("02-second.md", second + "```swift\nlet broken: Int = \"no\"\n```\n")
        result = try course.lecture("build")
        #expect(result.status == 1)
        #expect(result.standardError.contains("lectures/02-second.md:9:19: error: cannot convert"), "\(result.standardError)")
        #expect(course.site() == built)

        try course.remove("02-second.md")
        try course.write("01-first.md", first.replacingOccurrences(of: "On to [the second](02-second.md#more).", with: "The end."))
        result = try course.lecture("build", "--out", "_site")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(course.site()["02-second.html"] == nil, "the page of a removed chapter disappears")
        #expect(course.site()["01-first.html"] != nil)
    }

    @Test func keepGoingPublishesEveryChapterWithTheErrorsInPlace() throws {
        let course = try Workspace(fixture: "tiny")
        let second = try course.read("02-second.md")
        try course.write("02-second.md", second + "\nBefore the break.\n\n```swift\nlet broken: Int = \"no\"\n```\n\nAfter the break.\n")
        var result = try course.lecture("build")
        #expect(result.status == 1)
        #expect(course.site().isEmpty, "without --keep-going nothing is published")

        result = try course.lecture("build", "--keep-going")
        #expect(result.status == 1, "a chapter failed, so the build fails even though the site was written")
        #expect(result.standardError.contains("lectures/02-second.md:12:19: error: cannot convert"), "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("build: 2 chapters; open "))
        #expect(course.page("01-first.html").contains("hello from the run: 42"), "the chapter that runs is published with its outputs")
        let page = course.page("02-second.html")
        let error = try #require(page.range(of: "<div class=\"error build-error\" role=\"alert\">"))
        let shown = page[error.lowerBound...]
        #expect(shown.hasPrefix("<div class=\"error build-error\" role=\"alert\"><div class=\"error-title\">Error</div>"
            + "<pre>lectures/02-second.md:12:19: error: cannot convert value of type &#39;String&#39; to specified type &#39;Int&#39;\n"
            + "    let broken: Int = &quot;no&quot;\n"), "as the terminal shows it: \(shown.prefix(400))")
        #expect(page.range(of: "Before the break.")!.lowerBound < error.lowerBound)
        #expect(error.lowerBound < page.range(of: "After the break.")!.lowerBound, "the diagnostics stand in place of the failing cell")
        #expect(!page.contains("second chapter</pre>"), "outputs of a chapter that did not run are not shown as if it had")
    }

    @Test func refusesAnOutputFolderItDidNotMake() throws {
        let course = try Workspace(["01-first.md": "# One\n\nText.\n"])
        let result = try course.lecture("build", "--out", "lectures")
        #expect(result.status == 2)
        #expect(result.standardError.contains("will not replace 'lectures'"), "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: course.root.appendingPathComponent("lectures/01-first.md").path))
    }
}
