/// A figure that can draw itself in a terminal with Braille dots and ANSI
/// colours (which a caller strips for a terminal without colour).
public protocol TerminalDrawable {
    /// The figure in about `width` columns of text.
    func terminal(width: Int) -> String
}

extension Plot: TerminalDrawable {
    /// The plot area of Braille characters, its y range on the left, its x range
    /// below, the title above and a legend of its named series and categories.
    public func terminal(width: Int) -> String {
        let limits = axisLimits
        let yLabels = [limits.y.upperBound, limits.y.lowerBound].map(Self.short)
        let labelWidth = yLabels.map(\.count).max() ?? 0
        let columns = max(16, width - labelWidth - 2)
        // A character is about twice as tall as it is wide.
        let rows = min(16, max(6, Int((Double(columns) * height / self.width / 2).rounded())))
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
            guard x.isFinite, y.isFinite else { return nil }
            let u = (x - limits.x.lowerBound) / (limits.x.upperBound - limits.x.lowerBound)
            let v = (y - limits.y.lowerBound) / (limits.y.upperBound - limits.y.lowerBound)
            return (Int((u * Double(canvas.dotWidth - 1)).rounded()), Int(((1 - v) * Double(canvas.dotHeight - 1)).rounded()))
        }
        if let regions { drawRegions(regions, on: &canvas, dot: dot) }
        for series in series {
            var previous: (Int, Int)?
            for (x, y) in zip(series.x, series.y) {
                guard let point = dot(x, y) else { previous = nil; continue }
                switch series.style {
                case .dots: canvas.set(point.0, point.1, series.color)
                case .line: canvas.line(from: previous ?? point, to: point, series.color)
                case .steps:
                    if let previous {
                        canvas.line(from: previous, to: (point.0, previous.1), series.color)
                        canvas.line(from: (point.0, previous.1), to: point, series.color)
                    } else {
                        canvas.set(point.0, point.1, series.color)
                    }
                }
                previous = point
            }
        }
        for scatter in scatters {
            for (index, (x, y)) in zip(scatter.x, scatter.y).enumerated() {
                guard let point = dot(x, y) else { continue }
                canvas.set(point.0, point.1, Palette.color(scatter.categories[index]))
            }
        }

        var lines: [String] = []
        if !title.isEmpty { lines.append(title) }
        let pad = String(repeating: " ", count: labelWidth)
        for (row, text) in canvas.lines().enumerated() {
            let label = row == 0 ? yLabels[0] : row == rows - 1 ? yLabels[1] : ""
            lines.append(String(repeating: " ", count: labelWidth - label.count) + label + " ┤" + text)
        }
        let low = Self.short(limits.x.lowerBound), high = Self.short(limits.x.upperBound)
        lines.append(pad + " └" + String(repeating: "─", count: columns))
        lines.append(pad + "  " + low + String(repeating: " ", count: max(1, columns - low.count - high.count)) + high)
        if !xAxis.label.isEmpty || !yAxis.label.isEmpty {
            lines.append(pad + "  x: \(xAxis.label)" + (yAxis.label.isEmpty ? "" : "   y: \(yAxis.label)"))
        }
        let legend = series.filter { !$0.name.isEmpty }.map { Self.key($0.color) + " " + $0.name }
            + scatters.flatMap { scatter in scatter.names.enumerated().map { Self.key(Palette.color($0.offset)) + " " + $0.element } }
        if !legend.isEmpty { lines.append(pad + "  " + legend.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    /// Marks each character of the plot area with its class's light colour, and
    /// the dots where the class changes, so the boundary shows without colour too.
    private func drawRegions(_ regions: RegionGrid, on canvas: inout BrailleCanvas, dot: (Double, Double) -> (Int, Int)?) {
        let limits = axisLimits
        func classAt(dotX: Int, dotY: Int) -> Int? {
            let x = limits.x.lowerBound + (Double(dotX) + 0.5) / Double(canvas.dotWidth) * (limits.x.upperBound - limits.x.lowerBound)
            let y = limits.y.upperBound - (Double(dotY) + 0.5) / Double(canvas.dotHeight) * (limits.y.upperBound - limits.y.lowerBound)
            guard regions.x.contains(x), regions.y.contains(y) else { return nil }
            let column = min(regions.columns - 1, Int((x - regions.x.lowerBound) / (regions.x.upperBound - regions.x.lowerBound) * Double(regions.columns)))
            let row = min(regions.rows - 1, Int((y - regions.y.lowerBound) / (regions.y.upperBound - regions.y.lowerBound) * Double(regions.rows)))
            return regions[column, row]
        }
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                if let kind = classAt(dotX: column * 2, dotY: row * 4) {
                    canvas.background(column: column, row: row, Self.shade(Palette.color(kind)))
                }
            }
        }
        for y in 0..<canvas.dotHeight {
            for x in 0..<canvas.dotWidth - 1 {
                if let a = classAt(dotX: x, dotY: y), let b = classAt(dotX: x + 1, dotY: y), a != b {
                    canvas.set(x, y, Color(red: 160, green: 160, blue: 160))
                }
            }
        }
    }

    /// A dark shade of `color`, for backgrounds under dots.
    private static func shade(_ color: Color) -> Color {
        Color(red: UInt8(Double(color.red) * 0.3), green: UInt8(Double(color.green) * 0.3), blue: UInt8(Double(color.blue) * 0.3))
    }

    /// A legend key: a coloured block.
    private static func key(_ color: Color) -> String {
        "\u{1B}[38;2;\(color.red);\(color.green);\(color.blue)m●\u{1B}[0m"
    }

    /// A tick value in a few characters.
    static func short(_ value: Double) -> String {
        let text = String(format: "%.3g", value)
        return text == "-0" ? "0" : text
    }
}

extension Subplots: TerminalDrawable {
    /// The panels one below the other, each the full width.
    public func terminal(width: Int) -> String {
        ([title].filter { !$0.isEmpty } + panels.map { $0.terminal(width: width) }).joined(separator: "\n\n")
    }
}

extension NetworkDiagram: TerminalDrawable {
    /// The layers with their sizes, node labels, notes and highlighted nodes,
    /// then each layer's edge labels as a small matrix (rows: source nodes,
    /// columns: target nodes).
    public func terminal(width: Int) -> String {
        var lines: [String] = []
        if !title.isEmpty { lines.append(title) }
        let names = layers.indices.map { layerNames.indices.contains($0) ? layerNames[$0] : "layer \($0 + 1)" }
        lines.append(zip(names, layers).map { "\($0) (\($1))" }.joined(separator: " → "))
        for (layer, name) in names.enumerated() where nodeLabels.indices.contains(layer) {
            lines.append("  \(name): " + nodeLabels[layer].joined(separator: "  "))
        }
        for (layer, name) in names.enumerated() {
            let notes = (0..<layers[layer]).map { nodeNote(layer: layer, node: $0) }.filter { !$0.isEmpty }
            if !notes.isEmpty { lines.append("  \(name), notes: " + notes.joined(separator: "  ")) }
        }
        if !highlighted.isEmpty {
            lines.append("  highlighted: " + highlighted.sorted().map { "\(names[$0.layer]) node \($0.node + 1)" }.joined(separator: ", "))
        }
        for layer in layers.indices.dropLast() where edgeLabels.indices.contains(layer) {
            lines.append("  \(names[layer]) → \(names[layer + 1]):")
            let table = (0..<layers[layer]).map { from in (0..<layers[layer + 1]).map { to in edgeLabel(layer: layer, from: from, to: to) } }
            let cellWidth = table.flatMap { $0 }.map(\.count).max() ?? 0
            for row in table {
                lines.append("    " + row.map { String(repeating: " ", count: cellWidth - $0.count) + $0 }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
