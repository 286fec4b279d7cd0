import Escaping
import CellOutput

/// A table or figure a cell showed: a table laid out from its cells (numbers
/// aligned right), a chart or diagram as its inline SVG.
enum DisplayRenderer {
    static func html(_ display: Display) -> String {
        switch display.kind {
        case .table:
            guard let table = display.table else { return fallback(display) }
            return "<div class=\"out table\">\n\(html(table))</div>\n"
        case .chart, .diagram:
            guard let svg = display.svg else { return fallback(display) }
            return "<figure class=\"out \(display.kind.rawValue)\">\n\(svg.hasSuffix("\n") ? svg : svg + "\n")</figure>\n"
        }
    }

    static func html(_ table: Table) -> String {
        func cell(_ tag: String, _ text: String, column: Int) -> String {
            let numeric = table.numericColumns.indices.contains(column) && table.numericColumns[column]
            return "<\(tag)\(numeric ? " class=\"num\"" : "")>\(HTMLEscape.text(text))</\(tag)>"
        }
        var html = "<table>\n"
        if let title = table.title, !title.isEmpty {
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

    /// A display without its published form shows its recorded text.
    private static func fallback(_ display: Display) -> String {
        "<pre class=\"printed\">\(HTMLEscape.text(CellRenderer.trimmingFinalNewline(display.text)))</pre>\n"
    }
}
