import Escaping
import Foundation
import Literate

/// What a page adds to cmark-gfm's HTML, or puts in place of a node: cells,
/// formulas, citations, cross-references, heading anchors, resolved link targets.
/// ``HTMLRenderer`` calls these and writes everything else as cmark-gfm does.
protocol HTMLDecorator {
    /// A cell, or the recorded output of one (usually nothing).
    mutating func cell(_ index: Int) -> String
    mutating func recordedOutput(ofCell index: Int) -> String
    mutating func formula(_ pieces: [MarkdownNode.MathPiece], display: Bool, at range: SourceRange) -> String
    mutating func citation(_ index: Int) -> String
    /// A cross-reference, `@fig-…`, found at `range`: a link to what it names,
    /// or only its name inside the text of a link (`linkless`).
    mutating func crossReference(_ label: String, at range: SourceRange, linkless: Bool) -> String
    /// The plain text a formula, citation or cross-reference stands for, for an image's `alt`.
    func plainText(_ node: MarkdownNode) -> String
    /// The target to write for a link or image `url` found at `range`.
    mutating func target(_ url: String, at range: SourceRange, image: Bool) -> String
    /// The `id` of a heading (with its anchor link), or nil for none.
    mutating func headingID(_ node: MarkdownNode) -> String?
    /// HTML in place of a whole paragraph, or nil for cmark's.
    mutating func paragraph(_ node: MarkdownNode) -> String?
}

/// How raw HTML in prose is written (`course.json`'s `"rawHTML"`).
public enum RawHTMLPolicy: String, Sendable, Decodable {
    /// GitHub's behaviour, the default: cmark-gfm's tag filter (`<script`,
    /// `<iframe`, `<style` and the like become text) and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` link targets dropped.
    case filtered
    /// Raw HTML and every link target as written, for authors who want it.
    case unfiltered
}

/// HTML for a lecture's document, byte for byte as cmark-gfm 0.29's renderer
/// writes it (with the table, strikethrough, autolink, task list and tag filter
/// extensions and footnotes), but where ``HTMLDecorator`` hooks in and for these
/// decorations, which the differential test against Debian's `cmark-gfm` strips:
///
/// - a heading gets an `id` and, after its content, `<a class="anchor" …>#</a>`;
/// - a code block's `<pre>` gets `class="code" tabindex="0"`;
/// - a table is wrapped in `<div class="table-wrap" …>…</div>`;
/// - an alert (`> [!NOTE]`) is `<div class="markdown-alert markdown-alert-note">`
///   with a title paragraph, as GitHub writes it, instead of a block quote;
/// - whatever the decorator puts in place of a paragraph (a paragraph that is
///   one display formula becomes `<div class="math display">`).
///
/// Why not cmark's own renderer: cells, formulas and citations are nodes of the
/// document the parse stage made, which cmark's C tree no longer exists to hold;
/// this renderer walks those Swift values, and the differential test keeps it
/// equal to cmark's output on every other construct.
struct HTMLRenderer<Decorator: HTMLDecorator> {
    var decorator: Decorator
    var rawHTML: RawHTMLPolicy
    private var html = ""
    private var footnotesOpen = false
    /// Whether the inlines being written are a link's text, where a
    /// cross-reference cannot be a link of its own.
    private var inLink = false

    init(decorator: Decorator, rawHTML: RawHTMLPolicy) {
        self.decorator = decorator
        self.rawHTML = rawHTML
    }

    /// The HTML of `document`.
    mutating func render(_ document: MarkdownNode) -> String {
        html = ""
        block(document, tight: false)
        if footnotesOpen { html += "</ol>\n</section>\n" }
        return html
    }

    /// The inline HTML of `nodes` on its own, for titles and outlines: without
    /// links and raw HTML when `linkless`.
    mutating func inlines(_ nodes: [MarkdownNode], linkless: Bool) -> String {
        let saved = html
        html = ""
        inlineRun(nodes, linkless: linkless)
        let result = html
        html = saved
        return result
    }

    // MARK: Blocks

    /// cmark's `cmark_html_render_cr`: a line break unless at the start of a line.
    private mutating func cr() {
        if !html.isEmpty, !html.hasSuffix("\n") { html += "\n" }
    }

    private mutating func block(_ node: MarkdownNode, tight: Bool, lastInFootnote: (label: String, references: Int)? = nil) {
        switch node.kind {
        case .document:
            for child in node.children { block(child, tight: false) }
        case .blockQuote:
            cr()
            html += "<blockquote>\n"
            for child in node.children { block(child, tight: false) }
            cr()
            html += "</blockquote>\n"
        case .alert(let kind):
            cr()
            html += "<div class=\"markdown-alert markdown-alert-\(kind.rawValue)\">\n"
            html += "<p class=\"markdown-alert-title\">\(kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst())</p>\n"
            for child in node.children { block(child, tight: false) }
            cr()
            html += "</div>\n"
        case .list(let ordered, let start, let isTight):
            cr()
            html += !ordered ? "<ul>\n" : start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            for child in node.children { block(child, tight: isTight) }
            html += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let task):
            cr()
            html += "<li>"
            if let task { html += task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> " }
            for child in node.children { block(child, tight: tight) }
            html += "</li>\n"
        case .heading(let level):
            cr()
            let id = decorator.headingID(node)
            html += "<h\(level)" + (id.map { " id=\"\(HTMLEscape.text($0))\"" } ?? "") + ">"
            inlineRun(node.children, linkless: false)
            if let id, level > 1 {
                let label = "Link to this section: " + node.plainText(citation: { _ in "" }).trimmingCharacters(in: .whitespaces)
                html += "<a class=\"anchor\" href=\"#\(HTMLEscape.text(id))\" aria-label=\"\(HTMLEscape.text(label))\">#</a>"
            }
            html += "</h\(level)>\n"
        case .codeBlock(let code):
            cr()
            html += "<pre class=\"code\" tabindex=\"0\">"
            // The info string's first word, cut at white space as cmark cuts it:
            // by bytes (a space then a combining mark is still a space).
            let language = String(decoding: code.info.utf8.prefix { ![0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) }, as: UTF8.self)
            html += language.isEmpty ? "<code>" : "<code class=\"language-\(HTMLEscape.cmarkText(language))\">"
            html += HTMLEscape.cmarkText(code.literal)
            html += "</code></pre>\n"
        case .htmlBlock(let literal):
            cr()
            html += rawHTML == .filtered ? TagFilter.filtered(literal) : literal
            cr()
        case .thematicBreak:
            cr()
            html += "<hr />\n"
        case .paragraph:
            if let replacement = decorator.paragraph(node) {
                cr()
                html += replacement
                return
            }
            if !tight {
                cr()
                html += "<p>"
            }
            inlineRun(node.children, linkless: false)
            if let footnote = lastInFootnote { html += " " + Self.backReferences(footnote.label, footnote.references) }
            if !tight { html += "</p>\n" }
        case .table(let alignments):
            table(node, alignments: alignments)
        case .footnoteDefinition(let label, let references):
            if !footnotesOpen {
                html += "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
                footnotesOpen = true
            }
            html += "<li id=\"fn-\(label)\">\n"
            let endsWithParagraph = node.children.last.map { $0.kind == .paragraph } ?? false
            for (offset, child) in node.children.enumerated() {
                let isLast = offset == node.children.count - 1
                block(child, tight: false, lastInFootnote: isLast && endsWithParagraph ? (label, references) : nil)
            }
            if !endsWithParagraph { html += Self.backReferences(label, references) + "\n" }
            html += "</li>\n"
        case .cell(let index):
            cr()
            html += decorator.cell(index)
        case .recordedOutput(let index):
            html += decorator.recordedOutput(ofCell: index)
        default:
            for child in node.children { block(child, tight: tight) }
        }
    }

    /// A table as cmark-gfm's table extension writes it, in its wrapper.
    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.Alignment]) {
        cr()
        html += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n"
        html += "<table>"
        var bodyOpen = false
        for row in node.children {
            guard case .tableRow(let header) = row.kind else { continue }
            cr()
            if header {
                html += "<thead>"
                cr()
            } else if !bodyOpen {
                html += "<tbody>"
                cr()
                bodyOpen = true
            }
            html += "<tr>"
            for (column, cell) in row.children.enumerated() {
                cr()
                html += header ? "<th" : "<td"
                switch alignments.indices.contains(column) ? alignments[column] : .none {
                case .left: html += " align=\"left\""
                case .center: html += " align=\"center\""
                case .right: html += " align=\"right\""
                case .none: break
                }
                html += ">"
                inlineRun(cell.children, linkless: false)
                html += header ? "</th>" : "</td>"
            }
            cr()
            html += "</tr>"
            if header {
                cr()
                html += "</thead>"
            }
        }
        if bodyOpen {
            cr()
            html += "</tbody>"
            cr()
        }
        cr()
        html += "</table>"
        cr()
        html += "</div>\n"
    }

    /// The links from a footnote back to each of its references.
    private static func backReferences(_ label: String, _ references: Int) -> String {
        (1...max(references, 1)).map { index in
            let suffix = index > 1 ? "-\(index)" : ""
            let mark = index > 1 ? "↩<sup class=\"footnote-ref\">\(index)</sup>" : "↩"
            return "<a href=\"#fnref-\(label)\(suffix)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">\(mark)</a>"
        }.joined(separator: " ")
    }

    // MARK: Inlines

    /// Inline nodes in a row. An inline formula followed by punctuation
    /// (`$x$,`) is wrapped with it in `<span class="nobreak">`, so that no line
    /// starts with the comma: a decoration, which only formulas get.
    private mutating func inlineRun(_ nodes: [MarkdownNode], linkless: Bool) {
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            if case .math(_, false) = node.kind, index + 1 < nodes.count, case .text(let text) = nodes[index + 1].kind,
               case let punctuation = text.prefix(while: { ",.;:!?)]".contains($0) }), !punctuation.isEmpty {
                html += "<span class=\"nobreak\">"
                inline(node, linkless: linkless)
                html += HTMLEscape.cmarkText(String(punctuation)) + "</span>" + HTMLEscape.cmarkText(String(text.dropFirst(punctuation.count)))
                index += 2
                continue
            }
            inline(node, linkless: linkless)
            index += 1
        }
    }

    private mutating func inline(_ node: MarkdownNode, linkless: Bool) {
        switch node.kind {
        case .text(let text): html += HTMLEscape.cmarkText(text)
        case .softBreak: html += "\n"
        case .lineBreak: html += linkless ? " " : "<br />\n"
        case .code(let code): html += "<code>\(HTMLEscape.cmarkText(code))</code>"
        case .htmlInline(let literal):
            guard !linkless else { return }
            html += rawHTML == .filtered && TagFilter.isFilteredTag(literal[...]) ? "&lt;" + String(decoding: literal.utf8.dropFirst(), as: UTF8.self) : literal
        case .emphasis: wrapped("em", node, linkless)
        case .strong: wrapped("strong", node, linkless)
        case .strikethrough: wrapped("del", node, linkless)
        case .link(let url, let title):
            if linkless {
                inlineRun(node.children, linkless: true)
                return
            }
            let target = decorator.target(url, at: node.range, image: false)
            html += "<a href=\"\(href(target, image: false))\""
            if !title.isEmpty { html += " title=\"\(HTMLEscape.cmarkText(title))\"" }
            html += ">"
            let outer = inLink
            inLink = true
            inlineRun(node.children, linkless: false)
            inLink = outer
            html += "</a>"
        case .image(let url, let title):
            if linkless {
                html += node.children.map(plain).joined()
                return
            }
            let target = decorator.target(url, at: node.range, image: true)
            html += "<img src=\"\(href(target, image: true))\" alt=\"\(node.children.map(plain).joined())\""
            if !title.isEmpty { html += " title=\"\(HTMLEscape.cmarkText(title))\"" }
            html += " />"
        case .footnoteReference(let number, let label, let occurrence):
            html += "<sup class=\"footnote-ref\"><a href=\"#fn-\(label)\" id=\"fnref-\(label)\(occurrence > 1 ? "-\(occurrence)" : "")\" data-footnote-ref>\(number)</a></sup>"
        case .math(let pieces, let display):
            html += decorator.formula(pieces, display: display, at: node.range)
        case .citation(let index):
            html += decorator.citation(index)
        case .crossReference(let label):
            html += decorator.crossReference(label, at: node.range, linkless: linkless || inLink)
        default:
            inlineRun(node.children, linkless: linkless)
        }
    }

    private mutating func wrapped(_ tag: String, _ node: MarkdownNode, _ linkless: Bool) {
        html += "<\(tag)>"
        inlineRun(node.children, linkless: linkless)
        html += "</\(tag)>"
    }

    /// An image's `alt` text, as cmark's renderer writes it in its plain mode.
    private func plain(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .text(let text), .code(let text), .htmlInline(let text): HTMLEscape.cmarkText(text)
        case .softBreak, .lineBreak: " "
        case .math, .citation, .crossReference: HTMLEscape.cmarkText(decorator.plainText(node))
        default: node.children.map(plain).joined()
        }
    }

    /// A link target as cmark writes it: dropped when dangerous and raw HTML
    /// is filtered, else percent-encoded.
    private func href(_ url: String, image: Bool) -> String {
        rawHTML == .filtered && TagFilter.isDangerous(url) ? "" : HTMLEscape.cmarkHref(url)
    }
}
