import Escaping
/// A legend placed on the page: its entries and where each goes.
struct LegendLayout {
    static let rowHeight = 18.0
    static let swatchWidth = 18.0
    static let padding = 8.0
    /// Room between the swatch and the name, and between entries in a row.
    static let gap = 6.0

    let entries: [LegendEntry]
    /// The top-left corner of each entry's row.
    let origins: [Point]
    /// The framed box around the entries, or `nil` for a legend above the
    /// plot, which has no frame.
    let box: Rect?

    /// A legend stacked in a framed box in a corner of `area`.
    static func inside(_ entries: [LegendEntry], corner: LegendPlacement, area: Rect) -> LegendLayout {
        let width = 2 * padding + swatchWidth + gap + (entries.map(textWidth).max() ?? 0)
        let height = padding + Double(entries.count) * rowHeight
        let left = corner == .topLeft || corner == .bottomLeft
        let top = corner == .topLeft || corner == .topRight
        let box = Rect(
            x: left ? area.x + padding : area.maxX - padding - width,
            y: top ? area.y + padding : area.maxY - padding - height,
            width: width, height: height)
        let origins = entries.indices.map { Point(x: box.x + padding, y: box.y + padding / 2 + Double($0) * rowHeight) }
        return LegendLayout(entries: entries, origins: origins, box: box)
    }

    /// The rows a legend above a plot of width `width` needs, its entries
    /// flowing left to right.
    static func rowsAbove(_ entries: [LegendEntry], width: Double) -> Int {
        flow(entries, width: width).map(\.row).max().map { $0 + 1 } ?? 0
    }

    /// A legend flowing left to right in rows above `area`.
    static func above(_ entries: [LegendEntry], area: Rect) -> LegendLayout {
        let places = flow(entries, width: area.width)
        let rows = Double(rowsAbove(entries, width: area.width))
        let top = area.y - gap - rows * rowHeight
        let origins = places.map { Point(x: area.x + $0.x, y: top + Double($0.row) * rowHeight) }
        return LegendLayout(entries: entries, origins: origins, box: nil)
    }

    private static func flow(_ entries: [LegendEntry], width: Double) -> [(x: Double, row: Int)] {
        var x = 0.0, row = 0
        return entries.map { entry in
            let entryWidth = swatchWidth + gap + textWidth(entry)
            if x > 0 && x + entryWidth > width {
                x = 0
                row += 1
            }
            defer { x += entryWidth + 3 * gap }
            return (x, row)
        }
    }

    private static func textWidth(_ entry: LegendEntry) -> Double {
        TextMetrics.width(of: entry.label, fontSize: Stylesheet.labelSize)
    }

    /// The legend's SVG elements.
    var svg: String {
        var out = box.map { "<rect class=\"f\" \($0.svgAttributes) rx=\"3\"/>\n" } ?? ""
        for (entry, origin) in zip(entries, origins) {
            let midY = origin.y + Self.rowHeight / 2
            let color = entry.color.hexString
            switch entry.mark {
            case .line:
                out += "<path class=\"s\" stroke=\"\(color)\" d=\"M\(origin.x.svgCoordinate) \(midY.svgCoordinate)h\(Self.swatchWidth.svgCoordinate)\"/>"
            case .dot:
                out += "<path class=\"d\" stroke=\"\(color)\" d=\"\(PathData.dots([Point(x: origin.x + Self.swatchWidth / 2, y: midY)]))\"/>"
            case let .marker(radius, outlined):
                out += "<circle\(outlined ? " class=\"o\"" : "") fill=\"\(color)\" cx=\"\((origin.x + Self.swatchWidth / 2).svgCoordinate)\" "
                    + "cy=\"\(midY.svgCoordinate)\" r=\"\(radius.svgCoordinate)\"/>"
            }
            let textX = origin.x + Self.swatchWidth + Self.gap
            let baseline = midY + Stylesheet.labelSize * 0.35
            out += "<text class=\"k\" x=\"\(textX.svgCoordinate)\" y=\"\(baseline.svgCoordinate)\">\(HTMLEscape.text(entry.label))</text>\n"
        }
        return out
    }
}
