import Testing
import Markup

@Suite struct HTMLEscapingTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(Markup.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(Markup.escape("σ(z) = 1/(1+e^-z) ✓") == "σ(z) = 1/(1+e^-z) ✓")
    }
}

@Test func charactersXMLForbidsAreDropped() {
    #expect(Markup.escape("a\u{0}b\u{1B}[0mc\td\ne\u{FFFF}") == "ab[0mc\td\ne")
}
