import Escaping
/// Network diagrams side by side, aligned at the top, under an optional
/// overall title: a sequence to read from left to right, such as the neurons
/// of one layer highlighted one at a time.
///
/// ```swift
/// DiagramRow((0..<3).map { k in
///     NetworkDiagram(layers: [2, 3], title: "neuron \(k + 1)",
///                    highlighted: [.init(layer: 1, node: k)])
/// })
/// ```
public struct DiagramRow: Sendable, Hashable {
    public var title: String
    public var panels: [NetworkDiagram]
    /// The prefix of every id in the SVG (see `Plot.id`).
    public var id: String?

    public init(_ panels: [NetworkDiagram], title: String = "") {
        self.title = title
        self.panels = panels
    }

    static let gap = 18.0

    private var titleHeight: Double { title.isEmpty ? 0 : NetworkLayout.padding + Stylesheet.titleSize }
}

extension DiagramRow: Figure {
    public func svg() -> String {
        let layouts = panels.map(NetworkLayout.init)
        let width = layouts.map(\.width).reduce(0, +) + Double(max(layouts.count - 1, 0)) * Self.gap
        let height = titleHeight + (layouts.map(\.height).max() ?? 0)
        let document = SVGDocument(width: width, height: height, title: title, description: summary, id: id)
        var body = title.isEmpty ? "" : "<text class=\"t\" x=\"\((width / 2).svgCoordinate)\" "
            + "y=\"\((NetworkLayout.padding + Stylesheet.titleSize * 0.8).svgCoordinate)\">\(HTMLEscape.text(title))</text>\n"
        var x = 0.0
        for (panel, layout) in zip(panels, layouts) {
            body += "<g transform=\"translate(\(x.svgCoordinate) \(titleHeight.svgCoordinate))\">\n\(panel.body(layout))</g>\n"
            x += layout.width + Self.gap
        }
        return document.render { _ in body }
    }

    /// `diagrams "Title" 3 | ` then each panel's summary, separated by ` | `.
    public var summary: String {
        let head = "diagrams" + (title.isEmpty ? "" : " " + title.summaryQuoted) + " \(panels.count)"
        return ([head] + panels.map(\.summary)).joined(separator: " | ")
    }
}

extension DiagramRow: TerminalDrawable {
    /// The panels one below the other.
    public func terminal(width: Int) -> String {
        ([title].filter { !$0.isEmpty } + panels.map { $0.terminal(width: width) }).joined(separator: "\n\n")
    }
}
