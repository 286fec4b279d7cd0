extension Matrix {
    /// The shape m×n of a matrix, printed as `(m×n)`.
    ///
    /// The rules that decide which shapes combine live here, each returning
    /// either the resulting shape or a ``ShapeMismatch`` that names both
    /// operands, so that a failing operation traps with a readable message.
    public struct Shape: Sendable, Hashable, CustomStringConvertible {
        public var rows: Int
        public var columns: Int

        public init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }

        public var description: String { "(\(rows)×\(columns))" }

        /// The shape of the product A·B of an m×p matrix A (`self`) and a
        /// p×n matrix B: m×n. The inner dimensions must agree.
        public func product(with other: Shape) -> Result<Shape, ShapeMismatch> {
            guard columns == other.rows else {
                return .failure(ShapeMismatch(
                    "matrix product: \(self) · \(other): inner dimensions \(columns) and \(other.rows) differ"
                ))
            }
            return .success(Shape(rows: rows, columns: other.columns))
        }

        /// The shape of an element-wise `operation` between `self` and `other`
        /// under NumPy's broadcasting rule: in each dimension the sizes are
        /// equal, or one of them is 1 and that operand is repeated along it.
        /// So m×n combines with m×n, 1×n, m×1 and 1×1, and m×1 with 1×n gives m×n.
        public func broadcast(with other: Shape, operation: String) -> Result<Shape, ShapeMismatch> {
            guard let rows = Self.broadcast(rows, other.rows),
                  let columns = Self.broadcast(columns, other.columns) else {
                return .failure(ShapeMismatch(
                    "element-wise \(operation): shapes \(self) and \(other) do not broadcast"
                        + " (each dimension must be equal or 1)"
                ))
            }
            return .success(Shape(rows: rows, columns: columns))
        }

        /// The check for an in-place `operation` (`a += b`): `other` must
        /// broadcast to exactly this shape, since the result is stored in place.
        public func broadcastInPlace(_ other: Shape, operation: String) -> Result<Shape, ShapeMismatch> {
            guard Self.broadcast(rows, other.rows) == rows, Self.broadcast(columns, other.columns) == columns else {
                return .failure(ShapeMismatch(
                    "element-wise \(operation): \(other) does not broadcast to \(self)"
                ))
            }
            return .success(self)
        }

        /// The check for an operation that needs two operands of one shape.
        public func same(as other: Shape, operation: String) -> Result<Shape, ShapeMismatch> {
            guard self == other else {
                return .failure(ShapeMismatch("\(operation): shapes \(self) and \(other) differ"))
            }
            return .success(self)
        }

        /// Whether (row, column) is a valid zero-based index.
        func contains(row: Int, column: Int) -> Bool {
            (0..<rows).contains(row) && (0..<columns).contains(column)
        }

        func indexMessage(row: Int, column: Int) -> String {
            "Matrix: index (\(row), \(column)) is outside a \(self) matrix"
        }

        private static func broadcast(_ a: Int, _ b: Int) -> Int? {
            if a == b || b == 1 { return a }
            if a == 1 { return b }
            return nil
        }
    }

    /// Why two shapes do not combine; its description names both shapes.
    public struct ShapeMismatch: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}

extension Result where Success == Matrix.Shape, Failure == Matrix.ShapeMismatch {
    /// The shape, or a trap whose message is the mismatch's description.
    var required: Matrix.Shape {
        switch self {
        case .success(let shape): return shape
        case .failure(let mismatch): fatalError(mismatch.description)
        }
    }
}
