import Foundation
import Neural
import Testing

@Suite struct ActivationTests {
    /// Points away from the kinks of step and ReLU at 0.
    static let points: [Double] = [-4.2, -1.3, -0.37, 0.25, 0.8, 2.9, 6.5]

    @Test func computesTheDefinitions() {
        #expect(Activation.step(0) == 0 && Activation.step(1e-300) == 1 && Activation.step(-3) == 0)
        #expect(Activation.relu(-2) == 0 && Activation.relu(2.5) == 2.5)
        #expect(Activation.identity(-2.5) == -2.5)
        #expect(Activation.sigmoid(0) == 0.5)
        for z in Self.points {
            // NumPy's formula 1/(1+np.exp(-z)); the library's e⁻ᶻ and the C
            // library's are each within 0.66 ulp, so the quotients within 2e-16.
            expectClose(Activation.sigmoid(z), 1 / (1 + exp(-z)), relative: 2e-16)
            #expect(Activation.tanh(z) == tanh(z))
        }
    }

    @Test func appliesToEveryEntryOfAMatrix() {
        let z: Matrix = [[-1, 0], [2, 3]]
        #expect(Activation.relu(z) == [[0, 0], [2, 3]])
        #expect(Activation.sigmoid.derivative(z) == z.map { Activation.sigmoid.derivative($0) })
    }

    @Test(arguments: Activation.allCases)
    func derivativeMatchesCentralDifferences(activation: Activation) {
        for z in Self.points {
            let check = GradientCheck(analytic: [activation.derivative(z)], at: [z]) { activation($0[0]) }
            #expect(check.maxRelativeError <= 1e-6, "\(activation) at \(z): \(check)")
        }
    }

    @Test(arguments: Activation.allCases)
    func derivativeThroughTheOutputAgrees(activation: Activation) {
        for z in Self.points {
            expectClose(activation.derivative(atOutput: activation(z)), activation.derivative(z), relative: 1e-12)
        }
    }

    @Test func sigmoidStaysAccurateForLargeArguments() {
        // σ(z) ≈ eᶻ for z ≪ 0, a subnormal number here: 1/(1 + e⁻ᶻ) would
        // overflow e⁻ᶻ and give 0.
        #expect(1 / (1 + exp(740.0)) == 0)
        #expect((Activation.sigmoid(-740) - exp(-740.0)).magnitude <= .leastNonzeroMagnitude)
        #expect(Activation.sigmoid(-740) > 0)
        #expect(Activation.sigmoid(800) == 1)
        #expect(Activation.sigmoid(-800) == 0)
        // σ′(40) = e⁻⁴⁰/(1 + e⁻⁴⁰)² ≈ 4.25e-18, which σ(1 − σ) would round to 0.
        expectClose(Activation.sigmoid.derivative(40), exp(-40.0), relative: 1e-15)
    }
}
