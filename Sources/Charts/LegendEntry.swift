/// One row of a legend: a name beside a sample of how its data is drawn.
struct LegendEntry {
    enum Mark {
        case line
        case dot
        case marker(radius: Double, outlined: Bool)
    }

    var label: String
    var color: Color
    var mark: Mark
}

extension Plot {
    /// An entry for each named series, then for each named category of each
    /// scatter.
    var legendEntries: [LegendEntry] {
        let lines = series.filter { !$0.name.isEmpty }.map { series in
            LegendEntry(label: series.name, color: series.color, mark: series.style == .dots ? .dot : .line)
        }
        let categories = scatters.flatMap { scatter in
            scatter.names.indices.filter { !scatter.names[$0].isEmpty }.map { k in
                LegendEntry(
                    label: scatter.names[k], color: Palette.color(k),
                    mark: .marker(radius: scatter.radius, outlined: scatter.outlined))
            }
        }
        return lines + categories
    }
}
