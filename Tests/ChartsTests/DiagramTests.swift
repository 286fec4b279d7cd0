@testable import Charts
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What the diagrams draw, checked in their SVG and their layouts: the
/// neuron, a network's highlights and notes, diagrams in a row, and the
/// graph of a computation.
@Suite struct DiagramTests {
    private func elements(_ svg: String, _ xpath: String) throws -> [XMLElement] {
        try parseSVG(svg).nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    private func texts(_ svg: String) throws -> [String] {
        try elements(svg, "//*[local-name()='text']").compactMap(\.stringValue)
    }

    /// The number of subpaths (`M` commands) in path data.
    private func subpaths(_ data: String?) -> Int {
        data?.filter { $0 == "M" }.count ?? 0
    }

    @Test func theNeuronHasItsInputsSumActivationAndOutput() throws {
        let svg = SampleFigures.neuron.svg()
        #expect(try elements(svg, "//*[local-name()='circle']").count == 3 + 1)  // inputs and the sum
        #expect(try elements(svg, "//*[local-name()='rect']").count == 1)  // the activation
        let words = try texts(svg)
        for label in ["A neuron", "x₁", "x₂", "1", "0.5", "-1", "0.25", "Σ", "z = -0.25", "σ", "f(x) = 0.438", "inputs", "output"] {
            #expect(words.contains(label), "no text \(label)")
        }
        // One edge per input, two arrows with their heads.
        let edges = try elements(svg, "//*[local-name()='path'][@class='x']").first?.value(of: "d")
        #expect(subpaths(edges) == 3)
        #expect(try elements(svg, "//*[local-name()='path'][@class='a']").count == 2)
        #expect(SampleFigures.neuron.summary
            == #"neuron "A neuron": inputs x₁, x₂, 1; weights 0.5, -1, 0.25; sum Σ (z = -0.25); activation σ; output f(x) = 0.438"#)
    }

    /// The parts follow each other from left to right, and nothing leaves the picture.
    @Test func theNeuronReadsLeftToRight() {
        let layout = NeuronLayout(SampleFigures.neuron)
        #expect(layout.inputCenters.allSatisfy { $0.x + layout.radius < layout.sumCenter.x - layout.sumRadius })
        #expect(layout.sumCenter.x + layout.sumRadius < layout.box.x)
        #expect(layout.box.maxX < layout.outputX && layout.outputX < layout.width)
        #expect(layout.inputCenters.allSatisfy { $0.y - layout.radius > 0 && $0.y + layout.radius < layout.height })
    }

    @Test func highlightsDrawTheEdgesIntoANodeStrongAndFadeTheRest() throws {
        let svg = SampleFigures.backwardStep.svg()
        let strong = try elements(svg, "//*[local-name()='path'][@class='w']")
        let faded = try elements(svg, "//*[local-name()='path'][@class='z']")
        #expect(subpaths(strong.first?.value(of: "d")) == 3)  // h₁, h₂, h₃ into y
        #expect(subpaths(faded.first?.value(of: "d")) == 6)  // x into h
        #expect(strong.first?.value(of: "stroke") == Palette.color(1).hexString)
        #expect(try elements(svg, "//*[local-name()='circle'][@class='u']").count == 1)
        #expect(try elements(svg, "//*[local-name()='path'][@class='x']").isEmpty)
        // A diagram without highlights draws every edge alike, as before.
        let plain = SampleFigures.network.svg()
        #expect(try elements(plain, "//*[local-name()='path'][@class='x']").count == 1)
        #expect(try elements(plain, "//*[local-name()='path'][@class='w']").isEmpty)
    }

    @Test func notesStandUnderTheirNodesOnAHalo() throws {
        let diagram = SampleFigures.backwardStep
        let svg = diagram.svg()
        // Edge labels come first, then the notes, each group on a halo.
        let group = try #require(try elements(svg, "//*[local-name()='g'][@class='m h']").last)
        #expect(group.value(of: "color") == Palette.color(1).hexString)
        let notes = (group.children ?? []).compactMap { $0 as? XMLElement }
        #expect(notes.compactMap(\.stringValue) == ["∂J/∂h₁ = -0.041", "∂J/∂h₂ = -0.205", "∂J/∂h₃ = 0.041", "∂J/∂y = -1.694"])
        let layout = NetworkLayout(diagram)
        for (note, center) in zip(notes, layout.centers[1] + layout.centers[2]) {
            #expect(Double(note.value(of: "x") ?? "") == Double(center.x.svgCoordinate))
            #expect((Double(note.value(of: "y") ?? "") ?? 0) > center.y + layout.radius)
        }
        // The lowest note fits inside the picture.
        let lowest = layout.centers.flatMap { $0 }.map(\.y).max() ?? 0
        #expect(layout.noteBaseline(under: Point(x: 0, y: lowest)) < layout.height)
        #expect(diagram.summary.hasSuffix("; notes: 1.0 ∂J/∂h₁ = -0.041, 1.1 ∂J/∂h₂ = -0.205, 1.2 ∂J/∂h₃ = 0.041, 2.0 ∂J/∂y = -1.694; highlighted: 2.0"))
    }

    /// No edge runs through another edge's label, which would read as its
    /// own: checked on points every 0.5 % of each edge against the label's
    /// text, turned back to upright. Placed at the middle of its edge and
    /// above it, as labels once were, some label of this diagram is crossed.
    @Test func edgeLabelsAreNotCrossedByOtherEdges() {
        let diagram = SampleFigures.network
        let layout = NetworkLayout(diagram)
        let segments = diagram.edges.map { (layout.centers[$0.layer][$0.from], layout.centers[$0.layer + 1][$0.to]) }
        let labels = diagram.edges.map { diagram.edgeLabel(layer: $0.layer, from: $0.from, to: $0.to) }
        let placements = EdgeLabelPlacement.place(
            labels: labels, edges: segments, nodes: layout.centers.flatMap { $0 }, radius: layout.radius)
        func crossings(_ k: Int, center: Point, angle: Double) -> [Int] {
            let w = TextMetrics.width(of: labels[k], fontSize: Stylesheet.tickSize), h = Stylesheet.tickSize
            let turn = -angle * .pi / 180
            return segments.indices.filter { j in
                j != k && (0...200).contains { step in
                    let t = Double(step) / 200, (a, b) = segments[j]
                    let x = a.x + (b.x - a.x) * t - center.x, y = a.y + (b.y - a.y) * t - center.y
                    let u = x * cos(turn) - y * sin(turn), v = x * sin(turn) + y * cos(turn)
                    return abs(u) <= w / 2 && abs(v) <= h / 2
                }
            }
        }
        for (k, placement) in placements.enumerated() {
            #expect(crossings(k, center: placement.center, angle: placement.angle).isEmpty, "label \(labels[k]) crossed")
        }
        let naive = segments.indices.filter { k in
            let (a, b) = segments[k]
            let length = hypot(b.x - a.x, b.y - a.y)
            let normal = Point(x: (b.y - a.y) / length, y: -(b.x - a.x) / length)
            let lift = Stylesheet.tickSize * 0.5 + 2
            let center = Point(x: (a.x + b.x) / 2 + normal.x * lift, y: (a.y + b.y) / 2 + normal.y * lift)
            return !crossings(k, center: center, angle: atan2(b.y - a.y, b.x - a.x) * 180 / .pi).isEmpty
        }
        #expect(!naive.isEmpty, "the check would not tell a crossed label")
    }

    /// Diagrams of one network given the same room have the same size and
    /// their nodes in the same places, whatever labels and notes each has;
    /// without it, labels and notes move the nodes.
    @Test func diagramsGivenTheSameRoomLineUp() {
        let room = NetworkDiagram.Room(nodeLabel: "0.00000", edgeLabel: "-0.00e-00", notes: true)
        let bare = NetworkLayout(NetworkDiagram(layers: [2, 3, 1], title: SampleFigures.backwardStep.title, layerNames: ["x", "h", "y"], room: room))
        var full = SampleFigures.backwardStep
        full.room = room
        let labelled = NetworkLayout(full)
        #expect(bare.centers == labelled.centers)
        #expect(bare.width == labelled.width && bare.height == labelled.height)
        #expect(NetworkLayout(NetworkDiagram(layers: [2, 3, 1])).centers != NetworkLayout(SampleFigures.backwardStep).centers)
    }

    /// Edge labels keep clear of the notes as of the nodes.
    @Test func edgeLabelsAvoidTheNotes() throws {
        let diagram = SampleFigures.backwardStep
        let layout = NetworkLayout(diagram)
        let notes = zip(diagram.nodeNotes[1] + diagram.nodeNotes[2], layout.centers[1] + layout.centers[2])
            .map { layout.noteBox($0, under: $1) }
        let svg = diagram.svg()
        let labels = try #require(try elements(svg, "//*[local-name()='g'][@class='m h']").first).children?
            .compactMap { $0 as? XMLElement } ?? []
        #expect(labels.count == 3)
        for label in labels {
            let x = Double(label.value(of: "x") ?? "") ?? 0, y = Double(label.value(of: "y") ?? "") ?? 0
            #expect(!notes.contains { $0.contains(Point(x: x, y: y)) }, "label at (\(x), \(y)) on a note")
        }
    }

    @Test func theTerminalListsNotesAndHighlights() {
        let text = SampleFigures.backwardStep.terminal(width: 72)
        #expect(text.contains("  h, notes: ∂J/∂h₁ = -0.041  ∂J/∂h₂ = -0.205  ∂J/∂h₃ = 0.041"))
        #expect(text.contains("  highlighted: y node 1"))
    }

    @Test func aRowPlacesItsPanelsSideBySide() throws {
        let row = SampleFigures.layerRow
        let svg = row.svg()
        let root = try #require(try parseSVG(svg).rootElement())
        let widths = row.panels.map { NetworkLayout($0).width }
        let viewBox = try #require(root.value(of: "viewBox")).split(separator: " ").compactMap { Double($0) }
        #expect(viewBox[2] == Double((widths.reduce(0, +) + 2 * DiagramRow.gap).svgCoordinate))
        let groups = try elements(svg, "/*[local-name()='svg']/*[local-name()='g'][@transform]")
        #expect(groups.count == 3)
        #expect(groups[1].value(of: "transform") == "translate(\((widths[0] + DiagramRow.gap).svgCoordinate) \((NetworkLayout.padding + Stylesheet.titleSize).svgCoordinate))")
        // Each panel highlights its own neuron.
        #expect(try elements(svg, "//*[local-name()='circle'][@class='u']").count == 3)
        #expect(row.summary.hasPrefix(#"diagrams "A layer" 3 | network "neuron 1": layers 2-3, 6 edges; nodes: x₁, x₂ | , , ; edges: 1, , , 2, , ; highlighted: 1.0 | "#))
    }

    @Test func theGraphDrawsABoxPerValueAndACirclePerOperation() throws {
        let graph = SampleFigures.graph
        let svg = graph.svg()
        #expect(try elements(svg, "//*[local-name()='rect']").count == 6)
        #expect(try elements(svg, "//*[local-name()='circle']").count == 3)
        let heads = try #require(try elements(svg, "//*[local-name()='path'][@fill='currentColor']").first?.value(of: "d"))
        #expect(subpaths(heads) == graph.edges.count)
        #expect(graph.edges.count == 6)
        #expect(graph.summary == #"graph "f = (a·b + a)·c": 6 nodes, 6 edges; a = 2 [∂f/∂a = 16]; b = 3 [∂f/∂b = 8]; c = 4 [∂f/∂c = 8]; (×: 0, 1) d = a·b = 6 [∂f/∂d = 4]; (+: 3, 0) e = d + a = 8 [∂f/∂e = 4]; (×: 4, 2) f = e·c = 32 [∂f/∂f = 1]"#)
    }

    /// Values sit below their operands and the result at the bottom; an input
    /// sits one row above its first user, so `c` is in the row of `e`'s operands.
    @Test func theGraphFlowsDown() {
        let graph = SampleFigures.graph
        let layout = ComputationGraphLayout(graph)
        for edge in graph.edges {
            #expect(layout.boxes[edge.from].maxY < layout.operationCenter(edge.to).y)
        }
        #expect(layout.boxes[5].y == layout.boxes.map(\.y).max())
        #expect(layout.boxes[2].y == layout.boxes[4].y)
        #expect(layout.boxes[0].y == layout.boxes[1].y)
    }

    /// No arrow runs through a box: an edge that skips rows runs down beside
    /// the boxes of the rows it crosses (checked on the polyline through its
    /// waypoints, which the drawn curve follows).
    @Test func noArrowCrossesABox() {
        let graph = SampleFigures.graph
        let layout = ComputationGraphLayout(graph)
        // a (row 0) feeds e (row 2): it passes the row of d, top to bottom.
        let skipping = graph.edges.indices.filter { layout.waypoints[$0].count == 2 }
        #expect(graph.edges.indices.allSatisfy { [0, 2].contains(layout.waypoints[$0].count) })
        #expect(skipping.count == 1 && graph.edges[skipping[0]].from == 0 && graph.edges[skipping[0]].to == 4)
        for (e, edge) in graph.edges.enumerated() {
            let start = Point(x: layout.boxes[edge.from].midX, y: layout.boxes[edge.from].maxY)
            let points = [start] + layout.waypoints[e] + [layout.operationCenter(edge.to)]
            for (index, box) in layout.boxes.enumerated() where index != edge.from && index != edge.to {
                for (a, b) in zip(points, points.dropFirst()) {
                    #expect(!box.grown(by: -1).intersects(segmentFrom: a, to: b), "edge \(edge) crosses box \(index)")
                }
            }
        }
    }

    @Test func graphsAreDeterministicAndDrawInTheTerminal() {
        #expect(SampleFigures.graph.svg() == SampleFigures.graph.svg())
        #expect(SampleFigures.graph.terminal(width: 72).split(separator: "\n").count == 7)
        #expect(SampleFigures.graph.terminal(width: 72).contains("#4 e = d + a = 8   ∂f/∂e = 4   ← +(#3, #0)"))
    }
}
