import Charts
import Foundation
import Testing

/// Each kind of chart against its recorded SVG (re-record with
/// `RECORD_GOLDEN=1 swift test --filter ChartsTests`), and each SVG well-formed.
@Suite struct GoldenTests {
    @Test(arguments: SampleFigures.all.map(\.name))
    func matchesGolden(name: String) throws {
        let svg = try #require(SampleFigures.all.first { $0.name == name }).figure.svg()
        let golden = GoldenFile(name: name + ".svg")
        let expected = try #require(try golden.expected(recording: svg), "no golden file \(golden.url.path); record with RECORD_GOLDEN=1")
        #expect(svg == expected, "\(name).svg differs from its golden file; if the change is intended, record with RECORD_GOLDEN=1")
    }

    @Test(arguments: SampleFigures.all.map(\.name))
    func parsesAsXML(name: String) throws {
        let svg = try #require(SampleFigures.all.first { $0.name == name }).figure.svg()
        let root = try #require(try parseSVG(svg).rootElement())
        #expect(root.name == "svg")
        #expect(root.value(of: "viewBox") != nil)
        #expect(root.value(of: "width") == nil)
        #expect(root.value(of: "role") == "img")
        let id = try #require(root.value(of: "id"))
        #expect(root.value(of: "aria-labelledby") == "\(id)-t \(id)-d")
        #expect(root.elements(forName: "title").first?.value(of: "id") == "\(id)-t")
        #expect(root.elements(forName: "desc").first?.value(of: "id") == "\(id)-d")
    }
}
