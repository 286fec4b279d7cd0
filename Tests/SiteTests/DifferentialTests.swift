import Foundation
import Literate
import Testing
@testable import Site

/// The site renders Markdown as cmark-gfm does: every case of the corpus in
/// `Corpus/` is rendered by the tool and by Debian's `cmark-gfm` command with
/// the same extensions (`--unsafe -e table -e strikethrough -e autolink
/// -e tagfilter -e tasklist -e footnotes`), and the two must be equal once
/// the tool's documented decorations are removed (``Decorations/removed(from:)``).
///
/// A corpus file holds cases separated by lines that are `@@@` alone; each case is
/// a document of its own, rendered under a `# Case` title (the tool's lectures
/// need one). The corpus covers every block and inline construct of the GFM
/// specification, nested containers, entities and URLs; it avoids the tool's own
/// syntax (`$` formulas, `{{` citations, `swift` and `output` fences, links to
/// chapters), and `javascript:` targets, which the tool drops and `--unsafe`
/// keeps. It holds 799 cases.
@Suite struct DifferentialTests {
    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func cases() throws -> [(file: String, number: Int, markdown: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try files.flatMap { file in
            let text = try String(contentsOf: corpusFolder.appendingPathComponent(file), encoding: .utf8)
            return text.components(separatedBy: "\n@@@\n").enumerated().map { (file, $0 + 1, $1.hasSuffix("\n") ? $1 : $1 + "\n") }
        }
    }

    @Test func corpusHasItsStatedSize() throws {
        #expect(try Self.cases().count == 799)
    }

    @Test func everyCaseRendersAsCmarkGFMDoes() throws {
        let cmark = try #require(["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                 "Debian's cmark-gfm command is needed: apt-get install cmark-gfm (make test installs it)")
        var failures: [String] = []
        for (file, number, markdown) in try Self.cases() {
            let source = "# Case\n\n" + markdown
            let expected = try Self.run(cmark, input: source)
            let lecture = try LectureParser.parse(Array(source.utf8), path: "corpus/case.md")
            let actual = Decorations.removed(from: render(lecture).html)
            if actual != expected {
                failures.append("\(file) case \(number):\n--- markdown\n\(markdown)--- cmark-gfm\n\(expected)--- tool\n\(actual)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) cases differ:\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    static func run(_ cmark: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmark)
        process.arguments = ["--unsafe"] + ["table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes"].flatMap { ["-e", $0] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("in.md"), outputURL = folder.appendingPathComponent("out.html")
        try Data(input.utf8).write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        try process.run()
        process.waitUntilExit()
        return String(decoding: try Data(contentsOf: outputURL), as: UTF8.self)
    }
}

/// The decorations the site adds to cmark-gfm's HTML (listed in
/// ``HTMLRenderer``), and how the differential test takes them away again.
enum Decorations {
    static func removed(from html: String) -> String {
        html.replacing(/<h([1-6]) id="[^"]*">/) { "<h\($0.output.1)>" }
            .replacing(/<a class="anchor" href="[^"]*" aria-label="[^"]*">#<\/a>/, with: "")
            .replacing("<pre class=\"code\" tabindex=\"0\">", with: "<pre>")
            .replacing("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n", with: "")
            .replacing("</table>\n</div>\n", with: "</table>\n")
    }
}
