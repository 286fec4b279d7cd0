import Charts
import Testing

/// Nice tick steps and noise-free labels, value for value.
@Suite struct TicksTests {
    private func check(_ range: ClosedRange<Double>, count: Int = 5, values: [Double], labels: [String]) {
        let ticks = Ticks.nice(range, count: count)
        #expect(ticks.map(\.value) == values)
        #expect(ticks.map(\.label) == labels)
    }

    @Test func unitInterval() {
        check(0...1, values: [0, 0.2, 0.4, 0.6, 0.8, 1], labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func symmetricAroundZero() {
        check(-5...5, values: [-4, -2, 0, 2, 4], labels: ["−4", "−2", "0", "2", "4"])
    }

    @Test func sepalLengths() {
        check(3.3...8.9, values: [4, 5, 6, 7, 8], labels: ["4", "5", "6", "7", "8"])
    }

    @Test func microscopicRange() {
        check(
            1e-6...3e-6, values: [1e-6, 1.5e-6, 2e-6, 2.5e-6, 3e-6],
            labels: ["1.0×10⁻⁶", "1.5×10⁻⁶", "2.0×10⁻⁶", "2.5×10⁻⁶", "3.0×10⁻⁶"])
    }

    @Test func largeRange() {
        check(0...2e6, values: [0, 5e5, 1e6, 1.5e6, 2e6], labels: ["0", "0.5×10⁶", "1.0×10⁶", "1.5×10⁶", "2.0×10⁶"])
    }

    @Test func singleValue() {
        #expect(Ticks.nonsingular(2.5...2.5) == 2.25...2.75)
        check(2.5...2.5, values: [2.3, 2.4, 2.5, 2.6, 2.7], labels: ["2.3", "2.4", "2.5", "2.6", "2.7"])
    }

    @Test func singleZero() {
        #expect(Ticks.nonsingular(0...0) == -1...1)
        check(0...0, values: [-1, -0.5, 0, 0.5, 1], labels: ["−1.0", "−0.5", "0.0", "0.5", "1.0"])
    }

    @Test func noFloatingPointNoise() {
        // 3 × 0.1 is 0.30000000000000004 in floating point; the tick is 0.3.
        check(0...0.3, count: 3, values: [0, 0.1, 0.2, 0.3], labels: ["0.0", "0.1", "0.2", "0.3"])
    }

    @Test func nonFiniteRangeFallsBackToUnitInterval() {
        #expect(Ticks.nonsingular(0...Double.infinity) == 0...1)
    }
}
