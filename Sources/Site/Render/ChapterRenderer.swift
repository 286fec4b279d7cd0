import Markup
import CellOutput
import Literate

/// A chapter as HTML: one walk over cmark's tree renders the prose and splices
/// in each cell (matched to its code block by line) with the run's output, the
/// cited values, typeset math and checked links. The recorded `output` fences
/// of the source are left out: the page shows what the run produced.
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
    }

    let document: ChapterDocument
    let outputs: [Int: [OutputItem]]
    let citationValues: [Int: String]
    let links: LinkResolver
    private(set) var diagnostics: [Diagnostic] = []
    private var cellsByLine: [Int: Cell] = [:]
    private var outputFenceLines: Set<Int> = []
    private var title: String?
    private var outline: [(level: Int, id: String, html: String)] = []
    private var summary: String?

    init(_ document: ChapterDocument, outputs: [Int: [OutputItem]], citations: [Int: String], links: LinkResolver) {
        self.document = document
        self.outputs = outputs
        self.citationValues = citations
        self.links = links
        for cell in document.lecture.cells {
            cellsByLine[cell.fence.openLine] = cell
            if let recorded = cell.recorded { outputFenceLines.insert(recorded.fence.openLine) }
        }
    }

    mutating func render() -> Rendered {
        let body = block(document.tree, tight: false)
        return Rendered(body: body, title: title ?? Markup.escape(document.lecture.title), outline: outline, summary: summary ?? "")
    }

    // MARK: Blocks

    private mutating func block(_ node: MarkdownNode, tight: Bool) -> String {
        switch node.kind {
        case .document:
            return node.children.map { block($0, tight: false) }.joined()
        case .paragraph:
            if let math = displayMath(node) { return "<div class=\"math display\">\(Markup.escape(math))</div>\n" }
            let inner = inlines(node.children, line: node.line)
            if summary == nil, title != nil { summary = inlines(node.children, line: node.line, linkless: true) }
            return tight ? inner + "\n" : "<p>\(inner)</p>\n"
        case .heading(let level):
            let id = document.anchorsByLine[node.line] ?? ""
            let inner = inlines(node.children, line: node.line)
            let plain = inlines(node.children, line: node.line, linkless: true)
            if level == 1, title == nil { title = plain }
            if level == 2 || level == 3 { outline.append((level, id, plain)) }
            let anchor = level == 1 ? "" : "<a class=\"anchor\" href=\"#\(Markup.escape(id))\" aria-hidden=\"true\">#</a>"
            return "<h\(level) id=\"\(Markup.escape(id))\">\(inner)\(anchor)</h\(level)>\n"
        case .blockQuote:
            return "<blockquote>\n\(node.children.map { block($0, tight: false) }.joined())</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let hasTasks = node.children.contains { if case .item(let task) = $0.kind { task != nil } else { false } }
            let classAttribute = hasTasks ? " class=\"tasks\"" : ""
            let items = node.children.map { block($0, tight: isTight) }.joined()
            return "<\(tag)\(startAttribute)\(classAttribute)>\n\(items)</\(tag)>\n"
        case .item(let task):
            var inner = node.children.map { block($0, tight: tight) }.joined()
            if inner.hasSuffix("\n"), tight { inner.removeLast() }
            let box = task.map { "<input type=\"checkbox\" disabled\($0 ? " checked" : "")> " } ?? ""
            return "<li>\(box)\(inner)</li>\n"
        case .codeBlock(let info, let literal):
            if let cell = cellsByLine[node.line] {
                return CellRenderer.html(cell, outputs: outputs[cell.index])
            }
            if outputFenceLines.contains(node.line) { return "" }
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            let code = language == "swift" ? SwiftHighlighter.html(CellRenderer.trimmingFinalNewline(literal))
                : Markup.escape(CellRenderer.trimmingFinalNewline(literal))
            let classAttribute = language.isEmpty ? "" : " class=\"language-\(Markup.escape(language))\""
            return "<pre class=\"code\"><code\(classAttribute)>\(code)</code></pre>\n"
        case .htmlBlock(let html):
            return html
        case .thematicBreak:
            return "<hr>\n"
        case .table(let alignments):
            return table(node, alignments: alignments)
        default:
            return node.children.map { block($0, tight: tight) }.joined()
        }
    }

    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.Alignment]) -> String {
        var head = "", body = ""
        for row in node.children {
            guard case .tableRow(let header) = row.kind else { continue }
            let tag = header ? "th" : "td"
            let cells = row.children.enumerated().map { column, cell in
                let alignment = alignments.indices.contains(column) ? alignments[column] : .none
                let classAttribute = switch alignment {
                case .none: ""
                case .left: " class=\"left\""
                case .center: " class=\"center\""
                case .right: " class=\"right\""
                }
                return "<\(tag)\(classAttribute)>\(inlines(cell.children, line: cell.line))</\(tag)>"
            }.joined()
            if header { head += "<tr>\(cells)</tr>\n" } else { body += "<tr>\(cells)</tr>\n" }
        }
        return "<div class=\"table-wrap\"><table>\n"
            + (head.isEmpty ? "" : "<thead>\n\(head)</thead>\n")
            + (body.isEmpty ? "" : "<tbody>\n\(body)</tbody>\n")
            + "</table></div>\n"
    }

    /// The TeX of a paragraph that holds one display formula and nothing else.
    private func displayMath(_ paragraph: MarkdownNode) -> String? {
        let text = paragraph.children.map { child -> String? in
            switch child.kind {
            case .text(let text): text
            case .softBreak, .lineBreak: "\n"
            default: nil
            }
        }
        guard !text.contains(where: { $0 == nil }) else { return nil }
        var found: String?
        var other = false
        _ = document.source.restore(text.compactMap { $0 }.joined()) { span in
            if case .math(let tex, true) = span, found == nil { found = withCitations(tex) } else { other = true }
            return ""
        }
        let rest = document.source.restore(text.compactMap { $0 }.joined()) { _ in "" }
        guard let found, !other, rest.allSatisfy(\.isWhitespace) else { return nil }
        return found
    }

    // MARK: Inlines

    /// Inline nodes as HTML, math and citations restored; `line` is the
    /// enclosing block's first line, for links cmark gives no position.
    private mutating func inlines(_ nodes: [MarkdownNode], line: Int, linkless: Bool = false) -> String {
        var html = ""
        var currentLine = line
        for node in nodes {
            html += inline(node, line: &currentLine, linkless: linkless)
        }
        let restored = document.source.restore(html) { span in
            switch span {
            case .math(let tex, let display):
                return "<span class=\"math \(display ? "display" : "inline")\">\(Markup.escape(withCitations(tex)))</span>"
            case .citation(let index):
                guard let citation = document.lecture.citations[safe: index] else { return "" }
                return "<span class=\"cited\" title=\"\(Markup.escape(citation.expression))\">\(Markup.escape(citedText(index)))</span>"
            }
        }
        return Self.keepingPunctuationWithMath(restored)
    }

    /// Inline math followed by punctuation (`$x$,`) wrapped so that no line
    /// starts with the comma.
    static func keepingPunctuationWithMath(_ html: String) -> String {
        html.replacing(/(<span class="math inline">[^<]*<\/span>)([,.;:!?)\]]+)/) { match in
            "<span class=\"nobreak\">\(match.output.1)\(match.output.2)</span>"
        }
    }

    private mutating func inline(_ node: MarkdownNode, line: inout Int, linkless: Bool) -> String {
        if node.line > 0 { line = node.line }
        func children() -> String {
            node.children.map { inline($0, line: &line, linkless: linkless) }.joined()
        }
        switch node.kind {
        case .text(let text): return Markup.escape(text)
        case .softBreak:
            line += 1
            return "\n"
        case .lineBreak:
            line += 1
            return linkless ? " " : "<br>\n"
        case .code(let code): return "<code>\(Markup.escape(code))</code>"
        case .htmlInline(let html): return linkless ? "" : html
        case .emphasis: return "<em>\(children())</em>"
        case .strong: return "<strong>\(children())</strong>"
        case .strikethrough: return "<del>\(children())</del>"
        case .link(let url, let title):
            let location = node.line > 0 ? (node.line, node.column) : (line, 1)
            let inner = children()
            guard !linkless else { return inner }
            let href: String
            switch links.resolve(url, in: document.lecture.id) {
            case .href(let resolved):
                href = resolved
            case .broken(let message):
                report(message, line: location.0, column: location.1)
                href = url
            }
            let titleAttribute = title.isEmpty ? "" : " title=\"\(Markup.escape(plain(title)))\""
            return "<a href=\"\(Markup.escape(href))\"\(titleAttribute)>\(inner)</a>"
        case .image(let url, let title):
            let alternative = plain(node.plainText)
            let titleAttribute = title.isEmpty ? "" : " title=\"\(Markup.escape(plain(title)))\""
            return "<img src=\"\(Markup.escape(url))\" alt=\"\(Markup.escape(alternative))\"\(titleAttribute)>"
        default:
            return children()
        }
    }

    /// Text for an attribute: math as `$TeX$`, citations as their value.
    private func plain(_ text: String) -> String {
        document.source.restore(text) { span in
            switch span {
            case .math(let tex, let display): display ? "$$\(withCitations(tex))$$" : "$\(withCitations(tex))$"
            case .citation(let index): citedText(index)
            }
        }
    }

    /// TeX with the values of the citations written inside it.
    private func withCitations(_ tex: String) -> String {
        document.source.restore(tex) { span in
            if case .citation(let index) = span { citedText(index) } else { "" }
        }
    }

    /// What citation `index` shows: the run's value written like the recorded one.
    private func citedText(_ index: Int) -> String {
        document.lecture.citations[safe: index].map { citation in
            citationValues[index].map(citation.text(for:)) ?? citation.recorded ?? citation.expression
        } ?? ""
    }

    private mutating func report(_ message: String, line: Int, column: Int) {
        let original = document.source.originalLocation(line: line, column: column)
        diagnostics.append(Diagnostic(at: SourceLocation(file: document.lecture.path, line: original.line, column: original.column), message))
    }
}
