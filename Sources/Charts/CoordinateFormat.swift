extension Double {
    /// The number as an SVG coordinate: rounded to two decimals, trailing
    /// zeros dropped (`12.5`, `3`, `-0.25`), never `-0`.
    var svgCoordinate: String {
        guard isFinite else { return "0" }
        let hundredths = Int((self * 100).rounded())
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
