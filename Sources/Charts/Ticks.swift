/// Readable axis ticks: steps of 1, 2 or 5 × 10^k, labels with exactly the
/// decimals the step needs.
public enum Ticks {
    /// About `count` ticks inside `range` (the nearest count that a nice step
    /// gives; between two equally near, the one with more ticks). A degenerate
    /// range is first widened by `nonsingular(_:)`.
    ///
    /// `nice(0...1)` is 0.0, 0.2, …, 1.0; `nice(-5...5)` is −4, −2, 0, 2, 4;
    /// `nice(1e-6...3e-6)` is 1.0×10⁻⁶, 1.5×10⁻⁶, …, 3.0×10⁻⁶.
    public static func nice(_ range: ClosedRange<Double>, count: Int = 5) -> [Tick] {
        let range = nonsingular(range)
        let target = max(count, 2)
        let raw = (range.upperBound - range.lowerBound) / Double(target)
        var best: (step: TickStep, multiples: ClosedRange<Int>)?
        for step in TickStep.candidates(around: raw) {
            guard let multiples = step.multiples(in: range) else { continue }
            if let current = best, abs(multiples.count - target) >= abs(current.multiples.count - target) { continue }
            best = (step, multiples)
        }
        guard let (step, multiples) = best else { return [] }
        let labels = TickLabels(step: step, multiples: multiples)
        return multiples.map { Tick(value: step.multiple($0), label: labels.label(forMultiple: $0)) }
    }

    /// `range` itself when it has width; otherwise a range around its single
    /// value: ±10 % of the value, or ±1 around zero. A range that is not
    /// finite becomes `0...1`.
    public static func nonsingular(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return 0...1 }
        let middle = (range.lowerBound + range.upperBound) / 2
        let width = range.upperBound - range.lowerBound
        guard width <= abs(middle) * 1e-12 else { return range }
        let half = middle == 0 ? 1 : abs(middle) * 0.1
        return (middle - half)...(middle + half)
    }
}
