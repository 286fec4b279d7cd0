import Foundation
import Neural
import Testing

@Suite struct LossTests {
    static let prediction: Matrix = [[0.8, 0.3], [0.55, 0.02], [0.9, 0.6]]
    static let labels: Matrix = [[1, 0], [0, 1], [1, 1]]

    @Test func binaryCrossEntropyIsTheMeanNegativeLogLikelihood() {
        let loss = Loss.binaryCrossEntropy.value(of: [[0.8], [0.3]], target: [[1], [0]])
        expectClose(loss, -(log(0.8) + log(0.7)) / 2, relative: 1e-15)
        // The seed's gradient for one output: −1/y for label 1, 1/(1 − y) for label 0.
        #expect(Loss.binaryCrossEntropy.gradient(of: [[0.8]], target: [[1]]) == [[-1 / 0.8]])
        #expect(Loss.binaryCrossEntropy.gradient(of: [[0.8]], target: [[0]]) == [[1 / (1 - 0.8)]])
        #expect(Loss.binaryCrossEntropy.value(of: [[1]], target: [[1]]) == 0)
    }

    @Test func meanSquaredErrorIsTheMeanOfSquares() {
        #expect(Loss.meanSquaredError.value(of: [[1, 2]], target: [[0, 4]]) == 2.5)
        #expect(Loss.meanSquaredError.gradient(of: [[1, 2]], target: [[0, 4]]) == [[1, -2]])
    }

    @Test(arguments: Loss.allCases, [LossTests.labels, LossTests.labels * 0.7 + 0.15])
    func gradientMatchesCentralDifferences(loss: Loss, target: Matrix) {
        let check = GradientCheck(
            analytic: loss.gradient(of: Self.prediction, target: target).elements,
            at: Self.prediction.elements
        ) { y in
            loss.value(of: Matrix(rows: 3, columns: 2, elements: y), target: target)
        }
        #expect(check.maxRelativeError <= 1e-6, "\(loss): \(check)")
    }
}
