import CellOutput

/// Shows a chart or diagram: the site draws its SVG, the recorded output holds its
/// one-line summary (after its caption), and `lecture run` draws it in the terminal.
///
/// - Parameters:
///   - caption: what the site writes under it, after its number: "Figure 2. …".
///   - label: the name prose refers to it by, `fig-` and then letters, digits,
///     `-` or `_`: `@fig-loss` in the text becomes a link "Figure 2". A figure
///     with a caption or a label is numbered, in the order of the chapter.
public func show(_ figure: some Figure, caption: String? = nil, label: String? = nil) {
    emitFigure(figure, kind: figure is NetworkDiagram ? .diagram : .chart, caption: caption, label: label)
}

/// Emits a chart or diagram's display event, the caption over its summary.
func emitFigure(_ figure: some Figure, kind: Display.Kind, caption: String?, label: String?) {
    checkLabel(label, of: kind)
    let terminal = (figure as? TerminalDrawable)?.terminal(width: 72)
    let text = (caption.map { $0 + "\n" } ?? "") + figure.summary
    emit(.display(Display(kind: kind, text: text, svg: figure.svg(), terminal: terminal, caption: caption, label: label)))
}

private func checkLabel(_ label: String?, of kind: Display.Kind) {
    guard let label else { return }
    let prefix = Display.labelPrefix(of: kind)
    guard Display.isLabel(label, of: kind) else {
        fatalError("show: the label '\(label)' should be '\(prefix)' and then letters, digits, '-' or '_', ending with a letter or digit, e.g. '\(prefix)loss'")
    }
}

/// A table's caption: one of its title and its caption, as both name it.
private func tableHeading(title: String?, caption: String?) -> String? {
    guard title == nil || caption == nil else {
        fatalError("show: give a table a title or a caption, not both (a caption is a numbered title)")
    }
    return caption ?? title
}

/// Shows a matrix as a table: the site lays it out with numbers aligned right, the
/// recorded output holds it as `print` writes it (NumPy's style), after its title.
///
/// - Parameters:
///   - title: a title over it, e.g. `"dJ/dW"`.
///   - columns: column titles, one per column.
///   - rows: row titles, one per row.
///   - caption: a numbered title instead: "Table 1. …" on the site.
///   - label: the name prose refers to it by, `tbl-…`, as for ``show(_:caption:label:)``.
public func show(_ matrix: Matrix, title: String? = nil, columns: [String]? = nil, rows: [String]? = nil,
                 caption: String? = nil, label: String? = nil) {
    checkLabel(label, of: .table)
    let title = tableHeading(title: title, caption: caption)
    guard columns.map({ $0.count == matrix.columns }) ?? true else {
        fatalError("show: \(columns?.count ?? 0) column titles for a matrix of \(matrix.columns) columns")
    }
    guard rows.map({ $0.count == matrix.rows }) ?? true else {
        fatalError("show: \(rows?.count ?? 0) row titles for a matrix of \(matrix.rows) rows")
    }
    // NumPy's "3." marks a float; in a table it reads as a stray point.
    var cells = matrix.entryTexts.map { row in row.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } }
    var numeric = Array(repeating: true, count: matrix.columns)
    var header = columns
    if let rows {
        cells = zip(rows, cells).map { [$0] + $1 }
        numeric.insert(false, at: 0)
        header = header.map { [""] + $0 }
    }
    let text = (title.map { $0 + "\n" } ?? "") + matrix.description
    emit(.display(Display(kind: .table, text: text, table: Table(title: title, header: header, rows: cells, numericColumns: numeric),
                          caption: caption, label: label)))
}

/// Shows a table of any values, one row per element of `rows`: the site lays it
/// out as HTML, the recorded output holds it as aligned text. `caption` and
/// `label` number it, as for a matrix.
public func show(table rows: [[Any]], header: [String], title: String? = nil, caption: String? = nil, label: String? = nil) {
    checkLabel(label, of: .table)
    let title = tableHeading(title: title, caption: caption)
    let cells = rows.map { $0.map { String(describing: $0) } }
    guard cells.allSatisfy({ $0.count == header.count }) else {
        fatalError("show(table:): every row needs \(header.count) values, one per column title")
    }
    let numeric = header.indices.map { column in isNumeric(cells.map { $0[column] }) }
    let widths = header.indices.map { column in ([header[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0 }
    func line(_ row: [String]) -> String {
        row.enumerated().map { column, text in
            let padding = String(repeating: " ", count: widths[column] - text.count)
            return numeric[column] ? padding + text : text + padding
        }.joined(separator: "  ")
    }
    let lines = [line(header)] + cells.map(line)
    let text = (title.map { [$0] } ?? []) + lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    emit(.display(Display(kind: .table, text: text.joined(separator: "\n"),
                          table: Table(title: title, header: header, rows: cells, numericColumns: numeric),
                          caption: caption, label: label)))
}

/// Whether a table's column reads as numbers, aligned on the right: each entry
/// is a number as `Double` reads it, or a dash or nothing, which tables write
/// for "no value", and one at least is a number.
private func isNumeric(_ column: [String]) -> Bool {
    column.contains { Double($0) != nil } && column.allSatisfy { Double($0) != nil || ["", "—", "–", "-"].contains($0) }
}
