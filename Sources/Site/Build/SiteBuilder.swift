import Literate

/// Turns the runs of a course's chapters into the files of its site: an index
/// page, one page per chapter, the search index, the theme's assets and KaTeX.
///
/// A pure function of its inputs: the same runs give the same bytes.
public struct SiteBuilder: Sendable {
    public var course: CourseInfo
    public var theme: Theme
    public var katex: KaTeXAssets

    /// The file that marks a folder as a built site, which a later build may replace.
    public static let marker = ".lecture-site"
    static let searchIndexPath = "search-index.js"

    public init(course: CourseInfo, theme: Theme, katex: KaTeXAssets) {
        self.course = course
        self.theme = theme
        self.katex = katex
    }

    /// The site of `runs`, in course order; broken links are errors at their line.
    public func build(_ runs: [ChapterRun]) throws(Diagnostics) -> SiteFiles {
        let documents = runs.map { ChapterDocument($0.lecture) }
        var anchors: [String: Set<String>] = [:]
        for document in documents { anchors[document.lecture.id] = document.anchors }
        let links = LinkResolver(anchors: anchors)

        var rendered: [ChapterRenderer.Rendered] = []
        var problems: [Diagnostic] = []
        var search = SearchIndex()
        for (document, run) in zip(documents, runs) {
            var renderer = ChapterRenderer(document, outputs: run.cells, citations: run.citations, links: links)
            rendered.append(renderer.render())
            problems += renderer.diagnostics
            search.add(document) { index in
                guard let citation = document.lecture.citations[safe: index] else { return "" }
                return run.citations[index].map(citation.text(for:)) ?? citation.recorded ?? ""
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }

        var site = SiteFiles()
        let courseView = PageView.Course(title: HTML.escape(course.title), description: course.description.map(HTML.escape))
        func chapterLinks(current: Int?) -> [PageView.ChapterLink] {
            zip(documents, rendered).enumerated().map { index, pair in
                let (document, page) = pair
                let headings = index == current
                    ? page.outline.map { PageView.Heading(id: HTML.escape($0.id), html: $0.html, level: $0.level, isSubsection: $0.level > 2) }
                    : []
                return PageView.ChapterLink(number: document.lecture.number.map(String.init), title: page.title,
                                            href: HTML.escape(document.pageName), summary: page.summary,
                                            current: index == current, headings: headings, hasHeadings: !headings.isEmpty)
            }
        }
        site.add("index.html", theme.render("index", PageView(course: courseView, pageTitle: HTML.escape(course.title),
                                                              chapters: chapterLinks(current: nil), chapter: nil)))
        for (index, (document, page)) in zip(documents, rendered).enumerated() {
            func neighbour(_ other: Int) -> PageView.Neighbour? {
                guard documents.indices.contains(other) else { return nil }
                return PageView.Neighbour(href: HTML.escape(documents[other].pageName), title: rendered[other].title)
            }
            let plainTitle = document.headings.first?.text ?? document.lecture.title
            let chapter = PageView.Chapter(id: HTML.escape(document.lecture.id), title: page.title, body: page.body,
                                           previous: neighbour(index - 1), next: neighbour(index + 1))
            let view = PageView(course: courseView, pageTitle: HTML.escape("\(plainTitle) · \(course.title)"),
                                chapters: chapterLinks(current: index), chapter: chapter)
            site.add(document.pageName, theme.render("chapter", view))
        }
        site.add(Self.searchIndexPath, search.script)
        for (path, data) in theme.assets { site.files["assets/" + path] = data }
        for (path, data) in katex.files { site.files["assets/katex/" + path] = data }
        site.add(Self.marker, "This folder is a site built by `lecture build`; the next build replaces all of it.\n")
        return site
    }
}
