@testable import Charts
import Foundation
import Testing

/// Long lines are thinned to a few points per pixel column, keeping their shape.
@Suite struct ThinningTests {
    @Test func aLongNoisyCurveStaysSmall() {
        let steps = (0..<5000).map(Double.init)
        let loss = steps.map { 0.5 * exp(-$0 / 800) + 0.01 * sin($0 * 1.7) }
        let score = steps.map { 1 - 0.5 * exp(-$0 / 600) }
        let plot = Plot(title: "Training loss", xLabel: "step").line(x: steps, y: loss, name: "loss").dots(x: steps, y: score, name: "score")
        let unthinned = 5000 * "L123.45 67.89".utf8.count + 5000 * "M123.45 67.89h0".utf8.count
        #expect(unthinned >= 140_000)
        #expect(plot.svg().utf8.count < 40_000)
        #expect(plot.summary.contains("5000 points"), "the summary still counts every point")
    }

    @Test func thinningKeepsEachColumnsExtremesInOrder() {
        // Ten points in one column, then one point in the next.
        let run = (0..<10).map { Point(x: 1 + Double($0) * 0.05, y: Double([3, 7, 1, 9, 4, 2, 8, 5, 6, 0][$0])) } + [Point(x: 2, y: 5)]
        let kept = Series.thinned(run)
        #expect(kept.map(\.y) == [3, 9, 0, 5], "first, highest, then lowest and last (the same point), in order, then the next column")
        #expect(kept.map(\.x) == [1, 1.15, 1.45, 2])
    }

    @Test func shortRunsAreUnchanged() {
        let run = (0..<50).map { Point(x: Double($0) * 3, y: Double($0 % 7)) }
        #expect(Series.thinned(run) == run)
    }

    @Test func dotsOnTheSameSpotAreDrawnOnce() {
        let dots = [Point(x: 1, y: 1), Point(x: 1.3, y: 1.2), Point(x: 3, y: 1)]
        #expect(Series.distinctDots(dots) == [Point(x: 1, y: 1), Point(x: 3, y: 1)])
    }
}
