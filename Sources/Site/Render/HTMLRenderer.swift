import Escaping
import Foundation
import Literate

/// What a page adds to cmark-gfm's HTML, or puts in place of a node: cells,
/// formulas, citations, heading anchors, resolved link targets.
/// ``HTMLRenderer`` calls these and writes everything else as cmark-gfm does.
protocol HTMLDecorator {
    /// A cell, or the recorded output of one (usually nothing).
    mutating func cell(_ index: Int) -> String
    mutating func recordedOutput(ofCell index: Int) -> String
    mutating func formula(_ pieces: [MarkdownNode.MathPiece], display: Bool, at range: SourceRange) -> String
    mutating func citation(_ index: Int) -> String
    /// The plain text a formula or citation stands for, for an image's `alt`.
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
    /// Footnote definitions by number, and how many references each has had.
    private var footnoteLabels: [Int: String] = [:]
    private var footnoteReferences: [Int: Int] = [:]
    private var footnotesOpen = false

    init(decorator: Decorator, rawHTML: RawHTMLPolicy) {
        self.decorator = decorator
        self.rawHTML = rawHTML
    }

    /// The HTML of `document`.
    mutating func render(_ document: MarkdownNode) -> String {
        html = ""
        var number = 0
        for child in document.children {
            if case .footnoteDefinition(let label) = child.kind {
                number += 1
                footnoteLabels[number] = label
            }
        }
        block(document, tight: false)
        if footnotesOpen { html += "</ol>\n</section>\n" }
        return html
    }

    /// The inline HTML of `nodes` on its own, for titles and outlines: without
    /// links and raw HTML when `linkless`.
    mutating func inlines(_ nodes: [MarkdownNode], linkless: Bool) -> String {
        let saved = html
        html = ""
        for node in nodes { inline(node, linkless: linkless) }
        let result = html
        html = saved
        return result
    }

    // MARK: Blocks

    /// cmark's `cmark_html_render_cr`: a line break unless at the start of a line.
    private mutating func cr() {
        if !html.isEmpty, !html.hasSuffix("\n") { html += "\n" }
    }

    private mutating func block(_ node: MarkdownNode, tight: Bool, lastInFootnote: Int? = nil) {
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
            for child in node.children { inline(child, linkless: false) }
            if let id, level > 1 {
                let label = "Link to this section: " + node.plainText(citation: { _ in "" }).trimmingCharacters(in: .whitespaces)
                html += "<a class=\"anchor\" href=\"#\(HTMLEscape.text(id))\" aria-label=\"\(HTMLEscape.text(label))\">#</a>"
            }
            html += "</h\(level)>\n"
        case .codeBlock(let code):
            cr()
            html += "<pre class=\"code\" tabindex=\"0\">"
            let language = code.info.prefix { !" \t\n\u{0B}\u{0C}\r".contains($0) }
            html += language.isEmpty ? "<code>" : "<code class=\"language-\(HTMLEscape.cmarkText(String(language)))\">"
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
            for child in node.children { inline(child, linkless: false) }
            if let footnote = lastInFootnote { html += " " + backReferences(footnote) }
            if !tight { html += "</p>\n" }
        case .table(let alignments):
            table(node, alignments: alignments)
        case .footnoteDefinition(let label):
            if !footnotesOpen {
                html += "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
                footnotesOpen = true
            }
            let number = footnoteLabels.first { $0.value == label }?.key ?? 0
            html += "<li id=\"fn-\(HTMLEscape.cmarkHref(label))\">\n"
            let endsWithParagraph = node.children.last.map { $0.kind == .paragraph } ?? false
            for (offset, child) in node.children.enumerated() {
                let isLast = offset == node.children.count - 1
                block(child, tight: false, lastInFootnote: isLast && endsWithParagraph ? number : nil)
            }
            if !endsWithParagraph { html += backReferences(number) + "\n" }
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
                for child in cell.children { inline(child, linkless: false) }
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

    /// The links from footnote `number` back to each of its references.
    private func backReferences(_ number: Int) -> String {
        let label = HTMLEscape.cmarkHref(footnoteLabels[number] ?? "")
        let count = max(footnoteReferences[number] ?? 1, 1)
        return (1...count).map { index in
            let suffix = index > 1 ? "-\(index)" : ""
            let mark = index > 1 ? "↩<sup class=\"footnote-ref\">\(index)</sup>" : "↩"
            return "<a href=\"#fnref-\(label)\(suffix)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">\(mark)</a>"
        }.joined(separator: " ")
    }

    // MARK: Inlines

    private mutating func inline(_ node: MarkdownNode, linkless: Bool) {
        switch node.kind {
        case .text(let text): html += HTMLEscape.cmarkText(text)
        case .softBreak: html += "\n"
        case .lineBreak: html += linkless ? " " : "<br />\n"
        case .code(let code): html += "<code>\(HTMLEscape.cmarkText(code))</code>"
        case .htmlInline(let literal):
            guard !linkless else { return }
            html += rawHTML == .filtered && TagFilter.isFilteredTag(literal[...]) ? "&lt;" + literal.dropFirst() : literal
        case .emphasis: wrapped("em", node, linkless)
        case .strong: wrapped("strong", node, linkless)
        case .strikethrough: wrapped("del", node, linkless)
        case .link(let url, let title):
            if linkless {
                for child in node.children { inline(child, linkless: true) }
                return
            }
            let target = decorator.target(url, at: node.range, image: false)
            html += "<a href=\"\(href(target, image: false))\""
            if !title.isEmpty { html += " title=\"\(HTMLEscape.cmarkText(title))\"" }
            html += ">"
            for child in node.children { inline(child, linkless: false) }
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
        case .footnoteReference(let label):
            let number = Int(label) ?? 0
            footnoteReferences[number, default: 0] += 1
            let index = footnoteReferences[number]!
            let target = HTMLEscape.cmarkHref(footnoteLabels[number] ?? label)
            html += "<sup class=\"footnote-ref\"><a href=\"#fn-\(target)\" id=\"fnref-\(target)\(index > 1 ? "-\(index)" : "")\" data-footnote-ref>\(number)</a></sup>"
        case .math(let pieces, let display):
            html += decorator.formula(pieces, display: display, at: node.range)
        case .citation(let index):
            html += decorator.citation(index)
        default:
            for child in node.children { inline(child, linkless: linkless) }
        }
    }

    private mutating func wrapped(_ tag: String, _ node: MarkdownNode, _ linkless: Bool) {
        html += "<\(tag)>"
        for child in node.children { inline(child, linkless: linkless) }
        html += "</\(tag)>"
    }

    /// An image's `alt` text, as cmark's renderer writes it in its plain mode.
    private func plain(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .text(let text), .code(let text), .htmlInline(let text): HTMLEscape.cmarkText(text)
        case .softBreak, .lineBreak: " "
        case .math, .citation: HTMLEscape.cmarkText(decorator.plainText(node))
        default: node.children.map(plain).joined()
        }
    }

    /// A link target as cmark writes it: dropped when dangerous and raw HTML
    /// is filtered, else percent-encoded.
    private func href(_ url: String, image: Bool) -> String {
        rawHTML == .filtered && TagFilter.isDangerous(url) ? "" : HTMLEscape.cmarkHref(url)
    }
}
