@testable import Charts
import Testing

/// Traced region outlines cover exactly the cells of their class.
@Suite struct RegionOutlineTests {
    /// The winding number of the loops around the centre of a cell.
    private func winding(_ loops: [[RegionOutline.Corner]], column: Int, row: Int) -> Int {
        let px = Double(column) + 0.5, py = Double(row) + 0.5
        var total = 0
        for loop in loops {
            for (a, b) in zip(loop, loop.dropFirst() + [loop[0]]) where a.column == b.column && Double(a.column) > px {
                let low = Double(min(a.row, b.row)), high = Double(max(a.row, b.row))
                if py > low && py < high { total += b.row > a.row ? 1 : -1 }
            }
        }
        return total
    }

    private func checkCoverage(_ grid: RegionGrid) {
        for k in Set(grid.classes) {
            let loops = RegionOutline(grid: grid, class: k).loops
            for loop in loops {
                // Corners only: moves alternate between horizontal and vertical.
                for (a, b) in zip(loop, loop.dropFirst() + [loop[0]]) {
                    #expect((a.column == b.column) != (a.row == b.row))
                }
            }
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    #expect((winding(loops, column: column, row: row) != 0) == (grid[column, row] == k))
                }
            }
        }
    }

    @Test func diagonalBoundary() {
        checkCoverage(RegionGrid(x: 0...1, y: 0...1, step: 0.05) { x, y in x > y ? 1 : 0 })
    }

    @Test func holesPinchesAndSeveralClasses() {
        // Rings, a checkerboard corner and three classes.
        let grid = RegionGrid(x: 0...12, y: 0...10, step: 1) { x, y in
            let ring = Int(max(abs(x - 6), abs(y - 5))) % 3
            return x < 3 && y < 3 ? (Int(x) + Int(y)) % 2 : ring
        }
        checkCoverage(grid)
    }

    @Test func singleCellAndFullGrid() {
        checkCoverage(RegionGrid(x: 0...3, y: 0...3, columns: 3, rows: 3, classes: [0, 0, 0, 0, 1, 0, 0, 0, 0]))
        let full = RegionOutline(grid: RegionGrid(x: 0...2, y: 0...1, columns: 2, rows: 1, classes: [4, 4]), class: 4)
        #expect(full.loops == [[.init(column: 0, row: 0), .init(column: 2, row: 0), .init(column: 2, row: 1), .init(column: 0, row: 1)]])
    }

    @Test func gridFromAStepMatchesNumPysArange() {
        let grid = RegionGrid(x: 3.3...8.9, y: 1.0...5.4, step: 0.02) { _, _ in 0 }
        #expect(grid.columns == 280)
        #expect(grid.rows == 220)
    }
}
