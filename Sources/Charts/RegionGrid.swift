/// A rectangle cut into equal cells, each holding a class: the decision of a
/// classifier over the plane, drawn as filled regions.
///
/// Cell (column, row) covers x from `x.lowerBound + column × cellWidth` and y
/// from `y.lowerBound + row × cellHeight`; row 0 is at the bottom.
public struct RegionGrid: Sendable, Hashable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    /// The class of each cell, row after row from the bottom.
    public var classes: [Int]

    /// A grid from classes already computed, `columns × rows` of them.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int, classes: [Int]) {
        guard columns > 0 && rows > 0 && classes.count == columns * rows else {
            fatalError("RegionGrid: \(columns)×\(rows) cells need as many classes, got \(classes.count)")
        }
        self.x = x
        self.y = y
        self.columns = columns
        self.rows = rows
        self.classes = classes
    }

    /// A grid of square cells of side `step` covering `x` × `y`, each cell
    /// holding `classify` evaluated at its centre. As with NumPy's
    /// `arange(lower, upper, step)`, there are ⌈(upper − lower) / step⌉ cells
    /// along an axis (to within rounding), and the grid ends at the last
    /// cell's far edge: `x: 3.3...8.9, y: 1.0...5.4, step: 0.02` is 280 × 220.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, step: Double, classify: (_ x: Double, _ y: Double) -> Int) {
        guard step > 0 else {
            fatalError("RegionGrid: the step must be positive")
        }
        let columns = max(1, Int(((x.upperBound - x.lowerBound) / step - 1e-9).rounded(.up)))
        let rows = max(1, Int(((y.upperBound - y.lowerBound) / step - 1e-9).rounded(.up)))
        var classes: [Int] = []
        classes.reserveCapacity(columns * rows)
        for row in 0..<rows {
            let cy = y.lowerBound + (Double(row) + 0.5) * step
            for column in 0..<columns {
                classes.append(classify(x.lowerBound + (Double(column) + 0.5) * step, cy))
            }
        }
        self.init(
            x: x.lowerBound...(x.lowerBound + Double(columns) * step),
            y: y.lowerBound...(y.lowerBound + Double(rows) * step),
            columns: columns, rows: rows, classes: classes)
    }

    /// The class of a cell.
    public subscript(column: Int, row: Int) -> Int { classes[row * columns + column] }

    /// The classes that occur, most frequent first (ties: smaller class first).
    var classesByFrequency: [(class: Int, cells: Int)] {
        var counts: [Int: Int] = [:]
        for k in classes { counts[k, default: 0] += 1 }
        return counts.map { (class: $0.key, cells: $0.value) }
            .sorted { $0.cells != $1.cells ? $0.cells > $1.cells : $0.class < $1.class }
    }
}
