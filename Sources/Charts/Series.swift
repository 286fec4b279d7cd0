/// A sequence of (x, y) points drawn as a line, as dots, or as steps.
public struct Series: Sendable, Hashable {
    /// How the points are joined.
    public enum Style: String, Sendable, Hashable {
        /// Straight segments from point to point.
        case line
        /// A dot at each point, nothing between them.
        case dots
        /// A step function: each y holds until the next x, where the line
        /// jumps vertically to the next y.
        case steps
    }

    /// The name in the legend and the summary; empty for none.
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var style: Style
    public var color: Color

    /// A series of the shorter length of `x` and `y`. A point with a
    /// non-finite coordinate is a gap: the line breaks there.
    public init(name: String = "", x: [Double], y: [Double], style: Style = .line, color: Color) {
        let count = min(x.count, y.count)
        self.name = name
        self.x = Array(x.prefix(count))
        self.y = Array(y.prefix(count))
        self.style = style
        self.color = color
    }

    /// The points with both coordinates finite.
    var finitePoints: [(x: Double, y: Double)] {
        zip(x, y).filter { $0.isFinite && $1.isFinite }.map { (x: $0, y: $1) }
    }
}
