import Charts
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The same data gives the same bytes, and ids never collide by accident.
@Suite struct DeterminismTests {
    @Test(arguments: SampleFigures.all.map(\.name))
    func twoRendersAreIdentical(name: String) throws {
        let figure = try #require(SampleFigures.all.first { $0.name == name }).figure
        #expect(figure.svg() == figure.svg())
    }

    @Test func differentFiguresGetDifferentIds() throws {
        let ids = try SampleFigures.all.map { try #require(try parseSVG($0.figure.svg()).rootElement()?.value(of: "id")) }
        #expect(Set(ids).count == ids.count)
    }

    @Test func aGivenIdIsUsedAndMadeSafeForCSS() throws {
        let root = try #require(try parseSVG(SampleFigures.line.id("fig 3").svg()).rootElement())
        #expect(root.value(of: "id") == "fig-3")
        let numeric = try #require(try parseSVG(SampleFigures.line.id("3").svg()).rootElement())
        #expect(numeric.value(of: "id") == "c3")
    }
}
