import CellOutput

/// Shows a chart or diagram: the site draws its SVG, the recorded output holds its
/// one-line summary, and `lecture run` draws it in the terminal.
public func show(_ figure: some Figure) {
    let kind: Display.Kind = figure is NetworkDiagram ? .diagram : .chart
    let terminal = underRunner ? (figure as? TerminalDrawable)?.terminal(width: 72) : nil
    emit(.display(Display(kind: kind, text: figure.summary, svg: figure.svg(), terminal: terminal)))
}

/// Shows a matrix as a table: the site lays it out with numbers aligned right, the
/// recorded output holds it as `print` writes it (NumPy's style), after its title.
///
/// - Parameters:
///   - title: a caption, e.g. `"dJ/dW"`.
///   - columns: column titles, one per column.
///   - rows: row titles, one per row.
public func show(_ matrix: Matrix, title: String? = nil, columns: [String]? = nil, rows: [String]? = nil) {
    precondition(columns.map { $0.count == matrix.columns } ?? true,
                 "show: \(columns?.count ?? 0) column titles for a matrix of \(matrix.columns) columns")
    precondition(rows.map { $0.count == matrix.rows } ?? true,
                 "show: \(rows?.count ?? 0) row titles for a matrix of \(matrix.rows) rows")
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
    emit(.display(Display(kind: .table, text: text, table: Table(title: title, header: header, rows: cells, numericColumns: numeric))))
}

/// Shows a table of any values, one row per element of `rows`: the site lays it
/// out as HTML, the recorded output holds it as aligned text.
public func show(table rows: [[Any]], header: [String], title: String? = nil) {
    let cells = rows.map { $0.map { String(describing: $0) } }
    precondition(cells.allSatisfy { $0.count == header.count },
                 "show(table:): every row needs \(header.count) values, one per column title")
    let numeric = header.indices.map { column in cells.allSatisfy { Double($0[column]) != nil } }
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
                          table: Table(title: title, header: header, rows: cells, numericColumns: numeric))))
}
