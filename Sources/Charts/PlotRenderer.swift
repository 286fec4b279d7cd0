import Escaping
/// Draws a laid-out plot as SVG elements, in a fixed order: regions, grid,
/// series, scatters (all clipped to the plot area), then axes, tick labels,
/// axis labels, title and legend.
struct PlotRenderer {
    let plot: Plot
    let layout: PlotLayout
    /// The regions' elements, traced once however often the body is drawn.
    private let regions: String

    init(plot: Plot, frame: Rect) {
        self.plot = plot
        self.layout = PlotLayout(plot: plot, frame: frame)
        self.regions = plot.regions?.svg(in: layout.projection) ?? ""
    }

    /// The plot's elements; `clipID` names the clip path of its area and must
    /// be unique in the page.
    func body(clipID: String) -> String {
        let area = layout.area
        return "<clipPath id=\"\(clipID)\"><rect \(area.svgAttributes)/></clipPath>\n"
            + "<g clip-path=\"url(#\(clipID))\">\n" + regions + grid + series + scatters + "</g>\n"
            + axes + tickLabels + axisLabels + title + (layout.legend?.svg ?? "")
    }

    private var grid: String {
        let area = layout.area, projection = layout.projection
        let vertical = layout.xTicks.map { "M\(projection.x($0.value).svgCoordinate) \(area.y.svgCoordinate)V\(area.maxY.svgCoordinate)" }
        let horizontal = layout.yTicks.map { "M\(area.x.svgCoordinate) \(projection.y($0.value).svgCoordinate)H\(area.maxX.svgCoordinate)" }
        return "<path class=\"g\" d=\"\((vertical + horizontal).joined())\"/>\n"
    }

    private var series: String {
        plot.series.map { series in
            let runs = series.runs(in: layout.projection)
            let color = series.color.hexString
            if series.style == .dots {
                return "<path class=\"d\" stroke=\"\(color)\" d=\"\(PathData.dots(Series.distinctDots(runs.flatMap { $0 })))\"/>\n"
            }
            return "<path class=\"s\" stroke=\"\(color)\" d=\"\(runs.map { PathData.polyline(Series.thinned($0)) }.joined())\"/>\n"
        }.joined()
    }

    /// Each category's points as circles; points of one category that land
    /// on the same spot (measurements often repeat) are drawn once, since a
    /// second identical circle on top of the first changes nothing.
    private var scatters: String {
        plot.scatters.map { scatter in
            scatter.presentCategories.map { k in
                var drawn = Set<String>()
                let circles = scatter.x.indices.filter { scatter.categories[$0] == k && scatter.x[$0].isFinite && scatter.y[$0].isFinite }.compactMap { i -> String? in
                    let point = layout.projection.point(scatter.x[i], scatter.y[i])
                    let position = "cx=\"\(point.x.svgCoordinate)\" cy=\"\(point.y.svgCoordinate)\""
                    guard drawn.insert(position).inserted else { return nil }
                    return "<circle \(position) r=\"\(scatter.radius.svgCoordinate)\"/>"
                }
                let outline = scatter.outlined ? " class=\"o\"" : ""
                return "<g\(outline) fill=\"\(Palette.color(k).hexString)\">\n" + circles.joined(separator: "\n") + "\n</g>\n"
            }.joined()
        }.joined()
    }

    private var axes: String {
        let area = layout.area, projection = layout.projection
        let tick = PlotLayout.tickLength.svgCoordinate
        let frame = "M\(area.x.svgCoordinate) \(area.y.svgCoordinate)V\(area.maxY.svgCoordinate)H\(area.maxX.svgCoordinate)"
        let xTicks = layout.xTicks.map { "M\(projection.x($0.value).svgCoordinate) \(area.maxY.svgCoordinate)v\(tick)" }
        let yTicks = layout.yTicks.map { "M\(area.x.svgCoordinate) \(projection.y($0.value).svgCoordinate)h-\(tick)" }
        return "<path class=\"a\" d=\"\(([frame] + xTicks + yTicks).joined())\"/>\n"
    }

    private var tickLabels: String {
        let projection = layout.projection
        let baseline = layout.xTickBaseline.svgCoordinate
        let x = layout.xTicks.map { "<text x=\"\(projection.x($0.value).svgCoordinate)\" y=\"\(baseline)\">\(HTMLEscape.text($0.label))</text>" }
        let right = (layout.area.x - PlotLayout.tickLength - PlotLayout.tickGap).svgCoordinate
        let y = layout.yTicks.map {
            "<text x=\"\(right)\" y=\"\((projection.y($0.value) + Stylesheet.tickSize * 0.35).svgCoordinate)\">\(HTMLEscape.text($0.label))</text>"
        }
        return "<g class=\"m\">" + x.joined() + "</g>\n<g class=\"e\">" + y.joined() + "</g>\n"
    }

    private var axisLabels: String {
        let area = layout.area
        var out = ""
        if !plot.xAxis.label.isEmpty {
            out += "<text class=\"l\" x=\"\(area.midX.svgCoordinate)\" y=\"\(layout.xLabelBaseline.svgCoordinate)\">\(HTMLEscape.text(plot.xAxis.label))</text>\n"
        }
        if !plot.yAxis.label.isEmpty {
            out += "<text class=\"l\" transform=\"rotate(-90)\" x=\"\((-area.midY).svgCoordinate)\" "
                + "y=\"\(layout.yLabelBaseline.svgCoordinate)\">\(HTMLEscape.text(plot.yAxis.label))</text>\n"
        }
        return out
    }

    /// The title, centred over the plot area, or over the frame when it is
    /// wider than the area.
    private var title: String {
        guard !plot.title.isEmpty else { return "" }
        let fits = TextMetrics.width(of: plot.title, fontSize: Stylesheet.titleSize) <= layout.area.width
        let x = fits ? layout.area.midX : layout.frame.midX
        return "<text class=\"t\" x=\"\(x.svgCoordinate)\" y=\"\(layout.titleBaseline.svgCoordinate)\">\(HTMLEscape.text(plot.title))</text>\n"
    }
}
