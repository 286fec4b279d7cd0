import Charts
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// User text reaches the SVG as text, never as markup.
@Suite struct EscapingTests {
    let hostile = "<script>alert('x & y')</script>"

    @Test func titleShowsAsText() throws {
        let svg = Plot(title: hostile).line([1, 2, 3]).svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;"))
        let root = try #require(try parseSVG(svg).rootElement())
        #expect(root.elements(forName: "title").first?.stringValue == hostile)
        #expect(root.elements(forName: "script").isEmpty)
    }

    @Test func everyLabelIsEscaped() throws {
        let plot = Plot(title: hostile, xLabel: hostile, yLabel: hostile)
            .line([1, 2], name: hostile)
            .dots([2, 1], name: "a\"b")
            .scatter(x: [1], y: [1], categories: [0], names: [hostile])
            .legend(.above)
        let network = NetworkDiagram(
            layers: [1, 1], title: hostile, layerNames: [hostile], nodeLabels: [[hostile]], edgeLabels: [[[hostile]]])
        let subplots = Subplots([plot], title: hostile)
        for figure in [plot, network, subplots] as [any Figure] {
            let svg = figure.svg()
            #expect(!svg.contains("<script"))
            #expect(throws: Never.self) { try parseSVG(svg) }
        }
    }

    @Test func controlCharactersAreDropped() throws {
        let svg = Plot(title: "bell\u{7}").svg()
        #expect(!svg.contains("\u{7}"))
        #expect(throws: Never.self) { try parseSVG(svg) }
    }
}
