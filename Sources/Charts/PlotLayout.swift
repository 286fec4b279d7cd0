/// Where each part of a plot goes inside its frame: margins sized to the tick
/// labels, axis labels, title and legend around the plot area, and ticks as
/// dense as the area allows without their labels touching.
struct PlotLayout {
    static let padding = 10.0
    static let tickLength = 5.0
    static let tickGap = 3.0
    /// Room between a line of text and the next thing below it.
    static let lineGap = 6.0

    let frame: Rect
    let projection: Projection
    let xTicks: [Tick]
    let yTicks: [Tick]
    let legend: LegendLayout?
    /// The height an equal aspect leaves unused below the plot, which a
    /// figure of its own trims off.
    let verticalSlack: Double

    var area: Rect { projection.area }

    init(plot: Plot, frame: Rect) {
        let limits = plot.axisLimits
        let entries = plot.legendEntries
        self.frame = frame
        var arranged = Self.arrange(plot, in: frame, limits: limits, legendRows: 0)
        let shown = switch plot.legend {
        case .hidden: false
        case .automatic: entries.count >= 2
        default: !entries.isEmpty
        }
        var legend: LegendLayout?
        if shown && plot.legend == .automatic {
            let corners: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
            legend = corners.lazy
                .map { LegendLayout.inside(entries, corner: $0, area: arranged.projection.area) }
                .first { $0.box.map { !plot.crosses($0.grown(by: 3), in: arranged.projection) } ?? false }
        } else if shown && plot.legend != .above {
            legend = LegendLayout.inside(entries, corner: plot.legend, area: arranged.projection.area)
        }
        if shown && legend == nil {
            // Above the plot: asked for, or no corner is free of data.
            let rows = LegendLayout.rowsAbove(entries, width: arranged.projection.area.width)
            arranged = Self.arrange(plot, in: frame, limits: limits, legendRows: rows)
            legend = LegendLayout.above(entries, area: arranged.projection.area)
        }
        self.projection = arranged.projection
        self.xTicks = arranged.xTicks
        self.yTicks = arranged.yTicks
        self.legend = legend
        self.verticalSlack = arranged.slack
    }

    /// The baseline of the x tick labels.
    var xTickBaseline: Double { area.maxY + Self.tickLength + Self.tickGap + Stylesheet.tickSize * 0.8 }

    /// The baseline of the x axis's label.
    var xLabelBaseline: Double { xTickBaseline + Self.lineGap + Stylesheet.labelSize }

    /// The baseline of the title.
    var titleBaseline: Double { frame.y + Self.padding + Stylesheet.titleSize * 0.8 }

    /// The baseline of the y axis's label, rotated: a distance from the left.
    var yLabelBaseline: Double { frame.x + Self.padding + Stylesheet.labelSize * 0.8 }

    private static func arrange(
        _ plot: Plot, in frame: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), legendRows: Int
    ) -> (projection: Projection, xTicks: [Tick], yTicks: [Tick], slack: Double) {
        let legendHeight = legendRows > 0 ? Double(legendRows) * LegendLayout.rowHeight + LegendLayout.gap : 0
        let top = padding + (plot.title.isEmpty ? 0 : Stylesheet.titleSize + lineGap) + legendHeight + Stylesheet.tickSize / 2
        let bottom = padding + tickLength + tickGap + Stylesheet.tickSize * 0.8
            + (plot.xAxis.label.isEmpty ? 0 : lineGap + Stylesheet.labelSize)
        let height = frame.height - top - bottom
        let yLabelWidth = yTicks(limits.y, height: height).map { tickLabelWidth($0.label) }.max() ?? 0
        let left = padding + (plot.yAxis.label.isEmpty ? 0 : Stylesheet.labelSize + lineGap) + yLabelWidth + tickGap + tickLength
        let lastXLabel = xTicks(limits.x, width: frame.width - left - padding).last?.label ?? ""
        let right = max(padding, tickLabelWidth(lastXLabel) / 2 + 2)
        var area = Rect(x: frame.x + left, y: frame.y + top, width: frame.width - left - right, height: height)
        if plot.equalAspect {
            area = equalAspect(area, limits: limits)
        }
        let projection = Projection(area: area, x: limits.x, y: limits.y)
        return (projection, xTicks(limits.x, width: area.width), yTicks(limits.y, height: area.height), height - area.height)
    }

    /// Ticks about 45 units apart.
    private static func yTicks(_ range: ClosedRange<Double>, height: Double) -> [Tick] {
        Ticks.nice(range, count: max(2, Int(height / 45)))
    }

    /// Ticks about 80 units apart, fewer where their labels would come
    /// closer than 12 units.
    private static func xTicks(_ range: ClosedRange<Double>, width: Double) -> [Tick] {
        var count = max(2, Int(width / 80))
        while true {
            let ticks = Ticks.nice(range, count: count)
            guard count > 2, ticks.count > 1 else { return ticks }
            let spacing = (ticks[1].value - ticks[0].value) / (range.upperBound - range.lowerBound) * width
            if spacing >= (ticks.map { tickLabelWidth($0.label) }.max() ?? 0) + 12 { return ticks }
            count -= 1
        }
    }

    private static func tickLabelWidth(_ label: String) -> Double {
        TextMetrics.width(of: label, fontSize: Stylesheet.tickSize)
    }

    /// The largest rectangle in `area`, centred across and at its top, on
    /// which a unit of x is as long as a unit of y.
    private static func equalAspect(_ area: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)) -> Rect {
        let xSpan = limits.x.upperBound - limits.x.lowerBound, ySpan = limits.y.upperBound - limits.y.lowerBound
        let scale = min(area.width / xSpan, area.height / ySpan)
        let width = xSpan * scale, height = ySpan * scale
        return Rect(x: area.midX - width / 2, y: area.y, width: width, height: height)
    }
}
