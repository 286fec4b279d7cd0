import Testing
@testable import Site

/// Swift colours, written at build time.
@Suite struct HighlighterTests {
    @Test func keywordsTypesAndNumbers() {
        #expect(SwiftHighlighter.html("let x: Double = 1.5e-3 + 0x1F") ==
            "<span class=\"k\">let</span> x: <span class=\"t\">Double</span> = <span class=\"n\">1.5e-3</span> + <span class=\"n\">0x1F</span>")
        #expect(SwiftHighlighter.html("x.init(self)") == "x.init(<span class=\"k\">self</span>)", "a member named like a keyword is not one")
    }

    @Test func stringsWithInterpolation() {
        #expect(SwiftHighlighter.html(#"print("a \(f("b") + 1) c")"#) ==
            #"print(<span class="s">&quot;a <span class="i">\(f(<span class="s">&quot;b&quot;</span>) + <span class="n">1</span>)</span> c&quot;</span>)"#)
        #expect(SwiftHighlighter.html(#""escaped \" quote""#) == #"<span class="s">&quot;escaped \&quot; quote&quot;</span>"#)
    }

    @Test func multiLineAndRawStrings() {
        #expect(SwiftHighlighter.html("let s = \"\"\"\n  one \"two\"\n  \"\"\"\nlet t = 1") ==
            "<span class=\"k\">let</span> s = <span class=\"s\">&quot;&quot;&quot;\n  one &quot;two&quot;\n  &quot;&quot;&quot;</span>\n<span class=\"k\">let</span> t = <span class=\"n\">1</span>")
        #expect(SwiftHighlighter.html(##"#"a "quoted" \(x)"#"##) == ##"<span class="s">#&quot;a &quot;quoted&quot; \(x)&quot;#</span>"##,
                "no interpolation in a raw string without its hashes")
    }

    @Test func commentsAttributesAndDirectives() {
        #expect(SwiftHighlighter.html("/* a /* nested */ still */ x // end <b>") ==
            "<span class=\"c\">/* a /* nested */ still */</span> x <span class=\"c\">// end &lt;b&gt;</span>")
        #expect(SwiftHighlighter.html("@MainActor #if DEBUG") ==
            "<span class=\"a\">@MainActor</span> <span class=\"d\">#if</span> <span class=\"t\">DEBUG</span>")
    }

    @Test func closureParametersArePlain() {
        #expect(SwiftHighlighter.html("map { $0 * 2 }") == "map { $0 * <span class=\"n\">2</span> }")
    }

    @Test func unterminatedStringEndsAtTheLine() {
        #expect(SwiftHighlighter.html("\"open\nlet x") == "<span class=\"s\">&quot;open</span>\n<span class=\"k\">let</span> x")
    }
}
