import Testing
@testable import Site

/// Prose through cmark-gfm and its extensions, in one walk with the cells.
@Suite struct ProseTests {
    @Test func golden() throws {
        let page = render(try Fixture.lecture("prose.md"))
        #expect(page.diagnostics.isEmpty)
        goldenFiles.expect(page.html, "prose.html")
    }

    @Test func githubExtensions() throws {
        let html = render(try Fixture.lecture("prose.md")).html
        #expect(html.contains("<th align=\"left\">Left</th>\n<th align=\"center\">Centre</th>\n<th align=\"right\">Right</th>\n<th>None</th>"),
                "tables are read, with their alignments")
        #expect(html.contains("<td>f | g</td>"), "an escaped pipe stays in its cell")
        #expect(html.contains("<del>struck</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"), "bare links become links")
        #expect(html.contains("<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n<li><input type=\"checkbox\" disabled=\"\" /> to do</li>"))
        #expect(html.contains("<ol start=\"3\">"))
        #expect(html.contains("<div class=\"aside\">Raw HTML passes through.</div>"))
    }

    @Test func headingAnchorsAreStableAndUnique() throws {
        let html = render(try Fixture.lecture("prose.md")).html
        #expect(html.contains("<h1 id=\"prose-and-its-extensions\">"))
        #expect(html.contains("<h2 id=\"lists\">Lists<a class=\"anchor\" href=\"#lists\""))
        #expect(html.contains("<h2 id=\"lists-1\">Lists<a class=\"anchor\" href=\"#lists-1\""))
    }

    @Test func anchorNames() {
        var namer = AnchorNamer()
        #expect(namer.id(for: "The chain rule") == "the-chain-rule")
        #expect(namer.id(for: "The chain rule") == "the-chain-rule-1")
        #expect(namer.id(for: "The chain-rule!") == "the-chain-rule-2")
        #expect(namer.id(for: "Σ and σ: Unicode, kept") == "σ-and-σ-unicode-kept")
        #expect(namer.id(for: "?!") == "section-1")
        #expect(namer.id(for: "?!") == "section-2")
    }

    @Test func codeBlocksThatAreNotCellsAreShownAsWritten() throws {
        let html = render(try Fixture.lecture("prose.md")).html
        #expect(html.contains("<pre class=\"code\" tabindex=\"0\"><code class=\"language-text\">plain &lt;code&gt; block, $not math$\n</code></pre>"))
        #expect(html.contains("<pre class=\"code\" tabindex=\"0\"><code>indented code, $not math$ either\n</code></pre>"))
    }
}
