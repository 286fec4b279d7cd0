import Neural

/// The seed lecture's Iris neuron: logistic regression on sepal length, sepal
/// width and a bias column, setosa (0) against the rest (1), trained by
/// gradient ascent from θ = (1, 1, 1) with step 0.1 until a step is no longer
/// than 5e-5 — written as a lecture would, through Neural's public API.
enum IrisBenchmark {
    static let features = Iris.features.columns([0, 1]).appendingBiasColumn()
    static let labels = Iris.setosaVersusRest

    static func run() -> Measurement {
        let model = LogisticRegression(features: features, labels: labels)
        let descent = GradientDescent(stepSize: 0.1, threshold: 5e-5)
        let start = Matrix(rows: 3, columns: 1, repeating: 1)
        return Measurement.timing {
            let result = model.fit(from: start, using: descent)
            return [("iterations", "\(result.iterations)"), ("theta", json(result.parameters.elements))]
        }
    }

    /// The data the C and NumPy programs read: a header, then one
    /// `sepal_length,sepal_width,label` line per flower, every number written
    /// so that it reads back as the same double.
    static func csv() -> String {
        var text = "sepal_length,sepal_width,label\n"
        for i in 0..<features.rows {
            text += "\(features[i, 0]),\(features[i, 1]),\(labels[i, 0])\n"
        }
        return text
    }
}
