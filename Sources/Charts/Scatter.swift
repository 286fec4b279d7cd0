/// Points coloured by category, each a disc with an optional outline.
///
/// Category `k` is drawn in `Palette.color(k)`, the same colour as class `k`
/// of a `RegionGrid`, so points sit on the light tint of their own region.
public struct Scatter: Sendable, Hashable {
    public var x: [Double]
    public var y: [Double]
    /// The category of each point, from 0; all 0 when the points are not
    /// categorised.
    public var categories: [Int]
    /// The legend's name of category `k` at index `k`; categories without a
    /// name get no legend entry.
    public var names: [String]
    /// The radius of a marker, in pixels.
    public var radius: Double
    /// Whether each marker has a thin outline in the ink colour.
    public var outlined: Bool

    /// A scatter of the shortest length of `x`, `y` and `categories` (when
    /// given). Points with a non-finite coordinate are left out of the drawing.
    public init(x: [Double], y: [Double], categories: [Int]? = nil, names: [String] = [], radius: Double = 4.5, outlined: Bool = true) {
        let count = min(x.count, y.count, categories?.count ?? Int.max)
        self.x = Array(x.prefix(count))
        self.y = Array(y.prefix(count))
        self.categories = categories.map { Array($0.prefix(count)) } ?? Array(repeating: 0, count: count)
        self.names = names
        self.radius = radius
        self.outlined = outlined
    }

    /// The categories that occur, in increasing order.
    var presentCategories: [Int] { Array(Set(categories)).sorted() }
}
