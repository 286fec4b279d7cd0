import Testing
@testable import Site

/// The search index: sections of each chapter with their text.
@Suite struct SearchIndexTests {
    @Test func sectionsHoldTheirWords() throws {
        let lecture = try Fixture.parse("""
            # The Neuron

            Dendrites   carry $x_j$ signals;
            {{count: 3}} of them.

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
        #expect(page.sections[0].text == "The Neuron Dendrites carry $x_j$ signals; three of them.",
                "prose, formulas as TeX, citations as their value, whitespace collapsed")
        #expect(page.sections[1].text == "Training it let learningRate = 0.1", "shown code, not outputs or hidden code")
    }

    @Test func scriptAssignsAGlobalAndCannotCloseItsElement() {
        var index = SearchIndex()
        index.pages = [SearchIndex.Page(title: "A </script> \"title\"", url: "01-a.html",
                                        sections: [SearchIndex.Section(title: "S", anchor: "s", text: "w1 <b>w2</b>")])]
        #expect(index.script == """
            window.LECTURE_SEARCH_INDEX = {"pages":[
            {"t":"A \\u003c/script> \\"title\\"","u":"01-a.html","s":[
            {"t":"S","a":"s","x":"w1 \\u003cb>w2\\u003c/b>"}]}]};

            """)
    }
}
