@testable import Charts
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What each kind of chart draws, checked in its SVG.
@Suite struct ChartKindTests {
    private func paths(_ svg: String, class name: String) throws -> [String] {
        let document = try parseSVG(svg)
        return try document.nodes(forXPath: "//*[local-name()='path'][@class='\(name)']").compactMap {
            ($0 as? XMLElement)?.value(of: "d")
        }
    }

    @Test func stepsJumpVertically() throws {
        let data = try #require(try paths(SampleFigures.steps.svg(), class: "s").first)
        // After the first point, only horizontal and vertical moves, one
        // number each: no slanted segment at the jump.
        let moves = data.split(separator: "M").flatMap { $0.split { "HVL".contains($0) }.dropFirst() }
        #expect(!data.contains("L"))
        #expect(moves.allSatisfy { !$0.contains(" ") })
        #expect(data.contains("V"))
    }

    @Test func dotsAreDotsAndLinesAreLines() throws {
        let svg = SampleFigures.seriesWithDots.svg()
        let dots = try #require(try paths(svg, class: "d").first)
        #expect(dots.components(separatedBy: "h0").count - 1 == 40)
        // The series and its legend swatch each.
        #expect(try paths(svg, class: "s").count == 2)
        #expect(try paths(svg, class: "d").count == 2)
    }

    @Test func aBrokenLineHasASubpathPerRun() throws {
        let data = try #require(try paths(Plot().line([1, 2, .infinity, 3, 4]).svg(), class: "s").first)
        #expect(data.filter { $0 == "M" }.count == 2)
    }

    @Test func scatterHasAGroupPerCategoryWithOutlines() throws {
        let svg = SampleFigures.scatter.svg()
        #expect(svg.contains("<g class=\"o\" fill=\"#1a7fc0\">"))
        #expect(svg.contains("<g class=\"o\" fill=\"#d55e00\">"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 60 + 2)  // points and legend markers
        #expect(svg.contains(">Setosa</text>") && svg.contains(">Non-setosa</text>"))
    }

    /// Measurements repeat (the Iris data has 117 distinct sepal pairs for
    /// 150 flowers): a point is drawn once per category and spot, but the
    /// same spot in another category is drawn again, on top.
    @Test func repeatedPointsAreDrawnOncePerCategory() {
        let svg = Plot().scatter(x: [1, 1, 1, 2], y: [3, 3, 3, 4], categories: [0, 0, 1, 0]).svg()
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(Plot().scatter(x: [1, 1, 1, 2], y: [3, 3, 3, 4], categories: [0, 0, 1, 0]).summary.contains("scatter 4 points"))
    }

    @Test func inkFollowsThePageAndTheFontIsTheSystems() {
        let svg = SampleFigures.line.svg()
        #expect(svg.contains("color:var(--chart-ink,currentColor)"))
        #expect(svg.contains("font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif"))
        #expect(!svg.contains("#000"))
    }

    @Test func subplotsClipEachPanelWithItsOwnId() throws {
        let svg = SampleFigures.subplots.svg()
        let root = try #require(try parseSVG(svg).rootElement())
        let id = try #require(root.value(of: "id"))
        #expect(svg.contains("id=\"\(id)-c0\"") && svg.contains("id=\"\(id)-c1\""))
        #expect(root.value(of: "viewBox") == "0 0 840 345")
    }

    @Test func networkDrawsEveryNodeEdgeAndLabel() {
        let svg = SampleFigures.network.svg()
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6)
        for label in ["5.0", "0.7311", "-0.1", "0.5904", "h"] {
            #expect(svg.contains(">\(label)</text>"))
        }
        let edges = svg.components(separatedBy: "<path class=\"x\" d=\"")[1].prefix { $0 != "\"" }
        #expect(edges.filter { $0 == "M" }.count == 9)
    }

    @Test func automaticLegendTakesAFreeCornerOrGoesAbove() throws {
        let layout = PlotLayout(plot: SampleFigures.seriesWithDots, frame: Rect(x: 0, y: 0, width: 600, height: 400))
        // The score's dots fill the top right corner; the top left is free.
        let box = try #require(layout.legend?.box)
        #expect(box.maxX < layout.area.midX && box.maxY < layout.area.midY)
        let crowded = Plot().line([0, 1, 0, 1, 0], name: "a").line([1, 0, 1, 0, 1], name: "b")
        let above = PlotLayout(plot: crowded, frame: Rect(x: 0, y: 0, width: 600, height: 400))
        #expect(above.legend?.box == nil)
        #expect((above.legend?.origins.first?.y ?? 0) < above.area.y)
    }

    @Test func equalAspectMakesUnitsEqual() {
        let plot = Plot().line(x: [0, 4], y: [0, 1]).limits(x: 0...4, y: 0...2).equalAspect()
        let area = PlotLayout(plot: plot, frame: Rect(x: 0, y: 0, width: 600, height: 400)).area
        #expect(abs(area.width / 4 - area.height / 2) < 1e-9)
    }

    @Test func xTickLabelsNeverOverlap() {
        let plot = Plot().line(x: [1e-6, 3e-6], y: [0, 1]).size(width: 300, height: 200)
        let layout = PlotLayout(plot: plot, frame: Rect(x: 0, y: 0, width: 300, height: 200))
        let positions = layout.xTicks.map { layout.projection.x($0.value) }
        let widest = layout.xTicks.map { TextMetrics.width(of: $0.label, fontSize: Stylesheet.tickSize) }.max() ?? 0
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $1 - $0 >= widest })
    }
}
