import Testing
@testable import Charts

/// A figure of panels without a title of its own is named after its panels.
@Suite struct SubplotNameTests {
    @Test func untitledSubplotsAreNamedByTheirPanels() {
        let panels = [Plot(title: "tanh"), Plot(title: ""), Plot(title: "ReLU")]
        let svg = Subplots(panels).svg()
        #expect(svg.contains(">tanh, ReLU</title>"), "\(svg.prefix(400))")
        #expect(Subplots(panels, title: "Activations").svg().contains(">Activations</title>"))
        #expect(Subplots([Plot(title: "")]).svg().contains(">Chart</title>"), "nothing to name it by")
    }
}
