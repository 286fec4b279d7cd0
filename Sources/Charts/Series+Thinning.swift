extension Series {
    /// The width, in page units, of the columns within which a long run of
    /// points is thinned: a pixel at the default size.
    static let thinningColumn = 1.0

    /// `run` with at most four points per column of ``thinningColumn`` units:
    /// the first, the lowest, the highest and the last of the points that fall
    /// in it, in their order (the M4 method). At that width the drawn line looks
    /// the same, while a curve of thousands of points keeps a few hundred.
    /// Runs that never put more than four points in a column are kept as they are.
    static func thinned(_ run: [Point]) -> [Point] {
        var kept: [Point] = []
        kept.reserveCapacity(min(run.count, 4096))
        var start = 0
        while start < run.count {
            let column = (run[start].x / thinningColumn).rounded(.down)
            var end = start + 1
            while end < run.count, (run[end].x / thinningColumn).rounded(.down) == column { end += 1 }
            if end - start <= 4 {
                kept += run[start..<end]
            } else {
                let bucket = run[start..<end]
                let lowest = bucket.indices.min { run[$0].y < run[$1].y }!
                let highest = bucket.indices.max { run[$0].y < run[$1].y }!
                let chosen = Set([start, lowest, highest, end - 1]).sorted()
                kept += chosen.map { run[$0] }
            }
            start = end
        }
        return kept
    }

    /// Dots that fall on the same spot, to ``thinningColumn`` units, are drawn once.
    static func distinctDots(_ dots: [Point]) -> [Point] {
        var seen = Set<[Double]>()
        return dots.filter { point in
            seen.insert([(point.x / thinningColumn).rounded(), (point.y / thinningColumn).rounded()]).inserted
        }
    }
}
