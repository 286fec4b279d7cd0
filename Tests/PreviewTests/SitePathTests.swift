@testable import LecturePreview
import Testing

/// What a request may name: files of the site only.
struct SitePathTests {
    @Test func foldersNameTheirIndexPage() {
        #expect(SitePath.resolve("/") == "index.html")
        #expect(SitePath.resolve("/assets/") == "assets/index.html")
        #expect(SitePath.resolve("/?session=abc&since=3") == "index.html")
    }

    @Test func filesAreNamedByTheirPathInTheSite() {
        #expect(SitePath.resolve("/01-artificial-neuron.html") == "01-artificial-neuron.html")
        #expect(SitePath.resolve("/assets/katex/fonts/KaTeX_Main-Regular.woff2") == "assets/katex/fonts/KaTeX_Main-Regular.woff2")
        #expect(SitePath.resolve("/data/iris%20small.csv") == "data/iris small.csv")
    }

    @Test func parentSegmentsAndAbsolutePathsAreRefused() {
        for target in ["/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd", "/a%2F..%2F..%2Fb",
                       "//etc/passwd", "/%2Fetc/passwd", "etc/passwd", "", "/./index.html", "/a//b",
                       "/a\\..\\b", "/a%00.html", "/%zz"] {
            #expect(SitePath.resolve(target) == nil, "\(target) should be refused")
        }
    }
}
