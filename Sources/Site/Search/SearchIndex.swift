import Literate
/// The site's search index: for each chapter, its sections (the text under
/// each heading: prose with its formulas as plain text (``FormulaText``), table cells,
/// shown code; citations as their value), whitespace collapsed. `search.js` finds words in it and
/// quotes it around them.
///
/// It is written as `search-index.js`, a script that assigns the index to a
/// global, because a page opened from `file://` may load a script but may not
/// `fetch` a JSON file.
struct SearchIndex {
    struct Section {
        var title: String
        var anchor: String
        var text: String
    }

    struct Page {
        var title: String
        var url: String
        var sections: [Section]
    }

    var pages: [Page] = []

    /// Adds a chapter: `outline` gives its headings' anchors, `citationText` a
    /// citation's shown value, `referenceText` what a cross-reference reads as.
    mutating func add(_ lecture: Lecture, outline: ChapterOutline, pageName: String, citationText: (Int) -> String,
                      referenceText: (String) -> String = { "@" + $0 }) {
        func text(of node: MarkdownNode) -> String {
            switch node.kind {
            case .math(let pieces, let display):
                let tex = pieces.map { piece in
                    switch piece {
                    case .tex(let tex): tex
                    case .citation(let index): citationText(index)
                    }
                }.joined()
                let text = FormulaText.plain(tex)
                return display ? " \(text) " : text
            case .citation(let index): return " \(citationText(index)) "
            case .crossReference(let label): return referenceText(label)
            default: return node.children.isEmpty ? node.plainText(citation: citationText) : node.children.map(text(of:)).joined()
            }
        }
        let chapterTitle = outline.headings.first?.text ?? lecture.title
        var sections: [Section] = []
        var current = Section(title: chapterTitle, anchor: "", text: "")
        var headingIndex = 0
        func add(_ text: String) {
            let collapsed = Self.collapsingWhitespace(text)
            guard !collapsed.isEmpty else { return }
            current.text += (current.text.isEmpty ? "" : " ") + collapsed
        }
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .heading(let level):
                let heading = outline.headings[safe: headingIndex]
                headingIndex += 1
                if level >= 2, let heading {
                    if !current.text.isEmpty || !sections.isEmpty { sections.append(current) }
                    current = Section(title: heading.text, anchor: heading.id, text: "")
                }
                add(text(of: node))
            case .cell(let index):
                if let cell = lecture.cells[safe: index], !cell.options.hide { add(cell.code) }
            case .codeBlock(let block):
                add(block.literal)
            case .recordedOutput:
                return
            case .paragraph, .tableCell:
                add(text(of: node))
            default:
                node.children.forEach(walk)
            }
        }
        walk(lecture.document)
        sections.append(current)
        pages.append(Page(title: chapterTitle, url: pageName, sections: sections))
    }

    /// `text` with every run of whitespace one space, none at the ends.
    /// Whitespace is a scalar of Unicode's White_Space, found in the UTF-8
    /// bytes (``whitespaceLength(_:at:)``). Splitting the text into Characters
    /// took ten times as long (a sixth of each save's site build in the debug
    /// build that `swift run lecture preview` runs), and dropped a combining
    /// mark that follows a space together with the space.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var i = 0, space = false
            while i < bytes.count {
                let width = whitespaceLength(bytes, at: i)
                if width > 0 {
                    space = !kept.isEmpty
                    i += width
                } else {
                    if space { kept.append(0x20) }
                    space = false
                    kept.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    /// The length in bytes of the White_Space scalar whose UTF-8 starts at
    /// `i`, or 0. Unicode's whole list: U+0009–U+000D, U+0020, U+0085,
    /// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) { return 1 }
        guard lead >= 0xC2, i + 1 < bytes.count else { return 0 }
        let second = bytes[i + 1], third = i + 2 < bytes.count ? bytes[i + 2] : 0
        switch (lead, second) {
        case (0xC2, 0x85), (0xC2, 0xA0): return 2
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The index as a script: `window.LECTURE_SEARCH_INDEX = {...};`.
    var script: String {
        let pagesJSON = pages.map { page in
            let sectionsJSON = page.sections.map { section in
                "{\"t\":\(JSON.string(section.title)),\"a\":\(JSON.string(section.anchor)),\"x\":\(JSON.string(section.text))}"
            }.joined(separator: ",\n")
            return "{\"t\":\(JSON.string(page.title)),\"u\":\(JSON.string(page.url)),\"s\":[\n\(sectionsJSON)]}"
        }.joined(separator: ",\n")
        return "window.LECTURE_SEARCH_INDEX = {\"pages\":[\n\(pagesJSON)]};\n"
    }
}
