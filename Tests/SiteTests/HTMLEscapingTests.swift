import Testing
@testable import Site

@Suite struct HTMLEscapingTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(HTML.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTML.escape("σ(z) = 1/(1+e^-z) ✓") == "σ(z) = 1/(1+e^-z) ✓")
    }
}
