/// The type sizes and the CSS every figure's SVG carries.
///
/// Ink (text, axes, ticks, outlines) is `currentColor` under the custom
/// property `--chart-ink`, so an inlined chart takes the page's text colour in
/// light and dark themes alike; data colours come from `Palette`. Rules are
/// scoped to the SVG's id, because a `<style>` inside inline SVG applies to
/// the whole HTML page.
enum Stylesheet {
    static let titleSize = 15.0
    static let labelSize = 12.0
    static let tickSize = 11.0

    /// The CSS for the SVG whose root has `id`.
    static func css(id: String) -> String {
        let rules = [
            "{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--chart-ink,currentColor)}",
            " text{fill:currentColor;font-size:\(tickSize.svgCoordinate)px}",
            " .t{font-size:\(titleSize.svgCoordinate)px;font-weight:600;text-anchor:middle}",
            " .l{font-size:\(labelSize.svgCoordinate)px;text-anchor:middle}",
            " .m{text-anchor:middle}",
            " .e{text-anchor:end}",
            " .a{fill:none;stroke:currentColor}",
            " .g{fill:none;stroke:currentColor;stroke-opacity:.14}",
            " .s{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}",
            " .d{fill:none;stroke-width:5;stroke-linecap:round}",
            " .o{stroke:currentColor;stroke-width:.8}",
            " .r{opacity:\(Palette.regionOpacity.svgCoordinate)}",
            " .f{fill:var(--chart-surface,none);stroke:currentColor;stroke-opacity:.3}",
            " .x{fill:none;stroke:currentColor;stroke-opacity:.45}",
            " .n{fill-opacity:.16;stroke-width:1.5}",
            " .k{font-size:\(labelSize.svgCoordinate)px}",
            " .h{paint-order:stroke;stroke:var(--chart-surface,none);stroke-width:4px;stroke-linejoin:round}",
            " .w{fill:none;stroke-width:2.5}",
            " .z{fill:none;stroke:currentColor;stroke-opacity:.16}",
            " .u{fill-opacity:.5;stroke-width:2.5}",
        ]
        return rules.map { "#\(id)\($0)" }.joined()
    }
}
