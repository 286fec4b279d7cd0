#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The decimal digits of a finite magnitude |x| = 0.d₁d₂…dₙ × 10^exponent,
/// with d₁ ≠ 0 and dₙ ≠ 0 (no digits at all for zero).
///
/// Two sources of digits, as NumPy's Dragon4 printing uses them: the shortest
/// digits that read back as x (Swift's own `description` finds them), and
/// the exact binary value rounded half-to-even at a fixed decimal place (the C
/// library's `printf`, which rounds exactly).
struct DecimalDigits: Equatable {
    var digits: [UInt8]
    var exponent: Int

    /// The shortest digits that convert back to |x|, nearest to |x| among them.
    init(shortest x: Double) {
        self.init(parsing: x.magnitude.description)
    }

    /// |x| rounded to `places` digits after the decimal point.
    init(_ x: Double, fractionDigits places: Int) {
        self.init(parsing: Self.printf("%.*f", places, x.magnitude))
    }

    /// |x| rounded to `count` significant digits.
    init(_ x: Double, significantDigits count: Int) {
        self.init(parsing: Self.printf("%.*e", count - 1, x.magnitude))
    }

    /// Digits of text such as `12.50`, `1e-05` or `1.25000000e+02`.
    private init(parsing text: String) {
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let power = parts.count > 1 ? Int(parts[1])! : 0
        let integerPart = mantissa.prefix { $0 != "." }
        let fractionPart = mantissa.dropFirst(integerPart.count + 1)
        var digits = (integerPart + fractionPart).map { UInt8($0.asciiValue! - UInt8(ascii: "0")) }
        var exponent = integerPart.count + power
        while digits.first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == 0 {
            digits.removeLast()
        }
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// How many digits follow the decimal point when written positionally.
    var fractionDigitCount: Int { max(0, digits.count - exponent) }

    /// The digits before and after the point when written positionally:
    /// `("12", "5")` for 12.5, `("0", "0025")` for 0.0025, `("0", "")` for 0.
    var positional: (integer: String, fraction: String) {
        let text = digits.map { Character(String($0)) }
        guard !text.isEmpty else { return ("0", "") }
        if exponent <= 0 {
            return ("0", String(repeating: "0", count: -exponent) + String(text))
        }
        let integer = String(text.prefix(exponent)) + String(repeating: "0", count: max(0, exponent - text.count))
        return (integer, String(text.dropFirst(exponent)))
    }

    /// The digits in scientific form d₁.d₂…dₙ × 10^power: `("1", "25", 2)` for 125.
    var scientific: (integer: String, fraction: String, power: Int) {
        let text = digits.map { Character(String($0)) }
        guard let first = text.first else { return ("0", "", 0) }
        return (String(first), String(text.dropFirst()), exponent - 1)
    }

    private static func printf(_ format: String, _ places: Int, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([CInt(places), value]) { arguments in
            vsnprintf(&buffer, buffer.count, format, arguments)
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
