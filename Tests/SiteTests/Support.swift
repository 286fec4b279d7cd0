import CellOutput
import Foundation
import LectureTesting
import Literate
import Testing
@testable import Site

/// The lectures in `Fixtures/`, and rendering them in-process with made-up runs,
/// so these tests need no compiler.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The package's own theme, `site/`.
    static let themeFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site").path

    static func source(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The fixture `name`, parsed as if it were `lectures/<name>`.
    static func lecture(_ name: String) throws -> Lecture {
        try parse(source(name), path: "lectures/" + name)
    }

    static func parse(_ text: String, path: String = "lectures/01-test.md") throws -> Lecture {
        try LectureParser.parse(Array(text.utf8), path: path)
    }

    /// A KaTeX folder with stand-in files, for builds that only copy them.
    static func katex() throws -> KaTeXAssets {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        try Data("/* katex.min.js */".utf8).write(to: folder.appendingPathComponent("katex.min.js"))
        try Data("/* katex.min.css */".utf8).write(to: folder.appendingPathComponent("katex.min.css"))
        try Data("woff2".utf8).write(to: folder.appendingPathComponent("fonts/KaTeX_Main-Regular.woff2"))
        try Data("woff".utf8).write(to: folder.appendingPathComponent("fonts/KaTeX_Main-Regular.woff"))
        return try KaTeXAssets(folder: folder.path)
    }
}

/// A chapter's body HTML and the problems found rendering it; `others` are
/// the other chapters of the course, for links, and `otherOutputs` their
/// outputs by chapter id, for cross-references.
func render(_ lecture: Lecture, outputs: [Int: [OutputItem]] = [:], citations: [Int: String] = [:],
            others: [Lecture] = [], otherOutputs: [String: [Int: [OutputItem]]] = [:],
            rawHTML: RawHTMLPolicy = .filtered, staleCells: Set<Int> = []) -> (html: String, diagnostics: [Diagnostic]) {
    let lectures = [lecture] + others
    var anchors: [String: Set<String>] = [:]
    for lecture in lectures { anchors[lecture.id] = ChapterOutline(lecture).anchors }
    let figures = ChapterFigures(lecture, cells: outputs)
    let references = CrossReferences(chapters: lectures.map { other in
        CrossReferences.Chapter(id: other.id, page: other.id + ".html", number: other.number, title: other.title,
                                figures: other.id == lecture.id ? figures : ChapterFigures(other, cells: otherOutputs[other.id] ?? [:]))
    })
    var renderer = ChapterRenderer(lecture: lecture, outline: ChapterOutline(lecture), outputs: outputs, citationValues: citations,
                                   links: LinkResolver(anchors: anchors, courseFolder: Fixture.folder.path), rawHTML: rawHTML,
                                   figures: figures, references: references)
    renderer.staleCells = staleCells
    let (rendered, diagnostics) = renderer.render()
    return (rendered.body, diagnostics)
}

/// The golden files of these tests, in `Golden/`.
let goldenFiles = GoldenFolder(beside: #filePath)

/// The text of every `<span class="math …">` or `<div class="math …">`, unescaped.
func mathSpans(in html: String) -> [(display: Bool, tex: String)] {
    var found: [(Bool, String)] = []
    var rest = Substring(html)
    while let open = rest.range(of: "class=\"math ") {
        let kind = rest[open.upperBound...].prefix { $0 != "\"" }
        guard let start = rest[open.upperBound...].firstIndex(of: ">"),
              let end = rest[start...].range(of: "</") else { break }
        let text = String(rest[rest.index(after: start)..<end.lowerBound])
        found.append((kind == "display", unescape(text)))
        rest = rest[end.upperBound...]
    }
    return found
}

func unescape(_ html: String) -> String {
    html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
