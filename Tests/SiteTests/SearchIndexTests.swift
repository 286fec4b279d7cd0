import Testing
@testable import Site

/// The search index: sections of each chapter as the words they hold.
@Suite struct SearchIndexTests {
    @Test func sectionsHoldTheirWords() throws {
        let lecture = try Fixture.parse("""
            # The Neuron

            Dendrites carry $x_j$ signals; {{count: 3}} of them.

            ## Training it

            ```swift
            let learningRate = 0.1
            ```
            ```output
            recordedonly
            ```

            ```swift hide
            let secretName = 1
            ```
            """)
        var index = SearchIndex()
        index.add(lecture, outline: ChapterOutline(lecture), pageName: "01-test.html") { _ in "three" }
        let page = try #require(index.pages.first)
        #expect(page.title == "The Neuron" && page.url == "01-test.html")
        #expect(page.sections.map(\.title) == ["The Neuron", "Training it"])
        #expect(page.sections.map(\.anchor) == ["", "training-it"])
        #expect(page.sections[0].words == ["the", "neuron", "dendrites", "carry", "signals", "three", "of", "them"],
                "prose words, citations as their value, no TeX")
        #expect(page.sections[1].words == ["training", "it", "let", "learningrate"], "shown code, not outputs or hidden code")
    }

    @Test func scriptAssignsAGlobalAndCannotCloseItsElement() {
        var index = SearchIndex()
        index.pages = [SearchIndex.Page(title: "A </script> \"title\"", url: "01-a.html",
                                        sections: [SearchIndex.Section(title: "S", anchor: "s", words: ["w1", "w2"])])]
        #expect(index.script == """
            window.LECTURE_SEARCH_INDEX = {"pages":[
            {"t":"A \\u003c/script> \\"title\\"","u":"01-a.html","s":[
            {"t":"S","a":"s","w":"w1 w2"}]}]};

            """)
    }
}
