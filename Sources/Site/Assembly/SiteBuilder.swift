import Foundation
import Escaping
import CellOutput
import Literate

/// Turns the runs of a course's chapters into the files of its site: an index
/// page, one page per chapter, a 404 page (when the theme has one), the search
/// index, the theme's assets and KaTeX.
///
/// A pure function of its inputs: the same runs give the same bytes.
public struct SiteBuilder: Sendable {
    public var course: CourseInfo
    public var theme: Theme
    public var katex: KaTeXAssets
    /// What typesets the formulas at build time; without it pages hold TeX for
    /// a script to typeset.
    public var math: KaTeXRenderer?

    /// The file that marks a folder as a built site, which a later build may replace.
    public static let marker = ".lecture-site"
    /// A chapter page (its HTML and inline SVG) larger than this, compressed
    /// as it is sent, takes long to load on a phone; the build warns at the
    /// cell with the largest figure.
    public static let pageBudget = 150_000
    static let searchIndexPath = "search-index.js"
    /// Pages the site writes itself, which no chapter may take.
    static let reservedPages: Set<String> = ["index", "404"]

    /// The page of a chapter in the site.
    static func pageName(_ lecture: Lecture) -> String { lecture.id + ".html" }

    /// A label shown twice in a chapter: an error at the cell of the second.
    static func repeatedLabels(_ figures: ChapterFigures, in lecture: Lecture) -> [Diagnostic] {
        figures.repeatedLabels.compactMap { entry in
            guard let label = entry.label, let cell = lecture.cells[safe: entry.cell],
                  let first = figures.entry(label: label), let firstCell = lecture.cells[safe: first.cell] else { return nil }
            let shownBy = first.cell == entry.cell ? "this cell too, by an earlier show or pass of a loop" : "the cell at line \(firstCell.fence.openLine)"
            return Diagnostic(at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: 1),
                              "this cell shows a second display labelled '\(label)' (the first is \(first.name), shown by \(shownBy)); give each its own label")
        }
    }

    /// A label that is also a heading's anchor in its chapter: the page would
    /// have two elements of that id, and `@fig-…` would lead to the heading.
    /// An error at the cell that shows the display.
    static func labelsOfHeadings(_ figures: ChapterFigures, _ outline: ChapterOutline, in lecture: Lecture) -> [Diagnostic] {
        figures.entries.compactMap { entry in
            guard let label = entry.label, let cell = lecture.cells[safe: entry.cell],
                  let heading = outline.headings.first(where: { $0.id == label }) else { return nil }
            return Diagnostic(at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: 1),
                              "this cell labels \(entry.name) '\(label)', the anchor of the heading at line \(heading.node.range.start.line) as well; give the display another label")
        }
    }

    public init(course: CourseInfo, theme: Theme, katex: KaTeXAssets, math: KaTeXRenderer? = nil) {
        self.math = math
        self.course = course
        self.theme = theme
        self.katex = katex
    }

    /// The site of `runs`, in course order; broken links, missing files and a
    /// chapter whose page would replace one of the site's own are errors at
    /// their line. `courseFolder` is the folder of the lectures, whose linked
    /// files are copied. A run that failed shows its diagnostics where they are;
    /// with `keepGoing`, so do broken links, listed in ``SiteFiles/problems``.
    public func build(_ runs: [ChapterRun], courseFolder: String, keepGoing: Bool = false) throws(Diagnostics) -> SiteFiles {
        let lectures = runs.map(\.lecture)
        let outlines = lectures.map(ChapterOutline.init)
        let figures = runs.map { ChapterFigures($0.lecture, cells: $0.cells) }
        var anchors: [String: Set<String>] = [:]
        for (index, (lecture, outline)) in zip(lectures, outlines).enumerated() {
            anchors[lecture.id] = outline.anchors.union(figures[index].entries.compactMap(\.label))
        }
        let links = LinkResolver(anchors: anchors, courseFolder: courseFolder)
        let references = CrossReferences(chapters: zip(lectures, figures).map { lecture, figures in
            CrossReferences.Chapter(id: lecture.id, page: Self.pageName(lecture), number: lecture.number, title: lecture.title, figures: figures)
        })

        var problems: [Diagnostic] = []
        let typeset = try Self.typeset(runs, with: math, problems: &problems)
        var rendered: [ChapterRenderer.Rendered] = []
        var search = SearchIndex()
        for (index, (lecture, outline)) in zip(lectures, outlines).enumerated() {
            if Self.reservedPages.contains(lecture.id) {
                problems.append(Diagnostic(at: SourceLocation(file: lecture.path, line: 1),
                                           "a chapter cannot be called \(lecture.id).md: its page would replace the site's own \(lecture.id).html; rename the file"))
            }
            let run = runs[index]
            var renderer = ChapterRenderer(lecture: lecture, outline: outline, outputs: run.cells, citationValues: run.citations,
                                           links: links, rawHTML: course.rawHTML, figures: figures[index], references: references,
                                           problems: run.diagnostics + run.usageProblems, staleCells: run.staleCells, typeset: typeset)
            var (page, diagnostics) = renderer.render()
            diagnostics += Self.repeatedLabels(figures[index], in: lecture)
            diagnostics += Self.labelsOfHeadings(figures[index], outline, in: lecture)
            if keepGoing, !diagnostics.isEmpty {
                renderer.problems += diagnostics
                (page, _) = renderer.render()
            }
            rendered.append(page)
            problems += diagnostics
            search.add(lecture, outline: outline, pageName: Self.pageName(lecture), citationText: { index in
                lecture.citations[safe: index]?.shown(run.citations[index]) ?? ""
            }, referenceText: { label in
                if case .found(_, let text) = references.resolve(label, from: lecture.id) { return text }
                return "@" + label
            })
        }
        guard problems.isEmpty || keepGoing else { throw Diagnostics(problems) }

        var site = SiteFiles()
        site.problems = problems
        let courseView = PageView.Course(title: HTMLEscape.text(course.title), description: course.description.map(HTMLEscape.text))
        func chapterLinks(current: Int?) -> [PageView.ChapterLink] {
            zip(lectures, rendered).enumerated().map { index, pair in
                let (lecture, page) = pair
                let headings = index == current ? Self.headings(page) : []
                return PageView.ChapterLink(number: lecture.number.map(String.init), title: page.title,
                                            href: HTMLEscape.text(Self.pageName(lecture)), summary: page.summary,
                                            current: index == current, headings: headings, hasHeadings: !headings.isEmpty)
            }
        }
        site.add("index.html", theme.render("index", PageView(course: courseView, pageTitle: HTMLEscape.text(course.title),
                                                              chapters: chapterLinks(current: nil), chapter: nil)))
        for (index, (lecture, page)) in zip(lectures, rendered).enumerated() {
            func neighbour(_ other: Int) -> PageView.Neighbour? {
                guard lectures.indices.contains(other) else { return nil }
                return PageView.Neighbour(href: HTMLEscape.text(Self.pageName(lectures[other])), title: rendered[other].title)
            }
            let plainTitle = outlines[index].headings.first?.text ?? lecture.title
            let headings = Self.headings(page)
            let fonts = KaTeXFonts.preloads(in: page.body)
            let chapter = PageView.Chapter(id: HTMLEscape.text(lecture.id), title: page.title, body: page.body,
                                           headings: headings, hasHeadings: !headings.isEmpty,
                                           sourceHref: course.sourceURL(of: lecture.path).map(HTMLEscape.text),
                                           fontPreloads: fonts, hasFontPreloads: !fonts.isEmpty,
                                           previous: neighbour(index - 1), next: neighbour(index + 1))
            let view = PageView(course: courseView, pageTitle: HTMLEscape.text("\(plainTitle) · \(course.title)"),
                                chapters: chapterLinks(current: index), chapter: chapter)
            let html = theme.render("chapter", view)
            site.add(Self.pageName(lecture), html)
            if let warning = Self.sizeWarning(Compression.gzippedSize(Array(html.utf8)), runs[index]) { site.warnings.append(warning) }
        }
        for path in rendered.reduce(into: Set<String>(), { $0.formUnion($1.files) }).sorted() {
            guard let data = FileManager.default.contents(atPath: (courseFolder as NSString).appendingPathComponent(path)) else { continue }
            site.files[path] = [UInt8](data)
        }
        if theme.templates.getTemplate(named: "404") != nil {
            site.add("404.html", theme.render("404", PageView(course: courseView, pageTitle: HTMLEscape.text("No page here · \(course.title)"),
                                                            chapters: chapterLinks(current: nil), chapter: nil)))
        }
        site.add(Self.searchIndexPath, search.script)
        for (path, data) in theme.assets { site.files["assets/" + path] = data }
        for (path, data) in katex.files { site.files["assets/katex/" + path] = data }
        site.add(Self.marker, "This folder is a site built by `lecture build`; the next build replaces all of it.\n")
        return site
    }

    /// Level 2 and 3 headings of a page, for the contents and "On this page".
    private static func headings(_ page: ChapterRenderer.Rendered) -> [PageView.Heading] {
        page.outline.map { PageView.Heading(id: HTMLEscape.text($0.id), html: $0.html, level: $0.level, isSubsection: $0.level > 2) }
    }

    /// Every formula of the course typeset by `math` in one call; a formula it
    /// cannot read is an error at its place.
    static func typeset(_ runs: [ChapterRun], with math: KaTeXRenderer?, problems: inout [Diagnostic]) throws(Diagnostics) -> [KaTeXRenderer.Formula: String] {
        guard let math else { return [:] }
        var formulas: [KaTeXRenderer.Formula] = []
        var places: [SourceLocation] = []
        for run in runs {
            run.lecture.document.visit { node in
                guard case .math(let pieces, let display) = node.kind else { return }
                formulas.append(KaTeXRenderer.Formula(ChapterDecorator.tex(pieces, lecture: run.lecture, citationValues: run.citations), display: display))
                places.append(SourceLocation(file: run.lecture.path, line: node.range.start.line, column: node.range.start.column))
            }
        }
        guard !formulas.isEmpty else { return [:] }
        let results: [Result<KaTeXRenderer.Typeset, KaTeXRenderer.ParseError>]
        do { results = try math.render(formulas) } catch { throw Diagnostics([error]) }
        var typeset: [KaTeXRenderer.Formula: String] = [:]
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let done): typeset[formulas[index]] = done.html
            case .failure(let error):
                problems.append(Diagnostic(at: places[index], "KaTeX cannot read this formula: \(error.message)"))
            }
        }
        return typeset
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
                              "the page is \(kilobytes(size)) compressed, over the budget of \(kilobytes(pageBudget))")
        }
        return Diagnostic(.warning, at: SourceLocation(file: lecture.path, line: cell.fence.openLine, column: cell.fence.column),
                          "the page is \(kilobytes(size)) compressed, over the budget of \(kilobytes(pageBudget)); this cell's output weighs \(kilobytes(heaviest.size)) (\(heaviest.title)): show fewer points")
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
