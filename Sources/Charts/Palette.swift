/// The colours data is drawn in.
///
/// The hues are Okabe and Ito's colour-blind-safe set. Blue is lightened and
/// orange and sky blue are darkened so that every colour keeps a contrast of
/// at least 3:1 against both a white page and a near-black one (`#111`); the
/// first colour, the most used, has 4.3:1 against each.
public enum Palette {
    /// Series `i` and category `i` are drawn in `categorical[i % count]`.
    public static let categorical: [Color] = [
        Color(hex: 0x1A7FC0),  // blue, lightened
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0xB07C00),  // orange, darkened
        Color(hex: 0x3D8FC6),  // sky blue, darkened
    ]

    /// The colour of category (or series, or class) `index`.
    public static func color(_ index: Int) -> Color {
        categorical[(index % categorical.count + categorical.count) % categorical.count]
    }

    /// How strongly a decision region is tinted: the region of class `k` is
    /// `color(k)` at this opacity over the page, the light partner of the
    /// strong `color(k)` its points are drawn in. Over a white page this gives
    /// a pale tint, over a dark page a deep one.
    public static let regionOpacity = 0.28
}
