extension RegionGrid {
    /// The regions as SVG: a group at `Palette.regionOpacity` holding one
    /// rectangle of the most frequent class's colour under the whole grid and,
    /// over it, one traced path per other class. Drawn opaque inside the
    /// group, neighbouring regions meet without seams, and the group's
    /// opacity turns each strong colour into its light partner on any page.
    func svg(in projection: Projection) -> String {
        // Corners on the page, rounded to hundredths once, so that relative
        // moves between them add up exactly.
        let columnX = (0...columns).map {
            (projection.x(x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(columns)) * 100).rounded() / 100
        }
        let rowY = (0...rows).map {
            (projection.y(y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(rows)) * 100).rounded() / 100
        }
        let classes = classesByFrequency.map(\.class)
        let whole = Rect(x: columnX[0], y: rowY[rows], width: columnX[columns] - columnX[0], height: rowY[0] - rowY[rows])
        var out = "<g class=\"r\"><rect fill=\"\(Palette.color(classes[0]).hexString)\" \(whole.svgAttributes)/>\n"
        for k in classes.dropFirst() {
            let data = RegionOutline(grid: self, class: k).loops.map { loop in
                var previous = loop[0]
                var path = "M\(columnX[previous.column].svgCoordinate) \(rowY[previous.row].svgCoordinate)"
                for corner in loop.dropFirst() {
                    path += corner.column != previous.column
                        ? "h" + (columnX[corner.column] - columnX[previous.column]).svgCoordinate
                        : "v" + (rowY[corner.row] - rowY[previous.row]).svgCoordinate
                    previous = corner
                }
                return path + "Z"
            }
            out += "<path fill=\"\(Palette.color(k).hexString)\" d=\"\(data.joined())\"/>\n"
        }
        return out + "</g>\n"
    }
}
