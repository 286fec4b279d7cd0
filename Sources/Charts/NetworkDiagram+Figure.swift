import Escaping
extension NetworkDiagram: Figure {
    /// Layer `l`'s nodes are tinted with its role's colour: inputs
    /// `Palette.color(0)`, hidden layers `color(2)`, outputs `color(1)`.
    public func svg() -> String {
        let layout = NetworkLayout(self)
        let document = SVGDocument(width: layout.width, height: layout.height, title: title, description: summary, id: id)
        let body = heading(layout) + edgesSVG(layout) + nodesSVG(layout)
        return document.render { _ in body }
    }

    private func heading(_ layout: NetworkLayout) -> String {
        var out = ""
        if !title.isEmpty {
            out += "<text class=\"t\" x=\"\((layout.width / 2).svgCoordinate)\" y=\"\(layout.titleBaseline.svgCoordinate)\">\(HTMLEscape.text(title))</text>\n"
        }
        for (l, name) in layerNames.prefix(layers.count).enumerated() where !name.isEmpty {
            let x = (layout.centers[l].first?.x ?? 0).svgCoordinate
            out += "<text class=\"l\" x=\"\(x)\" y=\"\(layout.namesBaseline.svgCoordinate)\">\(HTMLEscape.text(name))</text>\n"
        }
        return out
    }

    private func edgesSVG(_ layout: NetworkLayout) -> String {
        let r = layout.radius
        let segments = edges.map { edge in
            (layout.centers[edge.layer][edge.from], layout.centers[edge.layer + 1][edge.to])
        }
        let lines = segments.map { a, b in
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            let start = Point(x: a.x + dx / length * r, y: a.y + dy / length * r)
            let end = Point(x: b.x - dx / length * r, y: b.y - dy / length * r)
            return PathData.polyline([start, end])
        }
        var out = "<path class=\"x\" d=\"\(lines.joined())\"/>\n"
        let labels = edges.map { edgeLabel(layer: $0.layer, from: $0.from, to: $0.to) }
        guard labels.contains(where: { !$0.isEmpty }) else { return out }
        let placements = EdgeLabelPlacement.place(labels: labels, edges: segments, nodes: layout.centers.flatMap { $0 }, radius: r)
        let fill = edgeLabelColor.map { " fill=\"\($0.hexString)\"" } ?? ""
        out += "<g class=\"m\"\(fill)>"
        for (label, placement) in zip(labels, placements) where !label.isEmpty {
            let x = placement.center.x.svgCoordinate, y = placement.center.y.svgCoordinate
            let baseline = (placement.center.y + Stylesheet.tickSize * 0.35).svgCoordinate
            out += "<text x=\"\(x)\" y=\"\(baseline)\" transform=\"rotate(\(placement.angle.svgCoordinate) \(x) \(y))\">\(HTMLEscape.text(label))</text>"
        }
        return out + "</g>\n"
    }

    private func nodesSVG(_ layout: NetworkLayout) -> String {
        layout.centers.enumerated().map { l, centers in
            let role = l == 0 ? 0 : (l == layers.count - 1 ? 1 : 2)
            let color = Palette.color(role).hexString
            let circles = centers.map { "<circle cx=\"\($0.x.svgCoordinate)\" cy=\"\($0.y.svgCoordinate)\" r=\"\(layout.radius.svgCoordinate)\"/>" }
            let labels = centers.enumerated().map { i, center in
                let label = nodeLabel(layer: l, node: i)
                return label.isEmpty ? "" : "<text class=\"k\" x=\"\(center.x.svgCoordinate)\" "
                    + "y=\"\((center.y + Stylesheet.labelSize * 0.35).svgCoordinate)\">\(HTMLEscape.text(label))</text>"
            }
            return "<g class=\"n\" fill=\"\(color)\" stroke=\"\(color)\">\(circles.joined())</g><g class=\"m\">\(labels.joined())</g>\n"
        }.joined()
    }
}
