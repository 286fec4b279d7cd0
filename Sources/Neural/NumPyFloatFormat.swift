/// How NumPy prints the floats of one array under its default print options
/// (`precision=8`, `floatmode='maxprec'`, `suppress=False`): a port of
/// `FloatingFormat` in `numpy/_core/arrayprint.py`.
///
/// All entries share one style, chosen from the finite nonzero magnitudes:
/// scientific when the largest is ≥ 10⁸, the smallest < 10⁻⁴, or their ratio
/// > 10³; positional otherwise. Each value is written with the fewest digits
/// that read back as it, but never more than 8 after the point (then it is
/// rounded). Positional entries align on the point and are padded with spaces
/// (`[ 1.5  -0.25]`); scientific entries are padded with zeros to the longest
/// fraction (`[1.5e-05 2.0e+00]`).
struct NumPyFloatFormat {
    private let scientific: Bool
    private let integerWidth: Int
    private let fractionWidth: Int
    private let exponentDigits: Int
    /// The width of what follows the decimal point: fraction and exponent.
    private let rightWidth: Int

    private static let precision = 8

    /// The format for an array whose shown entries are `values`.
    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map(\.magnitude)
        let scientific = if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1e3
        } else {
            false
        }
        self.scientific = scientific
        let parts = finite.map { Self.parts(of: $0, scientific: scientific) }
        var integerWidth = parts.map(\.integer.count).max() ?? 0
        fractionWidth = parts.map(\.fraction.count).max() ?? 0
        exponentDigits = max(0, (parts.map(\.exponent.count).max() ?? 0) - 1)
        rightWidth = scientific ? fractionWidth + 2 + exponentDigits : fractionWidth
        if finite.count < values.count {
            let longest = values.contains(-.infinity) ? "-inf".count : "nan".count
            integerWidth = max(integerWidth, longest - (rightWidth + 1))
        }
        self.integerWidth = integerWidth
    }

    /// `x` as NumPy prints it among the values of this format.
    func callAsFunction(_ x: Double) -> String {
        guard x.isFinite else {
            let text = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
            let width = integerWidth + 1 + rightWidth
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var parts = Self.parts(of: x, scientific: scientific)
        let integer = String(repeating: " ", count: integerWidth - parts.integer.count) + parts.integer
        if scientific {
            let fraction = parts.fraction + String(repeating: "0", count: fractionWidth - parts.fraction.count)
            let exponentSign = parts.exponent.removeFirst()
            let exponent = String(repeating: "0", count: exponentDigits - parts.exponent.count) + parts.exponent
            return integer + "." + fraction + "e" + String(exponentSign) + exponent
        }
        return integer + "." + parts.fraction + String(repeating: " ", count: fractionWidth - parts.fraction.count)
    }

    /// The signed integer part, the fraction digits and (scientific only) the
    /// signed exponent of at least two digits, each as short as NumPy's first
    /// pass writes them.
    private static func parts(
        of x: Double, scientific: Bool
    ) -> (integer: String, fraction: String, exponent: String) {
        let sign = x.sign == .minus ? "-" : ""
        var digits = DecimalDigits(shortest: x)
        if scientific {
            if digits.digits.count - 1 > precision {
                digits = DecimalDigits(x, significantDigits: precision + 1)
            }
            let (integer, fraction, power) = digits.scientific
            let magnitude = String(power.magnitude)
            let exponent = (power < 0 ? "-" : "+") + String(repeating: "0", count: max(0, 2 - magnitude.count)) + magnitude
            return (sign + integer, fraction, exponent)
        }
        if digits.fractionDigitCount > precision {
            digits = DecimalDigits(x, fractionDigits: precision)
        }
        let (integer, fraction) = digits.positional
        return (sign + integer, fraction, "")
    }
}
