import Escaping
extension NetworkDiagram: Figure {
    /// Layer `l`'s nodes are tinted with its role's colour: inputs
    /// `Palette.color(0)`, hidden layers `color(2)`, outputs `color(1)`.
    public func svg() -> String {
        let layout = NetworkLayout(self)
        let document = SVGDocument(width: layout.width, height: layout.height, title: title, description: summary, id: id)
        let body = self.body(layout)
        return document.render { _ in body }
    }

    /// Everything inside the SVG root, in the coordinates of `layout`.
    func body(_ layout: NetworkLayout) -> String {
        heading(layout) + edgesSVG(layout) + nodesSVG(layout) + notesSVG(layout)
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

    /// The edges, then their labels.
    private func edgesSVG(_ layout: NetworkLayout) -> String {
        let r = layout.radius
        let segments = edges.map { edge in
            (layout.centers[edge.layer][edge.from], layout.centers[edge.layer + 1][edge.to])
        }
        let lines = segments.map { a, b in
            PathData.polyline(EdgeLabelPlacement.rimToRim(a, b, startRadius: r, endRadius: r))
        }
        var out: String
        if highlighted.isEmpty {
            out = "<path class=\"x\" d=\"\(lines.joined())\"/>\n"
        } else {
            let strong = edges.indices.filter { isHighlighted(layer: edges[$0].layer, to: edges[$0].to) }
            let faded = edges.indices.filter { !isHighlighted(layer: edges[$0].layer, to: edges[$0].to) }
            let color = (highlightColor ?? Palette.color(0)).hexString
            out = "<path class=\"z\" d=\"\(faded.map { lines[$0] }.joined())\"/>\n"
                + "<path class=\"w\" stroke=\"\(color)\" d=\"\(strong.map { lines[$0] }.joined())\"/>\n"
        }
        let labels = edges.map { edgeLabel(layer: $0.layer, from: $0.from, to: $0.to) }
        guard labels.contains(where: { !$0.isEmpty }) else { return out }
        let placements = EdgeLabelPlacement.place(
            labels: labels, edges: segments, nodes: layout.centers.flatMap { $0 }, radius: r, obstacles: noteBoxes(layout))
        return out + EdgeLabelPlacement.svg(labels: labels, placements: placements, color: edgeLabelColor)
    }

    private func nodesSVG(_ layout: NetworkLayout) -> String {
        layout.centers.enumerated().map { l, centers in
            let role = l == 0 ? 0 : (l == layers.count - 1 ? 1 : 2)
            let color = Palette.color(role).hexString
            let circles = centers.enumerated().map { i, center in
                let emphasis = highlighted.contains(NodeIndex(layer: l, node: i)) ? " class=\"u\"" : ""
                return "<circle\(emphasis) cx=\"\(center.x.svgCoordinate)\" cy=\"\(center.y.svgCoordinate)\" r=\"\(layout.radius.svgCoordinate)\"/>"
            }
            let labels = centers.enumerated().map { i, center in
                let label = nodeLabel(layer: l, node: i)
                return label.isEmpty ? "" : "<text class=\"k\" x=\"\(center.x.svgCoordinate)\" "
                    + "y=\"\((center.y + Stylesheet.labelSize * 0.35).svgCoordinate)\">\(HTMLEscape.text(label))</text>"
            }
            return "<g class=\"n\" fill=\"\(color)\" stroke=\"\(color)\">\(circles.joined())</g><g class=\"m\">\(labels.joined())</g>\n"
        }.joined()
    }

    /// The boxes of the notes under the nodes, for the edge labels to avoid.
    private func noteBoxes(_ layout: NetworkLayout) -> [Rect] {
        layout.centers.enumerated().flatMap { l, centers in
            centers.enumerated().compactMap { i, center in
                let note = nodeNote(layer: l, node: i)
                return note.isEmpty ? nil : layout.noteBox(note, under: center)
            }
        }
    }

    /// Each note under its node, on a halo of the page's colour so that it
    /// stays readable where it crosses an edge.
    private func notesSVG(_ layout: NetworkLayout) -> String {
        guard hasNotes else { return "" }
        let color = noteColor.map { " color=\"\($0.hexString)\"" } ?? ""
        let texts = layout.centers.enumerated().flatMap { l, centers in
            centers.enumerated().compactMap { i, center -> String? in
                let note = nodeNote(layer: l, node: i)
                guard !note.isEmpty else { return nil }
                return "<text x=\"\(center.x.svgCoordinate)\" y=\"\(layout.noteBaseline(under: center).svgCoordinate)\">\(HTMLEscape.text(note))</text>"
            }
        }
        return "<g class=\"m h\"\(color)>\(texts.joined())</g>\n"
    }
}
