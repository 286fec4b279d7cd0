@testable import Charts
import Testing

/// Numbers as SVG coordinates and as summaries print them.
@Suite struct FormatTests {
    @Test func coordinatesHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        #expect(12.5.svgCoordinate == "12.5")
        #expect(3.0.svgCoordinate == "3")
        #expect((-0.25).svgCoordinate == "-0.25")
        #expect(0.05.svgCoordinate == "0.05")
        #expect(1.004.svgCoordinate == "1")
        #expect(1.006.svgCoordinate == "1.01")
        #expect((-0.001).svgCoordinate == "0")
    }

    @Test func summariesHaveSixSignificantDigits() {
        #expect((0.1 + 0.2).summaryText == "0.3")
        #expect(0.006692850924284856.summaryText == "0.00669285")
        #expect((-5.0).summaryText == "-5")
        #expect(1.5e-6.summaryText == "1.5e-6")
        #expect(2.5e7.summaryText == "2.5e7")
        #expect(123456789.0.summaryText == "1.23457e8")
    }
}
