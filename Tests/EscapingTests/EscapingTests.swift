import Testing
import Escaping

@Suite struct HTMLEscapingTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(HTMLEscape.text("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTMLEscape.text("σ(z) = 1/(1+e^-z) ✓") == "σ(z) = 1/(1+e^-z) ✓")
    }
}

@Test func charactersXMLForbidsAreDropped() {
    #expect(HTMLEscape.text("a\u{0}b\u{1B}[0mc\td\ne\u{FFFF}") == "ab[0mc\td\ne")
}
