/// Estimated sizes of text, so that layout can make room for labels without
/// a font engine.
enum TextMetrics {
    /// The width of `text` at `fontSize`: 0.6 em per character, a little more
    /// than the average advance of digits and letters in the system sans-serif
    /// fonts, so estimates err towards room to spare.
    static func width(of text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}
