import Escaping
import Foundation

/// Where an edge label goes: along its edge, turned to its direction, at the
/// first of a few positions along the edge, above it or else below it, where
/// it touches no node and no label placed before it and, as far as it can,
/// no other edge: a label that another edge runs through reads as that
/// edge's.
struct EdgeLabelPlacement {
    /// Fractions of the edge's length tried in turn, on the side above the
    /// edge, then on the side below.
    static let positions = [0.5, 0.35, 0.65, 0.25, 0.75, 0.18, 0.82]

    /// The label's centre.
    let center: Point
    /// The turn of the text, in degrees clockwise, between −90 and 90.
    let angle: Double

    /// Places each label in turn: `edges[k]` runs between two node centres
    /// and carries `labels[k]`; nodes are discs of `radius` at `nodes`, and
    /// `obstacles` are further boxes to keep clear of (notes under nodes).
    /// Of the candidate places, the one that overlaps the fewest nodes,
    /// obstacles and labels wins; among those, the one that the fewest other
    /// edges cross; among those, the first tried.
    static func place(
        labels: [String], edges: [(Point, Point)], nodes: [Point], radius: Double, obstacles: [Rect] = []
    ) -> [EdgeLabelPlacement] {
        let nodeBoxes = nodes.map { Rect(x: $0.x - radius, y: $0.y - radius, width: 2 * radius, height: 2 * radius) } + obstacles
        // Boxes to keep clear of: the nodes', the obstacles', then each placed label's.
        var taken = nodeBoxes
        return zip(labels, edges).enumerated().map { k, pair in
            let (label, edge) = pair
            let candidates = [1.0, -1.0].flatMap { side in positions.map { candidate(label: label, edge: edge, at: $0, side: side) } }
            let costs = candidates.map { placed in
                let overlaps = taken.filter { $0.intersects(placed.box) }.count
                let crossings = edges.indices.filter { $0 != k && placed.isCrossed(by: edges[$0]) }.count
                return (overlaps, crossings)
            }
            let best = costs.indices.min { costs[$0] < costs[$1] } ?? 0
            if !label.isEmpty { taken.append(candidates[best].box) }
            return candidates[best].placement
        }
    }

    /// The label at fraction `t` of `edge`, lifted off it on the side above
    /// (`side` 1, towards smaller y) or below (−1).
    private static func candidate(label: String, edge: (Point, Point), at t: Double, side: Double) -> Candidate {
        let (a, b) = edge
        let dx = b.x - a.x, dy = b.y - a.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        // The unit normal that points up the page (towards smaller y).
        let normal = dx >= 0 ? Point(x: dy / length, y: -dx / length) : Point(x: -dy / length, y: dx / length)
        let lift = (Stylesheet.tickSize * 0.5 + 2) * side
        let center = Point(x: a.x + dx * t + normal.x * lift, y: a.y + dy * t + normal.y * lift)
        var angle = atan2(dy, dx) * 180 / .pi
        if angle > 90 { angle -= 180 } else if angle < -90 { angle += 180 }
        let w = TextMetrics.width(of: label, fontSize: Stylesheet.tickSize), h = Stylesheet.tickSize
        let cosine = abs(dx / length), sine = abs(dy / length)
        let boxWidth = w * cosine + h * sine, boxHeight = w * sine + h * cosine
        let box = Rect(x: center.x - boxWidth / 2, y: center.y - boxHeight / 2, width: boxWidth, height: boxHeight)
        return Candidate(placement: EdgeLabelPlacement(center: center, angle: angle), box: box, width: w, height: h)
    }

    /// A place tried for a label: where it goes, the upright box around its
    /// turned text (for overlaps), and the text's own width and height.
    private struct Candidate {
        let placement: EdgeLabelPlacement
        let box: Rect
        let width: Double
        let height: Double

        /// Whether the segment between `edge`'s ends runs through the turned
        /// text or within `clearance` of it: the segment turned back by the
        /// text's angle about its centre, against the text's upright
        /// rectangle grown by the clearance.
        func isCrossed(by edge: (Point, Point), clearance: Double = 3) -> Bool {
            guard width > 0 else { return false }
            let turn = -placement.angle * .pi / 180, c = placement.center
            let cosine = cos(turn), sine = sin(turn)
            func local(_ p: Point) -> Point {
                let x = p.x - c.x, y = p.y - c.y
                return Point(x: x * cosine - y * sine, y: x * sine + y * cosine)
            }
            let text = Rect(x: -width / 2, y: -height / 2, width: width, height: height).grown(by: clearance)
            return text.intersects(segmentFrom: local(edge.0), to: local(edge.1))
        }
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
