/// Where a plot's legend goes.
public enum LegendPlacement: Sendable, Hashable {
    /// Shown when there are at least two named entries: inside the first
    /// corner (top right, top left, bottom right, bottom left) that no data
    /// crosses, or above the plot when every corner is taken.
    case automatic
    /// Never shown.
    case hidden
    /// Above the plot area, entries in a row.
    case above
    /// Inside the plot area, in a corner.
    case topRight, topLeft, bottomRight, bottomLeft
}
