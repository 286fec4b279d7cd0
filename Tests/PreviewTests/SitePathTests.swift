@testable import LecturePreview
import Testing

/// What a request may name: files of the site only.
struct SitePathTests {
    @Test func folders_name_their_index_page() {
        #expect(SitePath.resolve("/") == "index.html")
        #expect(SitePath.resolve("/assets/") == "assets/index.html")
        #expect(SitePath.resolve("/?session=abc&since=3") == "index.html")
    }

    @Test func files_are_named_by_their_path_in_the_site() {
        #expect(SitePath.resolve("/01-artificial-neuron.html") == "01-artificial-neuron.html")
        #expect(SitePath.resolve("/assets/katex/fonts/KaTeX_Main-Regular.woff2") == "assets/katex/fonts/KaTeX_Main-Regular.woff2")
        #expect(SitePath.resolve("/data/iris%20small.csv") == "data/iris small.csv")
    }

    @Test func parent_segments_and_absolute_paths_are_refused() {
        for target in ["/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd", "/a%2F..%2F..%2Fb",
                       "//etc/passwd", "/%2Fetc/passwd", "etc/passwd", "", "/./index.html", "/a//b",
                       "/a\\..\\b", "/a%00.html", "/%zz"] {
            #expect(SitePath.resolve(target) == nil, "\(target) should be refused")
        }
    }
}
