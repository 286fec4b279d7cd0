import Neural
import Testing

/// The product kernel chooses its loop order by shape; every entry must
/// still be the textbook sum 0 + a_i0·b_0j + a_i1·b_1j + …, to the last bit.
@Suite struct ProductKernelTests {
    /// Entries with signed zeros and magnitudes far apart, so that a change
    /// in the order of the additions would show.
    static func matrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in
            let bits = generator.next()
            return bits % 7 == 0 ? -0.0 : Double(Int64(bitPattern: bits) >> 40) * (bits % 3 == 0 ? 1e-9 : 1)
        }
    }

    static func textbook(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: b.columns) { i, j in
            var sum = 0.0
            for k in 0..<a.columns {
                sum += a[i, k] * b[k, j]
            }
            return sum
        }
    }

    static func same(_ a: Matrix, _ b: Matrix) -> Bool {
        a.shape == b.shape && zip(a.elements, b.elements).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test(arguments: [(1, 1, 1), (5, 3, 1), (7, 64, 1), (9, 2, 64), (3, 5, 7), (0, 3, 2), (2, 0, 3)])
    func productsAddInOrderOfK(m: Int, p: Int, n: Int) {
        let a = Self.matrix(m, p, seed: 1), b = Self.matrix(p, n, seed: 2)
        #expect(Self.same(a • b, Self.textbook(a, b)))
    }
}
