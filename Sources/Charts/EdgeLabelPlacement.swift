import Escaping
import Foundation

/// Where an edge label goes: along its edge, just above it, turned to its
/// direction, at the first of a few positions along the edge where it
/// touches no node and no label placed before it.
struct EdgeLabelPlacement {
    /// Fractions of the edge's length tried in turn.
    static let positions = [0.5, 0.35, 0.65, 0.25, 0.75, 0.18, 0.82]

    /// The label's centre.
    let center: Point
    /// The turn of the text, in degrees clockwise, between −90 and 90.
    let angle: Double

    /// Places each label in turn: `edges[k]` runs between two node centres
    /// and carries `labels[k]`; nodes are discs of `radius` at `nodes`, and
    /// `obstacles` are further boxes to keep clear of (notes under nodes).
    static func place(
        labels: [String], edges: [(Point, Point)], nodes: [Point], radius: Double, obstacles: [Rect] = []
    ) -> [EdgeLabelPlacement] {
        let nodeBoxes = nodes.map { Rect(x: $0.x - radius, y: $0.y - radius, width: 2 * radius, height: 2 * radius) } + obstacles
        var taken: [Rect] = []
        return zip(labels, edges).map { label, edge in
            let candidates = positions.map { candidate(label: label, edge: edge, at: $0) }
            let overlaps = candidates.map { placed in (nodeBoxes + taken).filter { $0.intersects(placed.box) }.count }
            let best = overlaps.firstIndex(of: overlaps.min() ?? 0) ?? 0
            if !label.isEmpty { taken.append(candidates[best].box) }
            return candidates[best].placement
        }
    }

    private static func candidate(label: String, edge: (Point, Point), at t: Double) -> (placement: EdgeLabelPlacement, box: Rect) {
        let (a, b) = edge
        let dx = b.x - a.x, dy = b.y - a.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        // The unit normal that points up the page (towards smaller y).
        let normal = dx >= 0 ? Point(x: dy / length, y: -dx / length) : Point(x: -dy / length, y: dx / length)
        let lift = Stylesheet.tickSize * 0.5 + 2
        let center = Point(x: a.x + dx * t + normal.x * lift, y: a.y + dy * t + normal.y * lift)
        var angle = atan2(dy, dx) * 180 / .pi
        if angle > 90 { angle -= 180 } else if angle < -90 { angle += 180 }
        let w = TextMetrics.width(of: label, fontSize: Stylesheet.tickSize), h = Stylesheet.tickSize
        let cosine = abs(dx / length), sine = abs(dy / length)
        let boxWidth = w * cosine + h * sine, boxHeight = w * sine + h * cosine
        let box = Rect(x: center.x - boxWidth / 2, y: center.y - boxHeight / 2, width: boxWidth, height: boxHeight)
        return (EdgeLabelPlacement(center: center, angle: angle), box)
    }
}

extension EdgeLabelPlacement {
    /// The non-empty `labels` as text, each at its placement and turned to
    /// its edge, in one group on a halo of the page's colour so that a label
    /// stays readable where another edge crosses it; in `color`, or the ink.
    static func svg(labels: [String], placements: [EdgeLabelPlacement], color: Color?) -> String {
        var out = "<g class=\"m h\"" + (color.map { " color=\"\($0.hexString)\"" } ?? "") + ">"
        for (label, placement) in zip(labels, placements) where !label.isEmpty {
            let x = placement.center.x.svgCoordinate, y = placement.center.y.svgCoordinate
            let baseline = (placement.center.y + Stylesheet.tickSize * 0.35).svgCoordinate
            out += "<text x=\"\(x)\" y=\"\(baseline)\" transform=\"rotate(\(placement.angle.svgCoordinate) \(x) \(y))\">\(HTMLEscape.text(label))</text>"
        }
        return out + "</g>\n"
    }

    /// The part of the segment from `a` to `b` outside the discs of radius
    /// `startRadius` around `a` and `endRadius` around `b`: an edge between
    /// two nodes, drawn from rim to rim.
    static func rimToRim(_ a: Point, _ b: Point, startRadius: Double, endRadius: Double) -> [Point] {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        return [Point(x: a.x + dx / length * startRadius, y: a.y + dy / length * startRadius),
                Point(x: b.x - dx / length * endRadius, y: b.y - dy / length * endRadius)]
    }
}
