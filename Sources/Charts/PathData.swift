/// Compact SVG path data from points in page coordinates.
enum PathData {
    /// A polyline as `M x y` then `H x`, `V y` or `L x y` (a repeated `L`
    /// left implicit) for each point; points that round to the previous one
    /// are skipped.
    static func polyline(_ points: [Point]) -> String {
        guard let first = points.first else { return "" }
        var data = "M\(first.x.svgCoordinate) \(first.y.svgCoordinate)"
        var previous = (x: first.x.svgCoordinate, y: first.y.svgCoordinate)
        var lastWasLine = false
        for point in points.dropFirst() {
            let x = point.x.svgCoordinate, y = point.y.svgCoordinate
            if x == previous.x && y == previous.y { continue }
            if y == previous.y {
                data += "H" + x
                lastWasLine = false
            } else if x == previous.x {
                data += "V" + y
                lastWasLine = false
            } else {
                data += (lastWasLine ? " " : "L") + x + " " + y
                lastWasLine = true
            }
            previous = (x, y)
        }
        return data
    }

    /// A zero-length segment at each point: with a round line cap and a
    /// stroke as wide as a dot, each becomes a dot.
    static func dots(_ points: [Point]) -> String {
        points.map { "M\($0.x.svgCoordinate) \($0.y.svgCoordinate)h0" }.joined()
    }
}
