/// A dense matrix of `Double`, stored row-major in one contiguous array.
///
/// `Matrix` has value semantics: assigning it copies (lazily, on the first
/// write), so a matrix handed to a function can never change behind the
/// caller's back. Element (i, j) lives at `elements[i * columns + j]`.
///
/// Vectors are matrices too: a row vector is 1×n, a column vector n×1, which
/// keeps every product and broadcast explicit about orientation.
public struct Matrix: Sendable, Equatable {
    /// The number of rows, m.
    public let rows: Int
    /// The number of columns, n.
    public let columns: Int
    /// The m·n entries in row-major order.
    public internal(set) var elements: [Double]

    /// The matrix with the given shape and row-major `elements`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        require(rows >= 0 && columns >= 0, "Matrix: negative shape (\(rows)×\(columns))")
        require(
            elements.count == rows * columns,
            "Matrix: \(elements.count) elements cannot fill a (\(rows)×\(columns)) matrix"
        )
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// The m×n matrix whose every entry is `value`.
    public init(rows: Int, columns: Int, repeating value: Double) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// The m×n matrix with entry (i, j) equal to `entry(i, j)`, filled row by row.
    public init(rows: Int, columns: Int, _ entry: (_ row: Int, _ column: Int) throws -> Double) rethrows {
        var elements: [Double] = []
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                elements.append(try entry(i, j))
            }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// The matrix whose i-th row is `rows[i]`; all rows must have the same length.
    public init(_ rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() {
            require(
                row.count == columns,
                "Matrix: row \(index) has \(row.count) elements but row 0 has \(columns)"
            )
        }
        self.init(rows: rows.count, columns: columns, elements: rows.flatMap { $0 })
    }

    /// The 1×n row vector holding `values`.
    public init(row values: [Double]) {
        self.init(rows: 1, columns: values.count, elements: values)
    }

    /// The n×1 column vector holding `values`.
    public init(column values: [Double]) {
        self.init(rows: values.count, columns: 1, elements: values)
    }

    /// The shape m×n.
    public var shape: Shape { Shape(rows: rows, columns: columns) }

    /// Entry (i, j), counting from zero.
    public subscript(row: Int, column: Int) -> Double {
        get {
            require(shape.contains(row: row, column: column), shape.indexMessage(row: row, column: column))
            return elements[row * columns + column]
        }
        set {
            require(shape.contains(row: row, column: column), shape.indexMessage(row: row, column: column))
            elements[row * columns + column] = newValue
        }
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    /// A matrix written as its rows: `[[1, 2], [3, 4]]`.
    public init(arrayLiteral rows: [Double]...) {
        self.init(rows)
    }
}
