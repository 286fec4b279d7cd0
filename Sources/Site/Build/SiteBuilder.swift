import Markup
import CellOutput
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
    /// A chapter page (its HTML and inline SVG) larger than this takes long to
    /// load on a phone; the build warns at the cell with the largest figure.
    public static let pageBudget = 150_000
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
        let courseView = PageView.Course(title: Markup.escape(course.title), description: course.description.map(Markup.escape))
        func chapterLinks(current: Int?) -> [PageView.ChapterLink] {
            zip(documents, rendered).enumerated().map { index, pair in
                let (document, page) = pair
                let headings = index == current ? outline(page) : []
                return PageView.ChapterLink(number: document.lecture.number.map(String.init), title: page.title,
                                            href: Markup.escape(document.pageName), summary: page.summary,
                                            current: index == current, headings: headings, hasHeadings: !headings.isEmpty)
            }
        }
        site.add("index.html", theme.render("index", PageView(course: courseView, pageTitle: Markup.escape(course.title),
                                                              chapters: chapterLinks(current: nil), chapter: nil)))
        for (index, (document, page)) in zip(documents, rendered).enumerated() {
            func neighbour(_ other: Int) -> PageView.Neighbour? {
                guard documents.indices.contains(other) else { return nil }
                return PageView.Neighbour(href: Markup.escape(documents[other].pageName), title: rendered[other].title)
            }
            let plainTitle = document.headings.first?.text ?? document.lecture.title
            let headings = outline(page)
            let chapter = PageView.Chapter(id: Markup.escape(document.lecture.id), title: page.title, body: page.body,
                                           headings: headings, hasHeadings: !headings.isEmpty,
                                           sourceHref: course.sourceURL(of: document.lecture.path).map(Markup.escape),
                                           previous: neighbour(index - 1), next: neighbour(index + 1))
            let view = PageView(course: courseView, pageTitle: Markup.escape("\(plainTitle) · \(course.title)"),
                                chapters: chapterLinks(current: index), chapter: chapter)
            let html = theme.render("chapter", view)
            site.add(document.pageName, html)
            if let warning = Self.sizeWarning(html.utf8.count, runs[index]) { site.warnings.append(warning) }
        }
        if theme.templates.getTemplate(named: "404") != nil {
            site.add("404.html", theme.render("404", PageView(course: courseView, pageTitle: Markup.escape("No page here · \(course.title)"),
                                                            chapters: chapterLinks(current: nil), chapter: nil)))
        }
        site.add(Self.searchIndexPath, search.script)
        for (path, data) in theme.assets { site.files["assets/" + path] = data }
        for (path, data) in katex.files { site.files["assets/katex/" + path] = data }
        site.add(Self.marker, "This folder is a site built by `lecture build`; the next build replaces all of it.\n")
        return site
    }

    private func outline(_ page: ChapterRenderer.Rendered) -> [PageView.Heading] {
        page.outline.map { PageView.Heading(id: Markup.escape($0.id), html: $0.html, level: $0.level, isSubsection: $0.level > 2) }
    }

    /// A warning when a page of `size` bytes is over budget, at the cell whose
    /// figure or table weighs most.
    static func sizeWarning(_ size: Int, _ run: ChapterRun) -> Diagnostic? {
        guard size > pageBudget else { return nil }
        let heaviest = run.cells.compactMap { index, items -> (index: Int, size: Int, title: String)? in
            let displays = items.compactMap { item -> Display? in if case .display(let display) = item { display } else { nil } }
            guard let largest = displays.max(by: { weight($0) < weight($1) }) else { return nil }
            return (index, weight(largest), name(largest))
        }.max { ($0.size, $1.index) < ($1.size, $0.index) }
        let kilobytes = { (bytes: Int) in "\((bytes + 500) / 1000) KB" }
        let lecture = run.lecture
        guard let heaviest, let cell = lecture.cells[safe: heaviest.index] else {
            return Diagnostic(.warning, at: SourceLocation(file: lecture.path, line: 1),
                              "the page is \(kilobytes(size)), over the budget of \(kilobytes(pageBudget))")
        }
        return Diagnostic(.warning, at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: cell.fence.column),
                          "the page is \(kilobytes(size)), over the budget of \(kilobytes(pageBudget)); this cell's output weighs \(kilobytes(heaviest.size)) (\(heaviest.title)): show fewer points")
    }

    /// A display's name from its recorded text: `chart "Training loss"`.
    private static func name(_ display: Display) -> String {
        let line = display.text.split(separator: "\n").first.map(String.init) ?? display.kind.rawValue
        if let end = line.range(of: "\": ") { return String(line[..<end.lowerBound]) + "\"" }
        return line.count > 40 ? String(line.prefix(40)) + "…" : line
    }

    private static func weight(_ display: Display) -> Int {
        display.svg?.utf8.count ?? display.table.map { $0.rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count + 9 } } } ?? 0
    }
}
