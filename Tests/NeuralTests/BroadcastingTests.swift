import Neural
import Testing

/// Broadcasting results (checked against NumPy's rules by hand) and the
/// messages that a mismatch traps with.
@Suite struct BroadcastingTests {
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]

    @Test func addsARowToEveryRow() {
        #expect(a + Matrix(row: [10, 20, 30]) == [[11, 22, 33], [14, 25, 36]])
        #expect(Matrix(row: [10, 20, 30]) - a == [[9, 18, 27], [6, 15, 24]])
    }

    @Test func addsAColumnToEveryColumn() {
        #expect(a * Matrix(column: [1, -1]) == [[1, 2, 3], [-4, -5, -6]])
        #expect(a / Matrix(column: [1, 2]) == [[1, 2, 3], [2, 2.5, 3]])
    }

    @Test func addsAOneByOneToEveryEntry() {
        #expect(a + [[1]] == a + 1)
    }

    @Test func combinesAColumnAndARowIntoAMatrix() {
        // (2×1) + (1×3) → (2×3), as np.array([[0], [10]]) + np.array([[1, 2, 3]]).
        #expect(Matrix(column: [0, 10]) + Matrix(row: [1, 2, 3]) == [[1, 2, 3], [11, 12, 13]])
    }

    @Test func computesBroadcastShapes() throws {
        let m = Matrix.Shape(rows: 4, columns: 3)
        #expect(try m.broadcast(with: .init(rows: 1, columns: 3), operation: "+").get() == m)
        #expect(try m.broadcast(with: .init(rows: 4, columns: 1), operation: "+").get() == m)
        #expect(try Matrix.Shape(rows: 4, columns: 1).broadcast(with: .init(rows: 1, columns: 3), operation: "+").get() == m)
        #expect(try m.product(with: .init(rows: 3, columns: 2)).get() == Matrix.Shape(rows: 4, columns: 2))
    }

    @Test func namesBothShapesInAProductMismatch() {
        let message = failure(of: Matrix.Shape(rows: 2, columns: 3).product(with: .init(rows: 2, columns: 3)))
        #expect(message == "matrix product: (2×3) · (2×3): inner dimensions 3 and 2 differ")
    }

    @Test func namesBothShapesInABroadcastMismatch() {
        let message = failure(of: Matrix.Shape(rows: 2, columns: 3).broadcast(with: .init(rows: 3, columns: 2), operation: "+"))
        #expect(message.contains("(2×3)") && message.contains("(3×2)"))
        #expect(message.hasPrefix("element-wise +:"))
    }

    @Test func refusesToGrowTheLeftSideInPlace() {
        // a += b stores into a, so (1×3) += (2×1) fails although (1×3) + (2×1) works.
        let row = Matrix.Shape(rows: 1, columns: 3), column = Matrix.Shape(rows: 2, columns: 1)
        #expect(throws: Never.self) { try row.broadcast(with: column, operation: "+").get() }
        let message = failure(of: row.broadcastInPlace(column, operation: "+="))
        #expect(message == "element-wise +=: (2×1) does not broadcast to (1×3)")
    }

    @Test func namesBothShapesWhenShapesMustBeEqual() {
        let message = failure(of: Matrix.Shape(rows: 2, columns: 1).same(as: .init(rows: 1, columns: 2), operation: "loss"))
        #expect(message == "loss: shapes (2×1) and (1×2) differ")
    }

    private func failure(of result: Result<Matrix.Shape, Matrix.ShapeMismatch>) -> String {
        guard case .failure(let mismatch) = result else {
            Issue.record("expected a shape mismatch, got \(result)")
            return ""
        }
        return mismatch.description
    }
}
