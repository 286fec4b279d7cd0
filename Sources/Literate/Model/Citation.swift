/// A value cited in prose, `{{expression: recorded value}}`: the expression is
/// Swift, evaluated once all cells have run; the recorded value is what the
/// Markdown shows and what `verify` checks.
public struct Citation: Equatable, Sendable {
    /// 0-based position among the chapter's citations, in document order.
    public var index: Int
    public var expression: String
    /// The value as recorded in the source, if any (`{{y}}` has none yet).
    public var recorded: String?
    public var location: SourceLocation
    /// The whole `{{...}}` as offsets into the file's bytes as written.
    public var byteRange: Range<Int>
    /// The recorded value's bytes in the file, or, when there is none, the offset
    /// just after the expression, where `bless` writes `: value`.
    public var valueBytes: Range<Int>
    /// Whether it stands inside a formula.
    public var inFormula: Bool
}

extension Citation {
    /// What the citation shows: the run's value `actual` written like the
    /// recorded one (same decimals, or same significant digits in scientific
    /// notation), or with six significant digits when nothing was recorded; a
    /// recorded number that the run's value, so written, equals stays as the
    /// author spelled it (`2.5e5`, `+3`, `1.50E-3`). Text
    /// that is not a number as `verify` reads one (`0x1F`, `1.`) stays as it is,
    /// and so does a number a `Double` cannot hold (a whole number of more than
    /// 15 digits, `1e400`); without a run, the recorded value, else the expression.
    public func shown(_ actual: String?) -> String {
        guard let actual else { return recorded ?? expression }
        guard let read = RecordedNumber(actual), !read.needsDigits else { return actual }
        let number = read.value
        if let recorded, let previous = RecordedNumber(recorded) {
            let formatted = previous.formatting(number)
            // A value that reads as the recorded one, as verify reads it
            // (the sign of a zero, every digit of a number a Double cannot
            // hold), keeps the author's spelling of it: 2.5e5 stays, not 2.5e+05.
            if let again = RecordedNumber(formatted), previous.matches(again, tolerance: 0) { return recorded }
            return formatted
        }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(format: "%.6g", number)
    }
}
