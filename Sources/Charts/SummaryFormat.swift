import Foundation

extension Double {
    /// The number as a figure's summary prints it: six significant digits,
    /// no trailing zeros, a short exponent where one is needed (`0.00669285`,
    /// `0.993307`, `-5`, `1.5e-6`, `2.5e7`).
    var summaryText: String {
        guard isFinite else { return isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        if self == 0 { return "0" }
        let printed = String(format: "%.6g", self)
        guard let e = printed.firstIndex(of: "e") else { return printed }
        let mantissa = printed[..<e]
        let exponent = Int(printed[printed.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }
}

extension ClosedRange<Double> {
    /// The range as a summary prints it: `[-5, 5]`.
    var summaryText: String { "[\(lowerBound.summaryText), \(upperBound.summaryText)]" }
}

extension String {
    /// The string quoted for a summary: `"σ(z)"`.
    var summaryQuoted: String { "\"" + self + "\"" }
}
