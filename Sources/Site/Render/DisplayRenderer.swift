import Escaping
import CellOutput
import Literate

/// A table or figure a cell showed: a table laid out from its cells (numbers
/// aligned right), a chart or diagram as its inline SVG. A numbered one (shown
/// with a caption or a label) carries its label as its `id` and its number in
/// its caption: under a figure, `<figcaption>Figure 2. …</figcaption>`; over a
/// table, `<caption>Table 1. …</caption>`.
enum DisplayRenderer {
    static func html(_ display: Display, numbered: ChapterFigures.Entry? = nil) -> String {
        let id = display.label.map { " id=\"\(HTMLEscape.text($0))\"" } ?? ""
        switch display.kind {
        case .table:
            guard let table = display.table else { return fallback(display) }
            return "<div class=\"out table\"\(id)>\n\(html(table, numbered: numbered))</div>\n"
        case .chart, .diagram:
            guard let svg = display.svg else { return fallback(display) }
            var figure = "<figure class=\"out \(display.kind.rawValue)\"\(id)>\n\(svg.hasSuffix("\n") ? svg : svg + "\n")"
            if let numbered { figure += "<figcaption>\(caption(numbered.name, numbered.caption))</figcaption>\n" }
            return figure + "</figure>\n"
        }
    }

    static func html(_ table: Table, numbered: ChapterFigures.Entry? = nil) -> String {
        func cell(_ tag: String, _ text: String, column: Int) -> String {
            let numeric = table.numericColumns.indices.contains(column) && table.numericColumns[column]
            return "<\(tag)\(numeric ? " class=\"num\"" : "")>\(HTMLEscape.text(text))</\(tag)>"
        }
        var html = "<table>\n"
        if let numbered {
            html += "<caption>\(caption(numbered.name, numbered.caption))</caption>\n"
        } else if let title = table.title, !title.isEmpty {
            html += "<caption>\(HTMLEscape.text(title))</caption>\n"
        }
        if let header = table.header {
            html += "<thead>\n<tr>" + header.enumerated().map { cell("th", $1, column: $0) }.joined() + "</tr>\n</thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { cell("td", $1, column: $0) }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// "Figure 2. The loss." with the number marked for the stylesheet.
    private static func caption(_ name: String, _ text: String?) -> String {
        let number = "<span class=\"figure-number\">\(HTMLEscape.text(name))\((text ?? "").isEmpty ? "" : ".")</span>"
        guard let text, !text.isEmpty else { return number }
        return number + " " + HTMLEscape.text(text)
    }

    /// A display without its published form shows its recorded text.
    private static func fallback(_ display: Display) -> String {
        "<pre class=\"printed\">\(HTMLEscape.text(CellRenderer.trimmingFinalNewline(display.text)))</pre>\n"
    }
}
