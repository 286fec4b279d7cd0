extension Plot: Figure {
    public func svg() -> String {
        let renderer = PlotRenderer(plot: self, frame: Rect(x: 0, y: 0, width: width, height: height))
        let height = height - renderer.layout.verticalSlack
        let document = SVGDocument(width: width, height: height, title: title, description: summary, id: id)
        return document.render { id in renderer.body(clipID: "\(id)-c0") }
    }
}
