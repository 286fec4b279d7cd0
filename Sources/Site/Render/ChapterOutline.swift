import Literate

/// A chapter's headings with the anchor ids the site gives them (``AnchorNamer``),
/// known before any page is rendered so that links between chapters can be checked.
struct ChapterOutline: Sendable {
    struct Heading: Sendable {
        var level: Int
        var id: String
        /// The heading's text, formulas as TeX, citations and cross-references as written.
        var text: String
        var node: MarkdownNode
    }

    var headings: [Heading] = []
    private var ids: [SourcePoint: String] = [:]

    init(_ lecture: Lecture) {
        var namer = AnchorNamer()
        lecture.document.visit { node in
            guard case .heading(let level) = node.kind else { return }
            let text = node.plainText { lecture.citations[safe: $0].map { "{{\($0.expression)}}" } ?? "" }
            let id = namer.id(for: text)
            headings.append(Heading(level: level, id: id, text: text, node: node))
            ids[node.range.start] = id
        }
    }

    /// The anchor ids of the chapter.
    var anchors: Set<String> { Set(headings.map(\.id)) }

    /// The id of the heading that starts at `point`.
    func id(at point: SourcePoint) -> String? { ids[point] }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
