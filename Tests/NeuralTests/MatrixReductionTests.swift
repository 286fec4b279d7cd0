import Neural
import Testing

/// Sums and means against NumPy (reference/numpy_sums.py). The expected values
/// are equal to the last bit, tolerance 0, because the library adds in
/// NumPy's order; where the order matters the sequential sum is shown too.
@Suite struct MatrixReductionTests {
    let tenth = Iris.features / 10

    @Test func sumsByHand() {
        let a: Matrix = [[1, 2, 3], [4, 5, 6]]
        #expect(a.sum() == 21)
        #expect(a.mean() == 3.5)
        #expect(a.rowSums() == [[6], [15]])
        #expect(a.columnSums() == [[5, 7, 9]])
        #expect(a.rowMeans() == [[2], [5]])
        #expect(a.columnMeans() == [[2.5, 3.5, 4.5]])
    }

    @Test func sumsAContiguousRunPairwiseAsNumPyDoes() {
        // (X / 10).sum(): pairwise 207.87, sequential 207.87000000000006.
        #expect(tenth.sum() == 207.87)
        #expect(Iris.features.sum() == 2078.6999999999998)
        // A 150×1 column is contiguous: pairwise 87.650000000000006,
        // sequential 87.649999999999991.
        #expect(tenth.column(0).columnSums() == [[87.650000000000006]])
        #expect(tenth.transposed().rowSums() == [[87.650000000000006], [45.859999999999999], [56.370000000000005], [17.989999999999998]])
    }

    @Test func sumsColumnsRowAfterRowAsNumPyDoes() {
        #expect(tenth.columnSums() == [[87.649999999999991, 45.859999999999999, 56.370000000000005, 17.990000000000006]])
        #expect(Iris.features.columnMeans() == [[5.8433333333333346, 3.0573333333333341, 3.7580000000000027, 1.199333333333334]])
        let rowMeans = Iris.features.rowMeans()
        #expect([rowMeans[0, 0], rowMeans[1, 0], rowMeans[2, 0]] == [2.5499999999999998, 2.375, 2.3500000000000001])
    }

    @Test func computesTheFrobeniusNorm() {
        #expect(Matrix(row: [3, 4]).norm() == 5)
        expectClose(Matrix([[1, 2, 3], [4, 5, 6]]).norm(), 91.0.squareRoot(), relative: 1e-15)
    }
}
