import Neural
import Testing

/// The bundled data against scikit-learn's load_iris() (see reference/make_iris.py).
@Suite struct IrisTests {
    @Test func hasFisherShapeAndNames() {
        #expect(Iris.features.shape == Matrix.Shape(rows: 150, columns: 4))
        #expect(Iris.featureNames == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"])
        #expect(Iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(Iris.targets.count == 150)
        #expect((0..<3).map { c in Iris.targets.filter { $0 == c }.count } == [50, 50, 50])
    }

    @Test func holdsScikitLearnsMeasurements() {
        #expect(Iris.features.row(0) == [[5.1, 3.5, 1.4, 0.2]])
        #expect(Iris.features.row(149) == [[5.9, 3.0, 5.1, 1.8]])
        // NumPy: X.sum() and X.mean(axis=0), reference/numpy_sums.py.
        #expect(Iris.features.sum() == 2078.6999999999998)
        #expect(Iris.features.columnMeans() == [[5.8433333333333346, 3.0573333333333341, 3.7580000000000027, 1.199333333333334]])
    }

    @Test func binarizesSetosaAgainstTheRest() {
        let labels = Iris.setosaVersusRest
        #expect(labels.shape == Matrix.Shape(rows: 150, columns: 1))
        #expect(labels.elements == Iris.targets.map { $0 == 0 ? 0 : 1 })
        #expect(labels.sum() == 100)
    }
}
