import Foundation

/// Text read as a sequence of literal pieces and numbers, so two outputs can be
/// compared exactly in their words and within a tolerance in their numbers.
///
/// A number is an optional sign, digits with an optional fraction, and an optional
/// exponent (`-3.42057777e-06`, `0.590378`, `150`). Digits glued to letters (`x1`,
/// `W2`, `0x1F`) are words, not numbers.
struct NumericText: Equatable {
    enum Piece: Equatable {
        case literal(String)
        case number(RecordedNumber)
    }

    var pieces: [Piece]

    init(_ text: String) {
        // Trailing spaces of each line and trailing blank lines are not significant.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trailingSpacesTrimmed }
        let normalized = lines.joined(separator: "\n").trimmingTrailingNewlines
        var pieces: [Piece] = []
        var literal = ""
        let characters = Array(normalized)
        var index = 0
        while index < characters.count {
            if let (number, end) = RecordedNumber.scan(characters, at: index) {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.number(number))
                index = end
            } else {
                literal.append(characters[index])
                index += 1
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }
}

/// A number as it was written: its value and the precision its digits carry.
struct RecordedNumber: Equatable {
    var text: String
    var value: Double
    /// The place value of its last digit: 1e-6 for `0.590378`, 1e-14 for `-3.42057777e-06`.
    var lastDigit: Double

    init?(_ text: String) {
        let characters = Array(text)
        guard let (number, end) = Self.scan(characters, at: 0), end == characters.count else { return nil }
        self = number
    }

    private init(text: String, value: Double, lastDigit: Double) {
        self.text = text
        self.value = value
        self.lastDigit = lastDigit
    }

    /// Whether `actual` matches this recorded number: equal once rounded to the
    /// recorded precision, or within `tolerance` relative to the recorded value.
    ///
    /// Where a `Double` cannot tell two numbers apart, their digits are compared
    /// instead: whole numbers of more than 15 digits (beyond 2^53 a `Double`
    /// rounds `9007199254740993` to `…992`), and numbers too large or too small
    /// for it (`1e400` and `1e399` both read as infinity). The sign counts, zero
    /// included: `-0.0` is not `0.0`.
    func matches(_ actual: RecordedNumber, tolerance: Double) -> Bool {
        if isNegative != actual.isNegative, !(value == 0 && actual.value == 0 && !isNegative && !actual.isNegative) {
            return false
        }
        if needsDigits || actual.needsDigits { return digits == actual.digits }
        if actual.value == value { return true }
        let rounded = (actual.value / lastDigit).rounded() * lastDigit
        let scale = max(abs(value), lastDigit)
        return abs(rounded - value) <= tolerance * scale + lastDigit * 1e-9
    }

    private var isNegative: Bool { text.hasPrefix("-") }

    /// Whether a `Double` cannot hold this number faithfully.
    var needsDigits: Bool {
        if !value.isFinite || (value == 0 && text.contains(where: { ("1"..."9").contains($0) })) { return true }
        let isWhole = !text.contains(".") && !text.contains("e") && !text.contains("E")
        return isWhole && digits.count > 15
    }

    /// The number written without its sign, leading `+` or leading zeros.
    private var digits: String {
        let unsigned = text.drop { $0 == "-" || $0 == "+" }
        let trimmed = unsigned.drop { $0 == "0" }
        return trimmed.isEmpty || trimmed.first == "." ? "0" + trimmed : String(trimmed)
    }

    /// The relative error of `actual` against this value.
    func relativeError(of actual: Double) -> Double {
        value == 0 ? abs(actual) : abs(actual - value) / abs(value)
    }

    /// `actual` written with this number's precision and notation.
    func formatting(_ actual: Double) -> String {
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e]
            let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
            var formatted = String(format: "%.\(decimals)e", actual)
            if text[e] == "E" { formatted = formatted.uppercased() }
            return formatted
        }
        let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
        let formatted = String(format: "%.\(decimals)f", actual)
        // "-0.000" reads as a sign error; zero is written unsigned.
        return formatted.hasPrefix("-") && Double(formatted) == 0 ? String(formatted.dropFirst()) : formatted
    }

    static func scan(_ characters: [Character], at start: Int) -> (RecordedNumber, Int)? {
        if start > 0, characters[start - 1].isLetter || characters[start - 1] == "_" || characters[start - 1].isNumber || characters[start - 1] == "." {
            return nil
        }
        var index = start
        if index < characters.count, characters[index] == "-" || characters[index] == "+" { index += 1 }
        let integerStart = index
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        let integerDigits = index - integerStart
        var fractionDigits = 0
        if index < characters.count, characters[index] == ".", index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isNumber {
            index += 1
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1; fractionDigits += 1 }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        var exponent = 0
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var probe = index + 1
            if probe < characters.count, characters[probe] == "-" || characters[probe] == "+" { probe += 1 }
            let digitsStart = probe
            while probe < characters.count, characters[probe].isASCII, characters[probe].isNumber { probe += 1 }
            if probe > digitsStart, let value = Int(String(characters[(index + 1)..<probe])) {
                exponent = value
                index = probe
            }
        }
        if index < characters.count, characters[index].isLetter || characters[index] == "_" { return nil }
        let text = String(characters[start..<index])
        guard let value = Double(text) else { return nil }
        return (RecordedNumber(text: text, value: value, lastDigit: pow(10, Double(exponent - fractionDigits))), index)
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        String(reversed().drop { $0 == "\n" }.reversed())
    }
}
