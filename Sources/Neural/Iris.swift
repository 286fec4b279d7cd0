/// Fisher's Iris flowers (R. A. Fisher, "The use of multiple measurements in
/// taxonomic problems", Annals of Eugenics 7, 1936): 150 flowers, 50 of each
/// of three species, measured in four ways — exactly the copy scikit-learn
/// ships as `sklearn.datasets.load_iris()`, bundled in the library so that no
/// lecture downloads anything.
public enum Iris {
    /// The four measurements, in the order of the columns of ``features``.
    /// Columns 0 and 1 are the sepal's, not the petal's.
    public static let featureNames = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]

    /// The three species, indexed by the values of ``targets``.
    public static let classNames = ["setosa", "versicolor", "virginica"]

    /// The 150×4 matrix of measurements, one flower per row.
    public static let features = Matrix(rows: 150, columns: 4, elements: measurements)

    /// The species of each flower: 0 setosa, 1 versicolor, 2 virginica.
    public static let targets: [Int] = classes

    /// The 150×1 column of binary labels for "setosa versus the rest":
    /// setosa is 0, versicolor and virginica are 1 (the seed lecture renames
    /// class 2 to class 1).
    public static let setosaVersusRest = Matrix(column: targets.map { $0 == 0 ? 0 : 1 })
}
