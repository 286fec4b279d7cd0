import Charts
import Foundation
import Testing

/// Charts stay small enough to inline many in one page.
@Suite struct SizeTests {
    @Test func threeHundredPointLineIsUnder15KB() {
        let plot = Plot.function(0...10, points: 300, title: "Damped", xLabel: "t", yLabel: "x(t)", name: "x") {
            exp(-$0 / 4) * cos(3 * $0)
        }
        #expect(plot.svg().utf8.count < 15_000)
    }

    @Test func decisionRegionsOverA280By220GridAreUnder60KB() {
        let linear = SampleFigures.regions
        #expect(linear.regions?.columns == 280 && linear.regions?.rows == 220)
        #expect(linear.svg().utf8.count < 60_000)
        let circle = Plot().regions(x: 3.3...8.9, y: 1.0...5.4, step: 0.02) { x, y in
            (x - 6) * (x - 6) + (y - 3) * (y - 3) < 2 ? 1 : 0
        }
        #expect(circle.svg().utf8.count < 60_000)
    }

    @Test func regionsAreTracedPathsNotCells() throws {
        let svg = SampleFigures.regions.svg()
        // The clip rectangle, the background class's rectangle and the legend's frame.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
        #expect(svg.components(separatedBy: "<path fill=").count - 1 == 1)
    }
}
