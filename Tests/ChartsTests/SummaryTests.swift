import Charts
import Testing

/// The one-line summaries recorded in a lecture's output.
@Suite struct SummaryTests {
    @Test func line() {
        #expect(SampleFigures.line.summary == #"chart "Sigmoid": line "σ(z)" 50 points, x ∈ [-5, 5], y ∈ [0.00669285, 0.993307]"#)
    }

    @Test func seriesAndDots() {
        #expect(SampleFigures.seriesWithDots.summary
            == #"chart "Descent": line "loss" 40 points, x ∈ [0, 39], y ∈ [0.010121, 0.5]; dots "score" 40 points, x ∈ [0, 39], y ∈ [0.6, 0.98449]"#)
    }

    @Test func regionsAndScatter() {
        let summary = SampleFigures.regions.summary
        #expect(summary.hasPrefix(#"chart "Decision": regions 280×220 cells, x ∈ [3.3, 8.9], y ∈ [1, 5.4], class 0 "#))
        #expect(summary.hasSuffix(#"; scatter 60 points, x ∈ [4.62929, 6.81356], y ∈ [2.40876, 3.74723], "Setosa" 20, "Non-setosa" 40"#))
    }

    @Test func untitledUnnamedSeries() {
        #expect(Plot().line([3, 1, 2]).summary == "chart: line 3 points, x ∈ [0, 2], y ∈ [1, 3]")
        #expect(Plot().summary == "chart: empty")
    }

    @Test func nonFinitePointsAreLeftOut() {
        #expect(Plot().line([1, .nan, 2]).summary == "chart: line 2 points, x ∈ [0, 2], y ∈ [1, 2]")
    }

    @Test func subplots() {
        #expect(SampleFigures.subplots.summary.hasPrefix(#"subplots "Activations" 1×2 | chart "tanh": line 30 points"#))
        #expect(SampleFigures.subplots.summary.contains(#" | chart "ReLU": line 30 points, x ∈ [-5, 5], y ∈ [0, 5]"#))
    }

    @Test func network() {
        #expect(SampleFigures.network.summary
            == #"network "Backpropagation": layers 2-3-1, 9 edges; nodes: 5.0, 3.0 | 0.99998, 0.7311, 0.99999 | 0.5904; edges: 1.0, -1.0, 3.0, 2.0, 2.0, -1.0 | 0.1, 0.5, -0.1"#)
        #expect(NetworkDiagram(layers: [3, 2]).summary == "network: layers 3-2, 6 edges")
    }

    @Test func tinyNoiseDoesNotChangeTheSummary() {
        let exact = Plot().line(x: [0, 1], y: [0.3, 0.7]).summary
        #expect(Plot().line(x: [0, 1], y: [0.1 + 0.2, 0.7 + 1e-12]).summary == exact)
    }
}
