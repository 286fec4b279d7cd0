extension Plot {
    /// The ranges the axes show. A fixed limit is kept as set. Otherwise an
    /// axis spans the data widened by 5 % at each end, or, when the plot has
    /// regions, exactly the regions' extent (grown to any data outside it).
    /// A degenerate range is widened (see `Ticks.nonsingular(_:)`); with no
    /// data at all an axis spans 0…1.
    public var axisLimits: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let points = series.flatMap(\.finitePoints) + scatters.flatMap { zip($0.x, $0.y).filter { $0.isFinite && $1.isFinite } }
        let x = xAxis.limits ?? Self.fit(points.map(\.0), regions: regions?.x)
        let y = yAxis.limits ?? Self.fit(points.map(\.1), regions: regions?.y)
        return (Ticks.nonsingular(x), Ticks.nonsingular(y))
    }

    private static func fit(_ values: [Double], regions: ClosedRange<Double>?) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return regions ?? 0...1 }
        if let regions { return min(low, regions.lowerBound)...max(high, regions.upperBound) }
        let margin = (high - low) * 0.05
        return (low - margin)...(high + margin)
    }
}
