extension Plot {
    /// `chart "Title": ` then each layer, separated by `; `, in drawing order:
    /// `regions 280×220 cells, x ∈ […], y ∈ […], class 0 31000 cells, …`,
    /// `line "loss" 100 points, x ∈ […], y ∈ […]`,
    /// `scatter 150 points, x ∈ […], y ∈ […], "Setosa" 50, "Non-setosa" 100`.
    public var summary: String {
        let head = title.isEmpty ? "chart" : "chart \(title.summaryQuoted)"
        let parts = (regions.map { [Self.summary(of: $0)] } ?? []) + series.map(Self.summary(of:)) + scatters.map(Self.summary(of:))
        return head + ": " + (parts.isEmpty ? "empty" : parts.joined(separator: "; "))
    }

    private static func summary(of series: Series) -> String {
        let points = series.finitePoints
        let name = series.name.isEmpty ? "" : " " + series.name.summaryQuoted
        return "\(series.style.rawValue)\(name) \(points.count) points" + ranges(points.map(\.x), points.map(\.y))
    }

    private static func summary(of scatter: Scatter) -> String {
        let counts = scatter.presentCategories.map { k in
            let name = k < scatter.names.count && !scatter.names[k].isEmpty ? scatter.names[k].summaryQuoted : "category \(k)"
            return "\(name) \(scatter.categories.filter { $0 == k }.count)"
        }
        let categories = counts.count > 1 || !scatter.names.isEmpty ? ", " + counts.joined(separator: ", ") : ""
        return "scatter \(scatter.x.count) points" + ranges(scatter.x, scatter.y) + categories
    }

    private static func summary(of grid: RegionGrid) -> String {
        let classes = grid.classesByFrequency.sorted { $0.class < $1.class }.map { "class \($0.class) \($0.cells) cells" }
        return "regions \(grid.columns)×\(grid.rows) cells, x ∈ \(grid.x.summaryText), y ∈ \(grid.y.summaryText), "
            + classes.joined(separator: ", ")
    }

    /// `, x ∈ [a, b], y ∈ [c, d]` over the finite values, or nothing when
    /// there are none.
    private static func ranges(_ x: [Double], _ y: [Double]) -> String {
        let x = x.filter(\.isFinite), y = y.filter(\.isFinite)
        guard let x0 = x.min(), let x1 = x.max(), let y0 = y.min(), let y1 = y.max() else { return "" }
        return ", x ∈ \((x0...x1).summaryText), y ∈ \((y0...y1).summaryText)"
    }
}
