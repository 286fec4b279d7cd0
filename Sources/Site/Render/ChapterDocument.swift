import Literate

/// A chapter read for the site: its Markdown with math and citations protected,
/// parsed by cmark-gfm, and the anchor ids of its headings.
struct ChapterDocument {
    struct Heading {
        var level: Int
        var id: String
        /// The heading's text, with math as TeX and citations as written.
        var text: String
    }

    var lecture: Lecture
    var source: ProtectedSource
    var tree: MarkdownNode
    /// The headings in document order.
    var headings: [Heading]
    /// Heading anchor ids by the heading's first line.
    var anchorsByLine: [Int: String]
    /// The page's file name in the site.
    var pageName: String { lecture.id + ".html" }

    init(_ lecture: Lecture) {
        self.lecture = lecture
        let opaque = Self.opaqueLines(MarkdownTree.parse(lecture.source))
        let source = ProtectedSource(lecture.source, opaqueLines: opaque, citations: lecture.citations.map(\.byteRange))
        self.source = source
        tree = MarkdownTree.parse(source.text)
        var namer = AnchorNamer()
        var headings: [Heading] = []
        var anchors: [Int: String] = [:]
        tree.visit { node in
            guard case .heading(let level) = node.kind else { return }
            let text = source.restore(node.plainText) { span in
                switch span {
                case .math(let tex, _): tex
                case .citation(let index): lecture.citations[safe: index].map { "{{\($0.expression)}}" } ?? ""
                }
            }
            let id = namer.id(for: text)
            headings.append(Heading(level: level, id: id, text: text))
            anchors[node.line] = id
        }
        self.headings = headings
        anchorsByLine = anchors
    }

    var anchors: Set<String> { Set(headings.map(\.id)) }

    /// The lines of code and HTML blocks, where nothing is math.
    private static func opaqueLines(_ tree: MarkdownNode) -> [ClosedRange<Int>] {
        var lines: [ClosedRange<Int>] = []
        tree.visit { node in
            switch node.kind {
            case .codeBlock, .htmlBlock: lines.append(node.line...max(node.line, node.endLine))
            default: break
            }
        }
        return lines
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
