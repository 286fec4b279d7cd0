import Charts
import Foundation
import LectureTesting
import Testing

/// Each kind of chart against its recorded SVG (re-record with
/// `RECORD_GOLDEN=1 swift test --filter ChartsTests`), and each SVG well-formed.
@Suite struct GoldenTests {
    @Test(arguments: SampleFigures.all.map(\.name))
    func matchesGolden(name: String) throws {
        let svg = try #require(SampleFigures.all.first { $0.name == name }).figure.svg()
        GoldenFolder(beside: #filePath).expect(svg, name + ".svg")
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
