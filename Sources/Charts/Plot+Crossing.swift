extension Plot {
    /// Whether any drawn data (a line, a dot, a marker; not regions, which
    /// are background) falls inside `rect` on the page.
    func crosses(_ rect: Rect, in projection: Projection) -> Bool {
        for series in series {
            for run in series.runs(in: projection) {
                if series.style == .dots || run.count == 1 {
                    if run.contains(where: { rect.grown(by: 2.5).contains($0) }) { return true }
                } else if zip(run, run.dropFirst()).contains(where: { rect.intersects(segmentFrom: $0, to: $1) }) {
                    return true
                }
            }
        }
        return scatters.contains { scatter in
            let grown = rect.grown(by: scatter.radius)
            return zip(scatter.x, scatter.y).contains { grown.contains(projection.point($0, $1)) }
        }
    }
}
