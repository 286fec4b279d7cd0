import CellOutput
import Literate
import Testing
@testable import Site

/// Numbered figures and tables, and the `@fig-…` / `@tbl-…` references of prose.
struct CrossReferenceTests {
    static func chart(_ caption: String?, label: String?) -> OutputItem {
        .display(Display(kind: .chart, text: (caption.map { $0 + "\n" } ?? "") + "[chart]", svg: "<svg role=\"img\"></svg>",
                         caption: caption, label: label))
    }

    static func table(_ caption: String?, label: String?) -> OutputItem {
        .display(Display(kind: .table, text: "t", table: Table(title: caption, rows: [["1"]], numericColumns: [true]),
                         caption: caption, label: label))
    }

    static let source = """
    # Chapter

    As @fig-loss shows, and @tbl-weights lists, the loss falls (see @fig-accuracy too).

    ```swift
    show(loss)
    ```

    ```swift
    show(weights)
    show(accuracy)
    ```

    """

    @Test func figuresAndTablesAreNumberedApartAndReferencesLinkToThem() throws {
        let lecture = try Fixture.parse(Self.source, path: "lectures/02-chapter.md")
        let outputs: [Int: [OutputItem]] = [
            0: [.text("plain\n"), .display(Display(kind: .chart, text: "[unnumbered]", svg: "<svg></svg>")), Self.chart("The loss per epoch.", label: "fig-loss")],
            1: [Self.table("Weights after training", label: "tbl-weights"), Self.chart(nil, label: "fig-accuracy")],
        ]
        let (html, diagnostics) = render(lecture, outputs: outputs)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(html.contains("As <a class=\"xref\" href=\"#fig-loss\">Figure 1</a> shows, and <a class=\"xref\" href=\"#tbl-weights\">Table 1</a> lists"))
        #expect(html.contains("(see <a class=\"xref\" href=\"#fig-accuracy\">Figure 2</a> too)"),
                "a chart without caption or label is not counted; figures and tables count apart")
        #expect(html.contains("<figure class=\"out chart\" id=\"fig-loss\">\n<svg role=\"img\"></svg>\n"
            + "<figcaption><span class=\"figure-number\">Figure 1.</span> The loss per epoch.</figcaption>\n</figure>"))
        #expect(html.contains("<figure class=\"out chart\">\n<svg></svg>\n</figure>"))
        #expect(html.contains("<div class=\"out table\" id=\"tbl-weights\">\n<table>\n<caption><span class=\"figure-number\">Table 1.</span> Weights after training</caption>"))
        #expect(html.contains("<figcaption><span class=\"figure-number\">Figure 2</span></figcaption>"), "a label alone numbers a figure")
    }

    @Test func anUnknownLabelIsAnErrorAtItsLineAndColumn() throws {
        let lecture = try Fixture.parse("# C\n\nText.\n\nSee\nthe curve in @fig-nothing here.\n", path: "lectures/01-c.md")
        let (html, diagnostics) = render(lecture)
        #expect(diagnostics.map(\.description) == [
            "lectures/01-c.md:6:14: error: no figure of the course is labelled 'fig-nothing': a cell labels one with show(figure, caption: ..., label: \"fig-nothing\"), and a cell that did not run or is silent shows none",
        ])
        #expect(html.contains("the curve in @fig-nothing here."), "the reference is shown as written")
    }

    @Test func aReferenceToAnotherChapterNamesTheChapter() throws {
        let here = try Fixture.parse("# Here\n\nAs in @fig-iris and @tbl-data.\n", path: "lectures/03-here.md")
        let there = try Fixture.parse("# There\n\n```swift\nshow(x)\n```\n", path: "lectures/01-there.md")
        let also = try Fixture.parse("# Also\n\n```swift\nshow(x)\n```\n", path: "lectures/02-also.md")
        let (html, diagnostics) = render(here, others: [there, also], otherOutputs: [
            "01-there": [0: [Self.chart("Iris", label: "fig-iris"), Self.table(nil, label: "tbl-data")]],
            "02-also": [0: [Self.table(nil, label: "tbl-data")]],
        ])
        #expect(html.contains("As in <a class=\"xref\" href=\"01-there.html#fig-iris\">Figure 1 of chapter 1</a>"))
        #expect(diagnostics.map(\.description) == [
            "lectures/03-here.md:3:21: error: 'tbl-data' labels a display in 01-there.md and 02-also.md: a reference from another chapter needs a label only one chapter uses",
        ])
    }

    @Test func onlyProseHoldsReferences() throws {
        let source = """
        # C

        Write to me@fig-tree.org, or see <https://example.org/@fig-a>, `@fig-a` in code, \\@fig-a escaped,
        [the curve @fig-a](#c) in a link, @fig-a-_ trimmed, @figure-a and @fig- are text.

        <!-- @fig-none in a comment -->

        ```swift
        show(a)
        ```

        """
        let lecture = try Fixture.parse(source)
        let (html, diagnostics) = render(lecture, outputs: [0: [Self.chart("A", label: "fig-a")]])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(html.contains("Write to <a href=\"mailto:me@fig-tree.org\">me@fig-tree.org</a>"), "an e-mail address stays one")
        #expect(html.contains("<a href=\"https://example.org/@fig-a\">https://example.org/@fig-a</a>"))
        #expect(html.contains("<code>@fig-a</code> in code, @fig-a escaped,"))
        #expect(html.contains("<a href=\"#c\">the curve Figure 1</a> in a link"), "no link inside a link")
        #expect(html.contains("<a class=\"xref\" href=\"#fig-a\">Figure 1</a>-_ trimmed, @figure-a and @fig- are text."))
        #expect(html.contains("<!-- @fig-none in a comment -->"))
    }

    @Test func aLabelShownTwiceIsAnErrorAtTheSecondCell() throws {
        let lecture = try Fixture.parse("# C\n\n```swift\nshow(a)\n```\n\nText.\n\n```swift\nshow(b)\n```\n", path: "lectures/01-c.md")
        let figures = ChapterFigures(cells: [0: [Self.chart("A", label: "fig-a")], 1: [Self.chart("B", label: "fig-a")]])
        #expect(SiteBuilder.repeatedLabels(figures, in: lecture).map(\.description) == [
            "lectures/01-c.md:9:1: error: this cell shows a second display labelled 'fig-a' (the first is Figure 1, shown by the cell at line 3); give each its own label",
        ])
        let loop = ChapterFigures(cells: [1: [Self.chart("B", label: "fig-b"), Self.chart("B", label: "fig-b")]])
        #expect(SiteBuilder.repeatedLabels(loop, in: lecture).map(\.description) == [
            "lectures/01-c.md:9:1: error: this cell shows a second display labelled 'fig-b' (the first is Figure 1, shown by this cell too, by an earlier show or pass of a loop); give each its own label",
        ])
    }

    @Test func aSilentCellsDisplayIsNeitherNumberedNorReferable() throws {
        let source = "# C\n\nSee @fig-hidden and @fig-shown.\n\n```swift silent\nshow(a)\n```\n\n```swift\nshow(b)\n```\n"
        let lecture = try Fixture.parse(source, path: "lectures/01-c.md")
        let (html, diagnostics) = render(lecture, outputs: [0: [Self.chart("Hidden", label: "fig-hidden")], 1: [Self.chart("Shown", label: "fig-shown")]])
        #expect(diagnostics.map(\.description) == [
            "lectures/01-c.md:3:5: error: no figure of the course is labelled 'fig-hidden': a cell labels one with show(figure, caption: ..., label: \"fig-hidden\"), and a cell that did not run or is silent shows none",
        ], "the page has no figure to link to")
        #expect(html.contains("and <a class=\"xref\" href=\"#fig-shown\">Figure 1</a>."), "\(html)")
        #expect(html.contains("<span class=\"figure-number\">Figure 1.</span> Shown"))
    }

    @Test func aLabelThatIsAHeadingsAnchorIsAnErrorAtItsCell() throws {
        let lecture = try Fixture.parse("# C\n\n## Fig 1\n\nSee @fig-1.\n\n```swift\nshow(a)\n```\n", path: "lectures/01-c.md")
        let figures = ChapterFigures(cells: [0: [Self.chart("A", label: "fig-1")]])
        #expect(SiteBuilder.labelsOfHeadings(figures, ChapterOutline(lecture), in: lecture).map(\.description) == [
            "lectures/01-c.md:7:1: error: this cell labels Figure 1 'fig-1', the anchor of the heading at line 3 as well; give the display another label",
        ])
        let other = ChapterFigures(cells: [0: [Self.chart("A", label: "fig-2")]])
        #expect(SiteBuilder.labelsOfHeadings(other, ChapterOutline(lecture), in: lecture).isEmpty)
    }

    @Test func labelsAreCheckedForTheirKind() {
        #expect(Display.isLabel("fig-loss_2", of: .chart) && Display.isLabel("fig-a", of: .diagram) && Display.isLabel("tbl-x", of: .table))
        #expect(!Display.isLabel("tbl-x", of: .chart) && !Display.isLabel("fig-x", of: .table))
        #expect(!Display.isLabel("fig-", of: .chart) && !Display.isLabel("fig-a-", of: .chart) && !Display.isLabel("fig-a b", of: .chart)
            && !Display.isLabel("fig-é", of: .chart))
    }
}

/// A cross-reference where prose becomes plain text: a heading's anchor, a
/// chapter's title, an image's `alt`, the search index.
struct CrossReferencePlainTextTests {
    static let source = """
    # Title with @fig-a

    ## Heading @fig-a

    ![the curve of @fig-a](#c) and *the curve of @fig-a* and [the curve of @fig-a](#c), also (@fig-a)'s.

    ```swift
    show(a)
    ```

    """

    @Test func aHeadingsAnchorAndAChaptersTitleHoldTheReferenceAsWritten() throws {
        let lecture = try Fixture.parse(Self.source, path: "lectures/01-c.md")
        #expect(lecture.title == "Title with @fig-a", "as a citation is, as written")
        #expect(ChapterOutline(lecture).headings.map(\.id) == ["title-with-fig-a", "heading-fig-a"],
                "GitHub's anchor of the heading as written")
        let (html, diagnostics) = render(lecture, outputs: [0: [CrossReferenceTests.chart("A", label: "fig-a")]])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(html.contains("<h2 id=\"heading-fig-a\">Heading <a class=\"xref\" href=\"#fig-a\">Figure 1</a>"), "\(html)")
    }

    @Test func anImagesAltReadsAsTheReference() throws {
        let lecture = try Fixture.parse(Self.source, path: "lectures/01-c.md")
        let (html, _) = render(lecture, outputs: [0: [CrossReferenceTests.chart("A", label: "fig-a")]])
        #expect(html.contains("alt=\"the curve of Figure 1\""), "\(html)")
    }

    @Test func theSearchIndexReadsReferencesInEveryInlineAsTheyRead() throws {
        let lecture = try Fixture.parse(Self.source, path: "lectures/01-c.md")
        var index = SearchIndex()
        index.add(lecture, outline: ChapterOutline(lecture), pageName: "01-c.html", citationText: { _ in "" },
                  referenceText: { $0 == "fig-a" ? "Figure 1" : "@" + $0 })
        let text = try #require(index.pages.first?.sections.last?.text)
        #expect(text == "Heading Figure 1 the curve of Figure 1 and the curve of Figure 1 and the curve of Figure 1, also (Figure 1)'s. show(a)")
    }
}
