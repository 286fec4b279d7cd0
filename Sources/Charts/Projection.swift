/// The map from data coordinates to SVG user units over a plot area: x grows
/// to the right, y upwards on the page.
struct Projection {
    let area: Rect
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>

    func x(_ value: Double) -> Double {
        area.x + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * area.width
    }

    func y(_ value: Double) -> Double {
        area.maxY - (value - y.lowerBound) / (y.upperBound - y.lowerBound) * area.height
    }

    func point(_ x: Double, _ y: Double) -> Point {
        Point(x: self.x(x), y: self.y(y))
    }
}
