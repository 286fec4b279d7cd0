import CellOutput
import Escaping
import Literate

/// A chapter as HTML: cmark-gfm's rendering of its document (``HTMLRenderer``)
/// with each cell and the run's output in place of its code block, the cited
/// values, formulas marked for typesetting, and links checked and resolved. The
/// recorded `output` fences of the source are left out: the page shows what
/// the run produced.
struct ChapterRenderer {
    struct Rendered {
        /// The chapter's HTML, title included.
        var body: String
        /// The first heading's content.
        var title: String
        /// Level 2 and 3 headings: level, id, content without links.
        var outline: [(level: Int, id: String, html: String)]
        /// The first paragraph after the title, without links.
        var summary: String
        /// Files of the course the chapter links or shows (images, data), by
        /// path relative to the course folder.
        var files: Set<String>
    }

    let lecture: Lecture
    let outline: ChapterOutline
    let outputs: [Int: [OutputItem]]
    let citationValues: [Int: String]
    let links: LinkResolver
    let rawHTML: RawHTMLPolicy
    /// The chapter's numbered figures and tables, and where the labels of the
    /// whole course are.
    let figures: ChapterFigures
    let references: CrossReferences
    /// What went wrong running the chapter (or building its page): each shown
    /// in place of the output of the cell it is in, the others above the page.
    var problems: [Diagnostic] = []
    /// Cells whose outputs come from an earlier run (``ChapterRun/staleCells``).
    var staleCells: Set<Int> = []
    /// KaTeX's HTML for each formula, when the build typeset them; a formula
    /// missing here is written as its TeX, for a script to typeset.
    var typeset: [KaTeXRenderer.Formula: String] = [:]

    /// The rendered chapter, and the broken links and missing files found on the way.
    func render() -> (Rendered, [Diagnostic]) {
        var renderer = HTMLRenderer(decorator: ChapterDecorator(chapter: self), rawHTML: rawHTML)
        let unplaced = problems.filter { problem in !lecture.cells.contains { ChapterDecorator.holds($0, problem) } }
        let banner = unplaced.isEmpty ? "" : CellRenderer.problems(unplaced.map { $0.description(in: lecture) })
        let body = banner + renderer.render(lecture.document)
        var title: String?
        var headings: [(level: Int, id: String, html: String)] = []
        for heading in outline.headings {
            let html = renderer.inlines(heading.node.children, linkless: true)
            if heading.level == 1, title == nil { title = html }
            if heading.level == 2 || heading.level == 3 { headings.append((heading.level, heading.id, html)) }
        }
        var summary = ""
        var seenTitle = false
        for block in lecture.document.children {
            if case .heading(1) = block.kind { seenTitle = true; continue }
            if seenTitle, case .paragraph = block.kind, !ChapterDecorator.isDisplayFormula(block) {
                summary = renderer.inlines(block.children, linkless: true)
                break
            }
        }
        let decorator = renderer.decorator
        return (Rendered(body: body, title: title ?? HTMLEscape.text(lecture.title), outline: headings,
                         summary: summary, files: decorator.files), decorator.diagnostics)
    }
}

/// What a chapter page puts into cmark-gfm's HTML.
struct ChapterDecorator: HTMLDecorator {
    let chapter: ChapterRenderer
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var files: Set<String> = []

    init(chapter: ChapterRenderer) {
        self.chapter = chapter
    }

    private var lecture: Lecture { chapter.lecture }

    mutating func cell(_ index: Int) -> String {
        guard let cell = lecture.cells[safe: index] else { return "" }
        let problems = chapter.problems.filter { Self.holds(cell, $0) }.map { $0.description(in: lecture) }
        let numbered = Dictionary(chapter.figures.entries.filter { $0.cell == index }.map { ($0.item, $0) }) { first, _ in first }
        return CellRenderer.html(cell, outputs: chapter.outputs[index], numbered: numbered, problems: problems,
                                 chapter: CellRenderer.Chapter(path: lecture.path, number: lecture.number, id: lecture.id),
                                 stale: chapter.staleCells.contains(index))
    }

    /// Whether `problem` is at a line of `cell`'s fence.
    static func holds(_ cell: Cell, _ problem: Diagnostic) -> Bool {
        guard let location = problem.location else { return false }
        return (cell.fence.openLine...cell.fence.closeLine).contains(location.line)
    }

    mutating func recordedOutput(ofCell index: Int) -> String { "" }

    mutating func formula(_ pieces: [MarkdownNode.MathPiece], display: Bool, at range: SourceRange) -> String {
        "<span class=\"math \(display ? "display" : "inline")\">\(content(pieces, display: display))</span>"
    }

    /// A formula as KaTeX typeset it, or its TeX.
    private func content(_ pieces: [MarkdownNode.MathPiece], display: Bool) -> String {
        let tex = tex(pieces)
        return chapter.typeset[KaTeXRenderer.Formula(tex, display: display)] ?? HTMLEscape.text(tex)
    }

    mutating func citation(_ index: Int) -> String {
        guard let citation = lecture.citations[safe: index] else { return "" }
        return "<span class=\"cited\" title=\"\(HTMLEscape.text(citation.expression))\">\(HTMLEscape.text(shown(index)))</span>"
    }

    mutating func crossReference(_ label: String, at range: SourceRange, linkless: Bool) -> String {
        switch chapter.references.resolve(label, from: lecture.id) {
        case .found(let href, let text):
            let name = HTMLEscape.text(text)
            return linkless ? name : "<a class=\"xref\" href=\"\(HTMLEscape.text(href))\">\(name)</a>"
        case .unknown(let message):
            // A heading or the summary is written twice (on the page, in the
            // contents): its error is reported once.
            let problem = Diagnostic(at: SourceLocation(file: lecture.path, line: range.start.line, column: range.start.column), message)
            if !diagnostics.contains(problem) { diagnostics.append(problem) }
            return HTMLEscape.text("@" + label)
        }
    }

    func plainText(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .math(let pieces, let display): display ? "$$\(tex(pieces))$$" : "$\(tex(pieces))$"
        case .citation(let index): shown(index)
        case .crossReference(let label): referenceText(label)
        default: ""
        }
    }

    /// What a cross-reference reads as: "Figure 2", or as written when it names nothing.
    func referenceText(_ label: String) -> String {
        if case .found(_, let text) = chapter.references.resolve(label, from: lecture.id) { return text }
        return "@" + label
    }

    mutating func target(_ url: String, at range: SourceRange, image: Bool) -> String {
        switch chapter.links.resolve(url) {
        case .href(let resolved):
            return resolved
        case .file(let href, let path):
            files.insert(path)
            return href
        case .broken(let message):
            let point = range.start.line > 0 ? range.start : SourcePoint(line: 1, column: 1)
            diagnostics.append(Diagnostic(at: SourceLocation(file: lecture.path, line: point.line, column: point.column), message))
            return url
        }
    }

    mutating func headingID(_ node: MarkdownNode) -> String? {
        chapter.outline.id(at: node.range.start)
    }

    /// A paragraph that is one display formula (white space aside) is a block.
    mutating func paragraph(_ node: MarkdownNode) -> String? {
        guard let pieces = Self.displayFormula(of: node) else { return nil }
        return "<div class=\"math display\">\(content(pieces, display: true))</div>\n"
    }

    static func isDisplayFormula(_ paragraph: MarkdownNode) -> Bool {
        displayFormula(of: paragraph) != nil
    }

    /// The pieces of the one display formula a paragraph holds, white space aside.
    private static func displayFormula(of paragraph: MarkdownNode) -> [MarkdownNode.MathPiece]? {
        let meaningful = paragraph.children.filter { child in
            switch child.kind {
            case .softBreak, .lineBreak: false
            case .text(let text): !text.allSatisfy(\.isWhitespace)
            default: true
            }
        }
        guard meaningful.count == 1, case .math(let pieces, true) = meaningful[0].kind else { return nil }
        return pieces
    }

    /// A formula's TeX with the values of the citations written inside it.
    private func tex(_ pieces: [MarkdownNode.MathPiece]) -> String {
        Self.tex(pieces, lecture: lecture, citationValues: chapter.citationValues)
    }

    static func tex(_ pieces: [MarkdownNode.MathPiece], lecture: Lecture, citationValues: [Int: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .tex(let tex): tex
            case .citation(let index): lecture.citations[safe: index]?.shown(citationValues[index]) ?? ""
            }
        }.joined()
    }

    /// What citation `index` shows.
    private func shown(_ index: Int) -> String {
        lecture.citations[safe: index]?.shown(chapter.citationValues[index]) ?? ""
    }
}
