import Escaping
extension NeuronDiagram: Figure {
    /// Inputs are tinted `Palette.color(0)`, the sum and the activation
    /// `color(2)`, the output `color(1)`, as the layers of a `NetworkDiagram`.
    public func svg() -> String {
        let layout = NeuronLayout(self)
        let document = SVGDocument(width: layout.width, height: layout.height, title: title, description: summary, id: id)
        let body = heading(layout) + edgesSVG(layout) + nodesSVG(layout)
        return document.render { _ in body }
    }

    private func heading(_ layout: NeuronLayout) -> String {
        var out = ""
        if !title.isEmpty {
            out += "<text class=\"t\" x=\"\((layout.width / 2).svgCoordinate)\" y=\"\(layout.titleBaseline.svgCoordinate)\">\(HTMLEscape.text(title))</text>\n"
        }
        for (caption, x) in zip(captions, layout.captionCenters) where !caption.isEmpty {
            out += "<text class=\"l\" x=\"\(x.svgCoordinate)\" y=\"\(layout.captionBaseline.svgCoordinate)\">\(HTMLEscape.text(caption))</text>\n"
        }
        return out
    }

    private func edgesSVG(_ layout: NeuronLayout) -> String {
        let segments = layout.inputCenters.map { ($0, layout.sumCenter) }
        let lines = segments.map { a, b in
            PathData.polyline(EdgeLabelPlacement.rimToRim(a, b, startRadius: layout.radius, endRadius: layout.sumRadius))
        }
        let y = layout.sumCenter.y
        let arrows = [
            (layout.sumCenter.x + layout.sumRadius, layout.box.x),
            (layout.box.maxX, layout.outputX - 4),
        ]
        var out = "<path class=\"x\" d=\"\(lines.joined())\"/>\n"
        for (from, to) in arrows {
            out += "<path class=\"a\" d=\"\(PathData.polyline([Point(x: from, y: y), Point(x: to - 7, y: y)]))\"/>"
            out += "<path fill=\"currentColor\" d=\"M\(to.svgCoordinate) \(y.svgCoordinate)l-8 -4v8z\"/>\n"
        }
        let labels = inputs.indices.map(weight)
        guard labels.contains(where: { !$0.isEmpty }) else { return out }
        let obstacles = [Rect(x: layout.sumCenter.x - layout.sumRadius, y: y - layout.sumRadius,
                              width: 2 * layout.sumRadius, height: 2 * layout.sumRadius)]
        let placements = EdgeLabelPlacement.place(
            labels: labels, edges: segments, nodes: layout.inputCenters, radius: layout.radius, obstacles: obstacles)
        return out + EdgeLabelPlacement.svg(labels: labels, placements: placements, color: nil)
    }

    private func nodesSVG(_ layout: NeuronLayout) -> String {
        let inputColor = Palette.color(0).hexString, unitColor = Palette.color(2).hexString
        let textOffset = Stylesheet.labelSize * 0.35
        let circles = layout.inputCenters.map {
            "<circle cx=\"\($0.x.svgCoordinate)\" cy=\"\($0.y.svgCoordinate)\" r=\"\(layout.radius.svgCoordinate)\"/>"
        }
        let inputLabels = zip(inputs, layout.inputCenters).map { label, center in
            "<text class=\"k\" x=\"\(center.x.svgCoordinate)\" y=\"\((center.y + textOffset).svgCoordinate)\">\(HTMLEscape.text(label))</text>"
        }
        let s = layout.sumCenter, box = layout.box
        var out = "<g class=\"n\" fill=\"\(inputColor)\" stroke=\"\(inputColor)\">\(circles.joined())</g>"
            + "<g class=\"m\">\(inputLabels.joined())</g>\n"
        out += "<g class=\"n\" fill=\"\(unitColor)\" stroke=\"\(unitColor)\">"
            + "<circle cx=\"\(s.x.svgCoordinate)\" cy=\"\(s.y.svgCoordinate)\" r=\"\(layout.sumRadius.svgCoordinate)\"/>"
            + "<rect x=\"\(box.x.svgCoordinate)\" y=\"\(box.y.svgCoordinate)\" width=\"\(box.width.svgCoordinate)\" "
            + "height=\"\(box.height.svgCoordinate)\" rx=\"6\"/></g>\n"
        out += "<g class=\"m\">"
            + "<text class=\"k\" x=\"\(s.x.svgCoordinate)\" y=\"\((s.y + textOffset).svgCoordinate)\">\(HTMLEscape.text(sum))</text>"
            + "<text class=\"k\" x=\"\(box.midX.svgCoordinate)\" y=\"\((box.midY + textOffset).svgCoordinate)\">\(HTMLEscape.text(activation))</text>"
        if !sumNote.isEmpty {
            out += "<text x=\"\(s.x.svgCoordinate)\" y=\"\(layout.sumNoteBaseline.svgCoordinate)\">\(HTMLEscape.text(sumNote))</text>"
        }
        out += "</g>\n"
        out += "<text class=\"k\" x=\"\(layout.outputX.svgCoordinate)\" y=\"\((s.y + textOffset).svgCoordinate)\" "
            + "color=\"\(Palette.color(1).hexString)\">\(HTMLEscape.text(output))</text>\n"
        return out
    }
}

/// Where the parts of a `NeuronDiagram` go, left to right: the inputs'
/// column, room for the weights, the sum, the activation's box, the output.
struct NeuronLayout {
    static let padding = 14.0

    let radius: Double
    let inputCenters: [Point]
    let sumCenter: Point
    let sumRadius: Double
    let box: Rect
    /// Where the output's text starts.
    let outputX: Double
    let width: Double
    let height: Double
    let titleBaseline: Double
    let captionBaseline: Double
    let sumNoteBaseline: Double
    /// The centre of each caption: inputs, weights, sum, activation, output.
    let captionCenters: [Double]

    init(_ diagram: NeuronDiagram) {
        let labelWidth = diagram.inputs.map { TextMetrics.width(of: $0, fontSize: Stylesheet.labelSize) }.max() ?? 0
        let weightWidth = diagram.inputs.indices.map { TextMetrics.width(of: diagram.weight($0), fontSize: Stylesheet.tickSize) }.max() ?? 0
        let radius = max(14, labelWidth / 2 + 6)
        let sumRadius = max(18, TextMetrics.width(of: diagram.sum, fontSize: Stylesheet.labelSize) / 2 + 8)
        let gap = max(150, 2 * weightWidth + 70)
        let rowGap = 2 * radius + 22
        let titleHeight = diagram.title.isEmpty ? 0 : Stylesheet.titleSize + PlotLayout.lineGap
        let captionHeight = diagram.captions.contains { !$0.isEmpty } ? Stylesheet.labelSize + PlotLayout.lineGap : 0
        let top = Self.padding + titleHeight + captionHeight
        let count = Double(max(diagram.inputs.count, 1))
        let columnHeight = (count - 1) * rowGap + 2 * radius
        let noteHeight = diagram.sumNote.isEmpty ? 0 : Stylesheet.tickSize + 8
        let bodyHeight = max(columnHeight, 2 * sumRadius + 2 * noteHeight)
        let middle = top + bodyHeight / 2
        let inputX = Self.padding + radius
        inputCenters = diagram.inputs.indices.map { j in
            Point(x: inputX, y: middle - columnHeight / 2 + radius + Double(j) * rowGap)
        }
        sumCenter = Point(x: inputX + radius + gap + sumRadius, y: middle)
        let noteWidth = TextMetrics.width(of: diagram.sumNote, fontSize: Stylesheet.tickSize)
        let boxWidth = max(44, TextMetrics.width(of: diagram.activation, fontSize: Stylesheet.labelSize) + 20)
        let afterSum = max(sumRadius + 44, noteWidth / 2 + 12)
        box = Rect(x: sumCenter.x + afterSum, y: middle - 18, width: boxWidth, height: 36)
        outputX = box.maxX + 44
        let outputWidth = TextMetrics.width(of: diagram.output, fontSize: Stylesheet.labelSize)
        let captionWidths = diagram.captions.map { TextMetrics.width(of: $0, fontSize: Stylesheet.labelSize) }
        let outputCaptionWidth = captionWidths.count > 4 ? captionWidths[4] : 0
        let outputCenter = outputX + max(outputWidth, outputCaptionWidth) / 2
        self.radius = radius
        self.sumRadius = sumRadius
        captionCenters = [inputX, (inputX + sumCenter.x) / 2, sumCenter.x, box.midX, outputCenter]
        width = outputX + max(outputWidth, outputCaptionWidth) + Self.padding
        height = top + bodyHeight + Self.padding
        titleBaseline = Self.padding + Stylesheet.titleSize * 0.8
        captionBaseline = Self.padding + titleHeight + Stylesheet.labelSize * 0.8
        sumNoteBaseline = middle + sumRadius + 4 + Stylesheet.tickSize * 0.8
    }
}
