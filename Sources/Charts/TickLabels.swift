/// The labels of one axis's ticks, formatted from integers so that no
/// floating-point noise can show.
///
/// Labels share one number of decimals, the step's (`0.0`, `0.2`, … `1.0`).
/// When the largest tick is below 10⁻³ or at least 10⁶ they share a power of
/// ten instead (`1.5×10⁻⁶`). Negative numbers take a true minus sign.
struct TickLabels {
    let step: TickStep
    /// The power of ten labels are written in, or `nil` for plain decimals.
    let scientificExponent: Int?

    init(step: TickStep, multiples: ClosedRange<Int>) {
        self.step = step
        let largest = max(multiples.lowerBound.magnitude, multiples.upperBound.magnitude) * UInt(step.mantissa)
        let magnitude = largest == 0 ? step.exponent : step.exponent + String(largest).count - 1
        scientificExponent = (magnitude < -3 || magnitude >= 6) && largest != 0 ? magnitude : nil
    }

    func label(forMultiple i: Int) -> String {
        let units = i * step.mantissa
        guard let power = scientificExponent else {
            return step.exponent >= 0
                ? Self.fixedPoint(units * Int(TickStep.powerOfTen(step.exponent)), decimals: 0)
                : Self.fixedPoint(units, decimals: -step.exponent)
        }
        if units == 0 { return "0" }
        return Self.fixedPoint(units, decimals: power - step.exponent) + "×10" + Self.superscript(power)
    }

    /// `units` / 10^decimals written with exactly `decimals` decimals.
    static func fixedPoint(_ units: Int, decimals: Int) -> String {
        var digits = String(units.magnitude)
        if decimals > 0 {
            digits = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (units < 0 ? "\u{2212}" : "") + digits
    }

    /// An exponent in superscript digits: `⁻⁶`.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(n.magnitude).map { digits[Int(String($0))!] })
    }
}
