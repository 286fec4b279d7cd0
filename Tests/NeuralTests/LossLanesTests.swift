@testable import Neural
import Testing

/// The backward pass forms ∂J/∂y eight entries at a time; each lane must be
/// the scalar formula's value to the last bit, also where a term is left out
/// (a target of 0 or 1) and where the left-out term's division would give
/// ±∞ or NaN (y = 0 or 1).
@Suite struct LossLanesTests {
    static let predictions: [Double] = [0, .leastNonzeroMagnitude, 1e-300, 0.02, 0.3, 0.5, 0.8,
                                        1 - .ulpOfOne / 2, 1, 0.999_999_999_999]
    static let targets: [Double] = [0, 1, 0.25, 0.7, 1e-17]

    @Test(arguments: Loss.allCases)
    func eightLanesAreTheScalarDerivative(_ loss: Loss) {
        let pairs = Self.predictions.flatMap { y in Self.targets.map { t in (y, t) } }
        for start in stride(from: 0, to: pairs.count, by: 8) {
            let chunk = pairs[start..<min(start + 8, pairs.count)]
            var y = Lanes(repeating: 0.5), t = Lanes(repeating: 1)
            for (lane, pair) in chunk.enumerated() {
                (y[lane], t[lane]) = pair
            }
            let lanes = loss.derivative(y, t, count: 37)
            for (lane, (y, t)) in chunk.enumerated() {
                let scalar = loss.derivative(y, t, count: 37)
                #expect(lanes[lane].bitPattern == scalar.bitPattern || (lanes[lane].isNaN && scalar.isNaN),
                        "\(loss) y = \(y), t = \(t): \(lanes[lane]) against \(scalar)")
            }
        }
    }
}
