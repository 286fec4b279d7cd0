import Foundation
import Escaping
extension ComputationGraph: Figure {
    /// Inputs are tinted `Palette.color(0)`, made values `color(2)` and the
    /// last value, the result, `color(1)`.
    public func svg() -> String {
        let layout = ComputationGraphLayout(self)
        let document = SVGDocument(width: layout.width, height: layout.height, title: title, description: summary, id: id)
        var body = ""
        if !title.isEmpty {
            body += "<text class=\"t\" x=\"\((layout.width / 2).svgCoordinate)\" y=\"\(layout.titleBaseline.svgCoordinate)\">\(HTMLEscape.text(title))</text>\n"
        }
        body += arrowsSVG(layout) + nodesSVG(layout)
        return document.render { _ in body }
    }

    /// A smooth path from the bottom of each operand's box, through the
    /// waypoints of its layout, to its operation's circle, ending in an
    /// arrowhead on the circle: the arrows into one circle arrive spread over
    /// its upper half, ordered by where they come from, and an operand used
    /// twice by one operation leaves its box twice, a little apart.
    private func arrowsSVG(_ layout: ComputationGraphLayout) -> String {
        let r = layout.operationRadius
        var paths: [String] = [], heads: [String] = []
        var starts: [Point] = []
        for (e, edge) in edges.enumerated() {
            let operands = nodes[edge.to].inputs
            let k = edges[..<e].filter { $0.to == edge.to }.count
            let repeats = operands.filter { $0 == edge.from }.count
            let rank = operands[..<k].filter { $0 == edge.from }.count
            starts.append(Point(x: layout.boxes[edge.from].midX + (Double(rank) - Double(repeats - 1) / 2) * 10,
                                y: layout.boxes[edge.from].maxY))
        }
        /// Where edge `e` comes from in the row above its operation.
        func approach(_ e: Int) -> Double { layout.waypoints[e].last?.x ?? starts[e].x }
        for (e, edge) in edges.enumerated() {
            let start = starts[e]
            let siblings = edges.indices.filter { edges[$0].to == edge.to }
            let k = siblings.sorted { approach($0) != approach($1) ? approach($0) < approach($1) : $0 < $1 }.firstIndex(of: e)!
            // Spread over ±50° from the top of the circle.
            let angle = siblings.count == 1 ? 0 : (Double(k) / Double(siblings.count - 1) - 0.5) * 100 * .pi / 180
            let center = layout.operationCenter(edge.to)
            let radial = Point(x: sin(angle), y: -cos(angle))
            let tip = Point(x: center.x + radial.x * r, y: center.y + radial.y * r)
            let end = Point(x: tip.x + radial.x * 6, y: tip.y + radial.y * 6)
            let points = [start] + layout.waypoints[e] + [end]
            var d = "M\(start.x.svgCoordinate) \(start.y.svgCoordinate)"
            for (a, b) in zip(points, points.dropFirst()) {
                let bend = (b.y - a.y) / 2
                let last = b == end
                let c2 = last ? Point(x: b.x + radial.x * bend, y: b.y + radial.y * bend) : Point(x: b.x, y: b.y - bend)
                d += "C\(a.x.svgCoordinate) \((a.y + bend).svgCoordinate) \(c2.x.svgCoordinate) \(c2.y.svgCoordinate) "
                    + "\(b.x.svgCoordinate) \(b.y.svgCoordinate)"
            }
            paths.append(d)
            // A head 8 long and 7 wide, pointing along −radial, its point on the circle.
            let base = Point(x: tip.x + radial.x * 8, y: tip.y + radial.y * 8)
            heads.append("M\(tip.x.svgCoordinate) \(tip.y.svgCoordinate)"
                + "L\((base.x - radial.y * 3.5).svgCoordinate) \((base.y + radial.x * 3.5).svgCoordinate)"
                + "L\((base.x + radial.y * 3.5).svgCoordinate) \((base.y - radial.x * 3.5).svgCoordinate)z")
        }
        for (index, node) in nodes.enumerated() where !node.operation.isEmpty {
            let center = layout.operationCenter(index)
            paths.append(PathData.polyline([Point(x: center.x, y: center.y + r), Point(x: center.x, y: layout.boxes[index].y)]))
        }
        return "<path class=\"a\" stroke-opacity=\".6\" d=\"\(paths.joined())\"/>\n"
            + "<path fill=\"currentColor\" fill-opacity=\".6\" d=\"\(heads.joined())\"/>\n"
    }

    private func nodesSVG(_ layout: ComputationGraphLayout) -> String {
        var out = ""
        let last = nodes.count - 1
        for (index, node) in nodes.enumerated() {
            let box = layout.boxes[index]
            let color = Palette.color(index == last ? 1 : (node.inputs.isEmpty ? 0 : 2)).hexString
            out += "<rect class=\"n\" fill=\"\(color)\" stroke=\"\(color)\" x=\"\(box.x.svgCoordinate)\" y=\"\(box.y.svgCoordinate)\" "
                + "width=\"\(box.width.svgCoordinate)\" height=\"\(box.height.svgCoordinate)\" rx=\"5\"/>"
            if !node.operation.isEmpty {
                let c = layout.operationCenter(index)
                out += "<circle class=\"f\" cx=\"\(c.x.svgCoordinate)\" cy=\"\(c.y.svgCoordinate)\" r=\"\(layout.operationRadius.svgCoordinate)\"/>"
                    + "<text class=\"m k\" x=\"\(c.x.svgCoordinate)\" y=\"\((c.y + Stylesheet.labelSize * 0.35).svgCoordinate)\">\(HTMLEscape.text(node.operation))</text>"
            }
            let oneLine = node.note.isEmpty
            let labelY = oneLine ? box.midY + Stylesheet.labelSize * 0.35 : box.y + 5 + Stylesheet.labelSize * 0.85
            out += "<text class=\"m k\" x=\"\(box.midX.svgCoordinate)\" y=\"\(labelY.svgCoordinate)\">\(HTMLEscape.text(node.label))</text>"
            if !oneLine {
                let color = (noteColor ?? Palette.color(1)).hexString
                out += "<text class=\"m\" color=\"\(color)\" x=\"\(box.midX.svgCoordinate)\" "
                    + "y=\"\((box.maxY - 6).svgCoordinate)\">\(HTMLEscape.text(node.note))</text>"
            }
            out += "\n"
        }
        return out
    }
}
