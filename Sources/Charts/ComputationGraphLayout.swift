/// Where the boxes of a `ComputationGraph` go, after Sugiyama, Tagawa and
/// Toda's layered drawing (1981): values in rows by depth, each one row below
/// the deepest of its operands and each input one row above the first value
/// that uses it; an arrow that skips rows passes through a waypoint in every
/// row it crosses, which takes a place in that row like a box, so that no
/// arrow runs through a box; within a row, boxes and waypoints are ordered
/// by where their neighbours are (the barycentre heuristic), to keep arrows
/// short and crossings few.
struct ComputationGraphLayout {
    static let padding = 14.0
    static let boxHeight = 2 * Stylesheet.labelSize + 14
    static let gap = 22.0
    static let waypointWidth = 16.0

    let boxWidth: Double
    /// The radius of every operation's circle: 11, or more for a long symbol.
    let operationRadius: Double
    /// From the top of a row (an operation's circle) to the top of the next.
    let rowHeight: Double
    /// The box of each node.
    let boxes: [Rect]
    /// For each edge of `ComputationGraph.edges`, the points it passes
    /// through: for each row it crosses, the top and the bottom of its
    /// place there, so that it runs straight down beside that row's boxes.
    let waypoints: [[Point]]
    let width: Double
    let height: Double
    let titleBaseline: Double

    /// A place in a row: node `index`, or waypoint `step` of edge `edge`.
    private enum Item: Hashable {
        case node(Int)
        case waypoint(edge: Int, step: Int)
    }

    init(_ graph: ComputationGraph) {
        let nodes = graph.nodes
        let textWidth = nodes.map {
            max(TextMetrics.width(of: $0.label, fontSize: Stylesheet.labelSize), TextMetrics.width(of: $0.note, fontSize: Stylesheet.tickSize))
        }.max() ?? 0
        let boxWidth = max(56, textWidth + 14)
        let operationRadius = max(11, (nodes.map { TextMetrics.width(of: $0.operation, fontSize: Stylesheet.labelSize) }.max() ?? 0) / 2 + 4)
        let rowHeight = 2 * operationRadius + 8 + Self.boxHeight + 34
        let rows = Self.rows(of: nodes)
        let rowCount = (rows.max() ?? -1) + 1
        let edges = graph.edges

        // Every item's row and its neighbours in the rows above and below.
        var rowOf: [Item: Int] = [:]
        var above: [Item: [Item]] = [:], below: [Item: [Item]] = [:]
        for index in nodes.indices { rowOf[.node(index)] = rows[index] }
        for (e, edge) in edges.enumerated() {
            var previous = Item.node(edge.from)
            for (step, row) in (rows[edge.from] + 1..<rows[edge.to]).enumerated() {
                let waypoint = Item.waypoint(edge: e, step: step)
                rowOf[waypoint] = row
                below[previous, default: []].append(waypoint)
                above[waypoint, default: []].append(previous)
                previous = waypoint
            }
            below[previous, default: []].append(.node(edge.to))
            above[.node(edge.to), default: []].append(previous)
        }
        var order = [[Item]](repeating: [], count: rowCount)
        for index in nodes.indices { order[rows[index]].append(.node(index)) }
        for (e, edge) in edges.enumerated() {
            for (step, row) in (rows[edge.from] + 1..<rows[edge.to]).enumerated() {
                order[row].append(.waypoint(edge: e, step: step))
            }
        }
        Self.sortByBarycentres(&order, rowOf: rowOf, above: above, below: below)

        func width(_ item: Item) -> Double {
            if case .node = item { return boxWidth }
            return Self.waypointWidth
        }
        let rowWidths = order.map { row in row.map(width).reduce(0, +) + Double(max(row.count - 1, 0)) * Self.gap }
        let widest = rowWidths.max() ?? 0
        let titleHeight = graph.title.isEmpty ? 0 : Stylesheet.titleSize + PlotLayout.lineGap
        let top = Self.padding + titleHeight
        var boxes = [Rect](repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: nodes.count)
        var waypoints = edges.map { edge in [Point](repeating: Point(x: 0, y: 0), count: 2 * max(rows[edge.to] - rows[edge.from] - 1, 0)) }
        for (row, items) in order.enumerated() {
            var x = Self.padding + (widest - rowWidths[row]) / 2
            let boxTop = top + Double(row) * rowHeight + 2 * operationRadius + 8
            for item in items {
                switch item {
                case .node(let index):
                    boxes[index] = Rect(x: x, y: boxTop, width: boxWidth, height: Self.boxHeight)
                case .waypoint(let edge, let step):
                    waypoints[edge][2 * step] = Point(x: x + Self.waypointWidth / 2, y: boxTop)
                    waypoints[edge][2 * step + 1] = Point(x: x + Self.waypointWidth / 2, y: boxTop + Self.boxHeight)
                }
                x += width(item) + Self.gap
            }
        }
        self.boxWidth = boxWidth
        self.operationRadius = operationRadius
        self.rowHeight = rowHeight
        self.boxes = boxes
        self.waypoints = waypoints
        self.width = 2 * Self.padding + widest
        height = top + Double(max(rowCount - 1, 0)) * rowHeight + 2 * operationRadius + 8 + Self.boxHeight + Self.padding
        titleBaseline = Self.padding + Stylesheet.titleSize * 0.8
    }

    /// The centre of the circle of node `index`'s operation, above its box.
    func operationCenter(_ index: Int) -> Point {
        Point(x: boxes[index].midX, y: boxes[index].y - 8 - operationRadius)
    }

    /// Each node's row: a made value one below its deepest operand, an input
    /// one above its first user (row 0 when nothing uses it).
    private static func rows(of nodes: [ComputationGraph.Node]) -> [Int] {
        var rows = [Int](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() where !node.inputs.isEmpty {
            rows[index] = 1 + (node.inputs.map { rows[$0] }.max() ?? 0)
        }
        for (index, node) in nodes.enumerated() where node.inputs.isEmpty {
            let users = nodes.indices.filter { nodes[$0].inputs.contains(index) }
            rows[index] = max(0, (users.map { rows[$0] }.min() ?? 1) - 1)
        }
        return rows
    }

    /// Sorts each row, twice over: down the rows by the mean place of each
    /// item's neighbours above, then up by that of its neighbours below; an
    /// item without such neighbours, and ties, keep their places.
    private static func sortByBarycentres(
        _ order: inout [[Item]], rowOf: [Item: Int], above: [Item: [Item]], below: [Item: [Item]]
    ) {
        func place(_ item: Item) -> Double {
            let row = order[rowOf[item]!]
            return Double(row.firstIndex(of: item) ?? 0) - Double(row.count - 1) / 2
        }
        func sort(_ row: Int, by neighbours: [Item: [Item]]) {
            let keys = order[row].map { item in
                let near = neighbours[item] ?? []
                return near.isEmpty ? place(item) : near.map(place).reduce(0, +) / Double(near.count)
            }
            order[row] = order[row].indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { order[row][$0] }
        }
        guard order.count > 1 else { return }
        for _ in 0..<2 {
            for row in 1..<order.count { sort(row, by: above) }
            for row in stride(from: order.count - 2, through: 0, by: -1) { sort(row, by: below) }
        }
    }
}
