import Escaping
/// Plots side by side in a grid, filled row by row, each panel with its own
/// axes, ticks and legend, under an optional overall title.
///
/// ```swift
/// Subplots([tanhPlot, reluPlot])               // one row of two
/// Subplots(plots, columns: 2, title: "Activations")
/// ```
public struct Subplots: Sendable, Hashable {
    public var title: String
    public var panels: [Plot]
    public var columns: Int
    /// Every panel's size: a panel's own `width` and `height` are not used.
    public var panelWidth: Double
    public var panelHeight: Double
    /// The prefix of every id in the SVG (see `Plot.id`).
    public var id: String?

    /// `columns` defaults to all panels in one row.
    public init(_ panels: [Plot], columns: Int? = nil, title: String = "", panelWidth: Double = 420, panelHeight: Double = 320) {
        self.title = title
        self.panels = panels
        self.columns = max(1, columns ?? panels.count)
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    public var rows: Int { (panels.count + columns - 1) / columns }

    /// The height of the overall title's band, 0 without a title.
    private var titleHeight: Double { title.isEmpty ? 0 : PlotLayout.padding + Stylesheet.titleSize }

    public var width: Double { Double(min(columns, max(panels.count, 1))) * panelWidth }
    public var height: Double { titleHeight + Double(rows) * panelHeight }
}

extension Subplots: Figure {
    public func svg() -> String {
        let renderers = panels.enumerated().map { index, panel in
            let frame = Rect(
                x: Double(index % columns) * panelWidth, y: titleHeight + Double(index / columns) * panelHeight,
                width: panelWidth, height: panelHeight)
            return PlotRenderer(plot: panel, frame: frame)
        }
        let document = SVGDocument(width: width, height: height, title: accessibleName, description: summary, id: id)
        return document.render { id in
            let heading = title.isEmpty ? "" : "<text class=\"t\" x=\"\((width / 2).svgCoordinate)\" "
                + "y=\"\((PlotLayout.padding + Stylesheet.titleSize * 0.8).svgCoordinate)\">\(HTMLEscape.text(title))</text>\n"
            return heading + renderers.enumerated().map { $1.body(clipID: "\(id)-c\($0)") }.joined()
        }
    }

    /// What screen readers call the figure: its title, or else its panels'
    /// titles ("tanh, ReLU").
    var accessibleName: String {
        title.isEmpty ? panels.map(\.title).filter { !$0.isEmpty }.joined(separator: ", ") : title
    }

    /// `subplots "Title" 1×2 | ` then each panel's summary, separated by ` | `.
    public var summary: String {
        let head = "subplots" + (title.isEmpty ? "" : " " + title.summaryQuoted) + " \(rows)×\(columns)"
        return ([head] + panels.map(\.summary)).joined(separator: " | ")
    }
}
