/// An axis-aligned rectangle in SVG user units (y grows downwards).
struct Rect: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// Whether `point` lies inside or on the edge.
    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }

    /// Whether the two rectangles share interior.
    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether the segment from `a` to `b` passes through the rectangle.
    func intersects(segmentFrom a: Point, to b: Point) -> Bool {
        // Liang–Barsky: clip the parameter interval [0, 1] against each side.
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// The rectangle grown by `amount` on every side.
    func grown(by amount: Double) -> Rect {
        Rect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }

    /// The `rect` element's geometry attributes.
    var svgAttributes: String {
        "x=\"\(x.svgCoordinate)\" y=\"\(y.svgCoordinate)\" width=\"\(width.svgCoordinate)\" height=\"\(height.svgCoordinate)\""
    }
}

/// A point in SVG user units.
struct Point: Hashable {
    var x: Double
    var y: Double
}
