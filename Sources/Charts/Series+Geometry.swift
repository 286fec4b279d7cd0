extension Series {
    /// The polylines the series is drawn as, in page coordinates: one per run
    /// of finite points (a non-finite point breaks the line). A step series
    /// gets a corner before each jump; a dot series is one run of its dots.
    func runs(in projection: Projection) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for (x, y) in zip(x, y) {
            guard x.isFinite, y.isFinite else {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            let point = projection.point(x, y)
            if style == .steps, let last = current.last {
                current.append(Point(x: point.x, y: last.y))
            }
            current.append(point)
        }
        if !current.isEmpty { runs.append(current) }
        return style == .dots ? [runs.flatMap { $0 }] : runs
    }
}
