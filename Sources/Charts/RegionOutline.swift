/// The boundary of the cells of one class in a `RegionGrid`, traced as closed
/// rectilinear loops, so that a region is drawn as one path instead of one
/// rectangle per cell.
///
/// Loops run with their region on the left (outer boundaries counter-clockwise
/// with y up, holes clockwise), so the nonzero fill rule fills exactly the
/// cells of the class. Only corners are kept: a loop alternates horizontal and
/// vertical moves.
struct RegionOutline {
    /// A corner of the grid: column and row of the lattice point, from 0 to
    /// `columns` and `rows`.
    struct Corner: Hashable {
        var column: Int
        var row: Int
    }

    /// The loops, each as its corners in order.
    let loops: [[Corner]]

    init(grid: RegionGrid, class k: Int) {
        let width = grid.columns + 1
        var starts: [Int] = []
        var ends: [Int] = []
        func inClass(_ column: Int, _ row: Int) -> Bool {
            column >= 0 && row >= 0 && column < grid.columns && row < grid.rows && grid[column, row] == k
        }
        for row in 0..<grid.rows {
            for column in 0..<grid.columns where grid[column, row] == k {
                let lowerLeft = row * width + column
                let lowerRight = lowerLeft + 1
                let upperLeft = lowerLeft + width
                let upperRight = upperLeft + 1
                if !inClass(column, row - 1) { starts.append(lowerLeft); ends.append(lowerRight) }
                if !inClass(column + 1, row) { starts.append(lowerRight); ends.append(upperRight) }
                if !inClass(column, row + 1) { starts.append(upperRight); ends.append(upperLeft) }
                if !inClass(column - 1, row) { starts.append(upperLeft); ends.append(lowerLeft) }
            }
        }
        loops = Self.link(starts: starts, ends: ends, vertexCount: width * (grid.rows + 1))
            .map { $0.map { Corner(column: $0 % width, row: $0 / width) } }
    }

    /// Joins unit edges into loops of corner vertices. Every vertex has as
    /// many edges in as out (at most two), so a walk along unused edges can
    /// only stop where it started.
    private static func link(starts: [Int], ends: [Int], vertexCount: Int) -> [[Int]] {
        var outgoing = [Int32](repeating: -1, count: vertexCount * 2)
        for (edge, start) in starts.enumerated() {
            outgoing[start * 2 + (outgoing[start * 2] < 0 ? 0 : 1)] = Int32(edge)
        }
        var used = [Bool](repeating: false, count: starts.count)
        var loops: [[Int]] = []
        for first in starts.indices where !used[first] {
            var vertices: [Int] = []
            var edge = first
            while true {
                used[edge] = true
                vertices.append(starts[edge])
                let vertex = ends[edge]
                if vertex == starts[first] { break }
                let a = Int(outgoing[vertex * 2]), b = Int(outgoing[vertex * 2 + 1])
                edge = !used[a] ? a : b
            }
            loops.append(corners(of: vertices))
        }
        return loops
    }

    /// The vertices of a loop where its direction changes (a move is ±1
    /// along a row or ± a row's width across rows, so equal index differences
    /// mean the same direction).
    private static func corners(of vertices: [Int]) -> [Int] {
        let n = vertices.count
        return vertices.indices.filter { i in
            let previous = vertices[(i + n - 1) % n], next = vertices[(i + 1) % n]
            return next - vertices[i] != vertices[i] - previous
        }.map { vertices[$0] }
    }
}
