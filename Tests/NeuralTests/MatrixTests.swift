import Neural
import Testing

@Suite struct MatrixTests {
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]

    @Test func storesRowsInRowMajorOrder() {
        #expect(a.shape == Matrix.Shape(rows: 2, columns: 3))
        #expect(a.elements == [1, 2, 3, 4, 5, 6])
        #expect(a[1, 0] == 4)
        #expect(Matrix(rows: 2, columns: 3) { i, j in Double(3 * i + j + 1) } == a)
        #expect(Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6]) == a)
        #expect(Matrix(rows: 1, columns: 2, repeating: 7) == [[7, 7]])
    }

    @Test func hasValueSemantics() {
        var b = a
        b[0, 0] = 100
        #expect(a[0, 0] == 1)
        #expect(b[0, 0] == 100)
    }

    @Test func makesRowAndColumnVectors() {
        #expect(Matrix(row: [1, 2]).shape == Matrix.Shape(rows: 1, columns: 2))
        #expect(Matrix(column: [1, 2]).shape == Matrix.Shape(rows: 2, columns: 1))
        #expect(a.row(1) == [[4, 5, 6]])
        #expect(a.column(2) == [[3], [6]])
    }

    @Test func transposes() {
        #expect(a.transposed() == [[1, 4], [2, 5], [3, 6]])
        #expect(a.transposed().transposed() == a)
    }

    @Test func selectsColumnsAndAppendsBias() {
        #expect(a.columns([2, 0]) == [[3, 1], [6, 4]])
        #expect(a.columns([0, 1]).appendingBiasColumn() == [[1, 2, 1], [4, 5, 1]])
    }

    @Test func multiplies() {
        let b: Matrix = [[1, 0], [0, 1], [2, -1]]
        // c_ij = Σ_k a_ik b_kj, by hand: [1+6, 2-3], [4+12, 5-6].
        #expect((a • b) == [[7, -1], [16, -1]])
        #expect(a.dot(b) == (a • b))
        #expect((a • Matrix(column: [1, 1, 1])) == [[6], [15]])
    }

    /// Narrow (n < 8) and wide right factors take different loop orders; both
    /// must add each entry's terms in order of k, as the definition does.
    @Test(arguments: [1, 4, 12])
    func multipliesLikeTheDefinition(columns n: Int) {
        var generator = SeededGenerator(seed: 7)
        let x = Matrix(rows: 9, columns: 5, sampling: .standard, using: &generator)
        let w = Matrix(rows: 5, columns: n, sampling: .standard, using: &generator)
        let expected = Matrix(rows: 9, columns: n) { i, j in
            (0..<5).reduce(0) { sum, k in sum + x[i, k] * w[k, j] }
        }
        // Same additions in the same order: equal to the last bit.
        #expect((x • w) == expected)
    }

    @Test func computesElementwiseWithScalars() {
        #expect(a + 1 == [[2, 3, 4], [5, 6, 7]])
        #expect(1 - a == [[0, -1, -2], [-3, -4, -5]])
        #expect(a * 2 == [[2, 4, 6], [8, 10, 12]])
        #expect(6 / a == [[6, 3, 2], [1.5, 1.2, 1]])
        #expect(-a == a * -1)
        #expect(a.map { $0 * $0 } == a * a)
    }

    @Test func computesInPlace() {
        var b = a
        b += [[10, 20, 30]]
        b -= 1
        b *= [[2], [1]]
        b /= 2
        #expect(b == [[10, 21, 32], [6.5, 12, 17.5]])
    }
}
