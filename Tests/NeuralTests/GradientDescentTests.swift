import Neural
import Testing

/// Gradient descent on J(θ) = ½‖θ − c‖² with c = (3, 4) and α = 1/2 from θ₀ = 0:
/// ∇J = θ − c, so θₖ = c(1 − 2⁻ᵏ) and the k-th step is c·2⁻ᵏ, of length
/// 5·2⁻ᵏ. Every number here is exact in binary, so results are compared exactly.
@Suite struct GradientDescentTests {
    static let c: Matrix = [[3], [4]]
    static let start = Matrix(rows: 2, columns: 1, repeating: 0)
    static let descent = GradientDescent(stepSize: 0.5, threshold: 5.0 / 1024)

    @Test func stopsAtTheFirstShortEnoughStep() {
        let result = Self.descent.minimize(from: Self.start) { theta in theta - Self.c }
        #expect(result.stopReason == .converged)
        #expect(result.iterations == 10)
        #expect(result.lastStepNorm == 5.0 / 1024)
        #expect(result.parameters == Self.c * (1 - 1.0 / 1024))
    }

    @Test func ascendsTheNegatedObjective() {
        let ascent = Self.descent.maximize(from: Self.start) { theta in Self.c - theta }
        let descent = Self.descent.minimize(from: Self.start) { theta in theta - Self.c }
        #expect(ascent == descent)
    }

    @Test func givesUpAfterTheMaximumIterations() {
        var capped = Self.descent
        capped.maximumIterations = 3
        let result = capped.minimize(from: Self.start) { theta in theta - Self.c }
        #expect(result.stopReason == .reachedMaximumIterations)
        #expect(result.iterations == 3)
        #expect(result.lastStepNorm == 5.0 / 8)
        #expect(result.parameters == Self.c * (1 - 1.0 / 8))
    }

    @Test func reportsEachIterationBeforeItsStep() {
        var seen: [(Int, Matrix)] = []
        _ = Self.descent.minimize(from: Self.start, gradient: { theta in theta - Self.c }) { iteration, theta in
            seen.append((iteration, theta))
        }
        #expect(seen.map(\.0) == Array(0..<10))
        #expect(seen[0].1 == Self.start)
        #expect(seen[3].1 == Self.c * (1 - 1.0 / 8))
    }

    @Test func inPlaceGradientTakesTheSameSteps() {
        let inPlace = Self.descent.minimize(from: Self.start) { (theta: Matrix, g: inout Matrix) in
            for i in 0..<2 {
                g[i, 0] = theta[i, 0] - Self.c[i, 0]
            }
        }
        #expect(inPlace == Self.descent.minimize(from: Self.start) { theta in theta - Self.c })
    }
}
