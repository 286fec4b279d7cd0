#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gradient descent with a fixed step size α: from θ₀, repeat
///
///     θₖ = θₖ₋₁ − α ∇J(θₖ₋₁)    (minimize J)
///     θₖ = θₖ₋₁ + α ∇J(θₖ₋₁)    (maximize J: gradient ascent)
///
/// until a step is short, ‖θₖ − θₖ₋₁‖ ≤ `threshold` (the Euclidean norm of
/// the difference of the stored parameters), or `maximumIterations` steps
/// have been taken. Before each step, `onIteration(k, θₖ)` is called with the
/// number k of steps taken so far, so `k % 50_000 == 0` reports every
/// 50 000 iterations starting at 0.
///
/// The loop allocates nothing per step: it keeps the current and previous
/// parameters and the gradient in three buffers, and a gradient given as
/// `(θ, inout g)` writes into the last one.
public struct GradientDescent: Sendable {
    /// The step size (learning rate) α.
    public var stepSize: Double
    /// The step length at or below which the iteration has converged.
    public var threshold: Double
    /// The most steps taken before giving up.
    public var maximumIterations: Int

    public init(stepSize: Double, threshold: Double, maximumIterations: Int = 10_000_000) {
        require(maximumIterations >= 1, "GradientDescent: maximumIterations must be at least 1")
        self.stepSize = stepSize
        self.threshold = threshold
        self.maximumIterations = maximumIterations
    }

    /// Why the iteration ended.
    public enum StopReason: Sendable, Equatable {
        /// The last step was no longer than the threshold.
        case converged
        /// `maximumIterations` steps were taken, the last one still too long.
        case reachedMaximumIterations
    }

    /// Where the iteration ended.
    public struct Result: Sendable, Equatable {
        /// The final parameters θₖ.
        public var parameters: Matrix
        /// The number k of steps taken.
        public var iterations: Int
        /// ‖θₖ − θₖ₋₁‖, the length of the last step.
        public var lastStepNorm: Double
        public var stopReason: StopReason
    }

    /// Minimizes J from `start`, given its gradient θ ↦ ∇J(θ).
    public func minimize(
        from start: Matrix,
        gradient: (Matrix) -> Matrix,
        onIteration: (_ iteration: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> Result {
        iterate(from: start, scale: -stepSize, gradient: { theta, g in g = gradient(theta) }, onIteration: onIteration)
    }

    /// Maximizes J from `start` by gradient ascent, given θ ↦ ∇J(θ).
    public func maximize(
        from start: Matrix,
        gradient: (Matrix) -> Matrix,
        onIteration: (_ iteration: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> Result {
        iterate(from: start, scale: stepSize, gradient: { theta, g in g = gradient(theta) }, onIteration: onIteration)
    }

    /// Minimizes J from `start`; `gradient(θ, &g)` stores ∇J(θ) in g, which
    /// has θ's shape and whose storage is reused from step to step.
    public func minimize(
        from start: Matrix,
        gradient: (Matrix, inout Matrix) -> Void,
        onIteration: (_ iteration: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> Result {
        iterate(from: start, scale: -stepSize, gradient: gradient, onIteration: onIteration)
    }

    /// Maximizes J from `start` by gradient ascent; `gradient(θ, &g)` stores
    /// ∇J(θ) in g, which has θ's shape and is reused from step to step.
    public func maximize(
        from start: Matrix,
        gradient: (Matrix, inout Matrix) -> Void,
        onIteration: (_ iteration: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> Result {
        iterate(from: start, scale: stepSize, gradient: gradient, onIteration: onIteration)
    }

    /// θₖ = θₖ₋₁ + scale · g(θₖ₋₁), with scale = −α to descend, +α to ascend.
    private func iterate(
        from start: Matrix,
        scale: Double,
        gradient: (Matrix, inout Matrix) -> Void,
        onIteration: (Int, Matrix) -> Void
    ) -> Result {
        var theta = start
        var previous = Matrix(rows: start.rows, columns: start.columns, repeating: 0)
        var g = previous
        var iterations = 0
        var stepNorm = Double.infinity
        while iterations < maximumIterations {
            onIteration(iterations, theta)
            swap(&theta, &previous)
            gradient(previous, &g)
            _ = g.shape.same(as: theta.shape, operation: "GradientDescent: gradient and parameters").required
            stepNorm = theta.assignStep(from: previous, scale: scale, direction: g)
            iterations += 1
            if stepNorm <= threshold {
                return Result(parameters: theta, iterations: iterations, lastStepNorm: stepNorm, stopReason: .converged)
            }
        }
        return Result(
            parameters: theta, iterations: iterations, lastStepNorm: stepNorm, stopReason: .reachedMaximumIterations
        )
    }
}

extension Matrix {
    /// Sets this matrix to p + s·g, entry by entry, and returns ‖(p + s·g) − p‖
    /// computed from the stored entries (not s‖g‖), as the stopping test of
    /// ``GradientDescent`` needs. All three have one shape.
    fileprivate mutating func assignStep(from p: Matrix, scale s: Double, direction g: Matrix) -> Double {
        var squares = 0.0
        p.elements.withUnsafeBufferPointer { p in
            g.elements.withUnsafeBufferPointer { g in
                elements.withUnsafeMutableBufferPointer { theta in
                    for i in theta.indices {
                        theta[i] = p[i] + s * g[i]
                        let step = theta[i] - p[i]
                        squares += step * step
                    }
                }
            }
        }
        return sqrt(squares)
    }
}
