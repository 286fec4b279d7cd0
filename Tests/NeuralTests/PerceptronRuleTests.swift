import Neural
import Testing

/// The perceptron rule on the seed's separable problem, against
/// reference/perceptron.py, which runs the same rule with NumPy's floats in
/// the same order of operations: the counts must be equal and θ equal to
/// 1e-12 relative (it is a sum of ±xᵢ, rounded in the same order).
@Suite struct PerceptronRuleTests {
    static let features = Iris.features.columns([0, 1]).appendingBiasColumn()

    @Test func separatesSetosaFromTheRest() {
        let fit = PerceptronRule().fit(features: Self.features, labels: Iris.setosaVersusRest, from: Matrix(column: [0, 0, 0]))
        #expect(fit.converged)
        #expect(fit.epochs == 686)
        #expect(fit.updates == 1489)
        #expect(Array(fit.mistakesPerEpoch.prefix(5)) == [1, 3, 2, 2, 3])
        expectClose(fit.parameters.elements, [78.800000000001361, -100.69999999999814, -123], relative: 1e-12)
        let predictions = Neuron.perceptron(weights: fit.parameters)(Self.features)
        #expect(predictions == Iris.setosaVersusRest)
    }

    /// The weights reported after each epoch are those the next epoch starts
    /// from: rerunning one epoch from them gives the next report.
    @Test func reportsTheWeightsAfterEachEpoch() {
        var reported: [Matrix] = []
        let rule = PerceptronRule(maximumEpochs: 5)
        let fit = rule.fit(features: Self.features, labels: Iris.setosaVersusRest, from: Matrix(column: [0, 0, 0])) { epoch, theta in
            #expect(epoch == reported.count + 1)
            reported.append(theta)
        }
        #expect(reported.count == 5 && reported.last == fit.parameters)
        for k in 0..<4 {
            let next = PerceptronRule(maximumEpochs: 1).fit(features: Self.features, labels: Iris.setosaVersusRest, from: reported[k])
            #expect(next.parameters == reported[k + 1])
        }
    }

    /// From θ = 0 every θ is α times the θ of step 1, so every prediction,
    /// and the number of updates, is the same for any α > 0.
    @Test func theStepOnlyScalesFromZero() {
        let one = PerceptronRule(learningRate: 1).fit(features: Self.features, labels: Iris.setosaVersusRest, from: Matrix(column: [0, 0, 0]))
        let quarter = PerceptronRule(learningRate: 0.25).fit(features: Self.features, labels: Iris.setosaVersusRest, from: Matrix(column: [0, 0, 0]))
        #expect(quarter.mistakesPerEpoch == one.mistakesPerEpoch)
        expectClose(quarter.parameters.elements, (0.25 * one.parameters).elements, relative: 1e-12)
    }

    /// Versicolor against the rest on the sepals is not separable: ten
    /// measured (length, width) pairs occur with both labels.
    @Test func neverConvergesOnInseparableData() {
        let labels = Matrix(column: Iris.targets.map { $0 == 1 ? 1 : 0 })
        let fit = PerceptronRule(maximumEpochs: 200).fit(features: Self.features, labels: labels, from: Matrix(column: [0, 0, 0]))
        #expect(!fit.converged)
        #expect(fit.epochs == 200)
        #expect(fit.mistakesPerEpoch.allSatisfy { $0 > 0 })
    }

    @Test func leavesACorrectStartAlone() {
        let x: Matrix = [[1, 2, 1], [-1, -3, 1]]
        let y = Matrix(column: [1, 0])
        let start = Matrix(column: [1, 1, 0])
        let fit = PerceptronRule().fit(features: x, labels: y, from: start)
        #expect(fit.epochs == 1 && fit.updates == 0)
        #expect(fit.parameters == start)
    }
}
