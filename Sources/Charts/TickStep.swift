import Foundation

/// A distance between ticks of the form m × 10^k with m ∈ {1, 2, 5}.
///
/// Ticks are whole multiples i × m × 10^k, so their values and labels are
/// computed from the integer i × m and the exponent k, never by adding steps
/// in floating point.
struct TickStep: Hashable {
    var mantissa: Int
    var exponent: Int

    /// The step in data units.
    var value: Double { multiple(1) }

    /// The value of the `i`th multiple of the step, the double nearest to
    /// the exact decimal i × m × 10^k.
    func multiple(_ i: Int) -> Double {
        let units = Double(i * mantissa)
        return exponent >= 0 ? units * Self.powerOfTen(exponent) : units / Self.powerOfTen(-exponent)
    }

    /// The multiples of the step that lie in `range` (a hair of tolerance at
    /// each end, so `0.3` counts as inside `[0, 0.3]`).
    func multiples(in range: ClosedRange<Double>) -> ClosedRange<Int>? {
        let first = (range.lowerBound / value - 1e-9).rounded(.up)
        let last = (range.upperBound / value + 1e-9).rounded(.down)
        guard first <= last, abs(first) < 1e15, abs(last) < 1e15 else { return nil }
        return Int(first)...Int(last)
    }

    /// The nine candidate steps around `raw`: {1, 2, 5} × 10^(k-1 … k+1) for
    /// k = ⌊log10(raw)⌋.
    static func candidates(around raw: Double) -> [TickStep] {
        let k = Int(log10(raw).rounded(.down))
        return (k - 1...k + 1).flatMap { e in [1, 2, 5].map { TickStep(mantissa: $0, exponent: e) } }
    }

    /// 10^n for 0 ≤ n ≤ 22 exactly, beyond that as near as `Double` gets.
    static func powerOfTen(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}
