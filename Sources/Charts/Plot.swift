/// One set of axes holding lines, dots, steps, scattered points and filled
/// decision regions, with a title, axis labels and a legend.
///
/// A plot is a value built by chaining: each modifier returns a changed copy.
///
/// ```swift
/// Plot.function(-5...5, points: 50, title: "Sigmoid", name: "σ(z)") { 1 / (1 + exp(-$0)) }
/// Plot(title: "Iris", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
///     .scatter(x: length, y: width, categories: labels, names: ["Setosa", "Other"])
/// ```
///
/// Layers are drawn in a fixed order, whatever the order they were added in:
/// regions, then series in order, then scatters in order.
public struct Plot: Sendable, Hashable {
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series] = []
    public var scatters: [Scatter] = []
    public var regions: RegionGrid?
    public var legend: LegendPlacement = .automatic
    /// Whether one unit of x is as long on the page as one unit of y.
    public var equalAspect = false
    /// The size of the picture in CSS pixels at its natural size; it scales
    /// down with its container.
    public var width = 600.0
    public var height = 400.0
    /// The prefix of every id in the SVG, for pages that need a known one;
    /// `nil` derives it from a hash of the picture, so different figures
    /// inlined in one page never collide.
    public var id: String?

    public init(title: String = "", xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.xAxis = Axis(label: xLabel)
        self.yAxis = Axis(label: yLabel)
    }
}
