import Literate
/// The site's search index: for each chapter, its sections (the text under
/// each heading) as the distinct words they hold, lower-cased.
///
/// It is written as `search-index.js`, a script that assigns the index to a
/// global, because a page opened from `file://` may load a script but may not
/// `fetch` a JSON file.
struct SearchIndex {
    struct Section {
        var title: String
        var anchor: String
        var words: [String]
    }

    struct Page {
        var title: String
        var url: String
        var sections: [Section]
    }

    var pages: [Page] = []

    /// Adds a chapter; `citationText` gives a citation's shown value.
    mutating func add(_ document: ChapterDocument, citationText: (Int) -> String) {
        let source = document.source
        func restored(_ text: String) -> String {
            source.restore(text) { span in
                switch span {
                case .math: " "
                case .citation(let index): " \(citationText(index)) "
                }
            }
        }
        let chapterTitle = document.headings.first?.text ?? document.lecture.title
        var sections: [Section] = []
        var current = Section(title: chapterTitle, anchor: "", words: [])
        var seen: Set<String> = []
        var headingIndex = 0
        func add(_ text: String) {
            for word in Self.words(in: restored(text)) where seen.insert(word).inserted {
                current.words.append(word)
            }
        }
        let cellLines = Set(document.lecture.cells.filter { !$0.options.hide }.map(\.fence.openLine))
        let outputLines = Set(document.lecture.cells.compactMap { $0.recorded?.fence.openLine })
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .heading(let level):
                let heading = document.headings[safe: headingIndex]
                headingIndex += 1
                if level >= 2, let heading {
                    if !current.words.isEmpty || !sections.isEmpty { sections.append(current) }
                    current = Section(title: heading.text, anchor: heading.id, words: [])
                    seen = []
                }
                add(Self.text(of: node))
            case .codeBlock(_, let literal):
                if outputLines.contains(node.line) { return }
                if document.lecture.cells.contains(where: { $0.fence.openLine == node.line }) && !cellLines.contains(node.line) { return }
                add(literal)
            case .paragraph, .tableCell:
                add(Self.text(of: node))
            default:
                node.children.forEach(walk)
            }
        }
        walk(document.tree)
        sections.append(current)
        pages.append(Page(title: chapterTitle, url: document.pageName, sections: sections))
    }

    /// The distinct lower-case words of `text`: runs of letters and digits, at
    /// least two characters long.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                if word.count >= 2 { words.append(word) }
                word = ""
            }
        }
        if word.count >= 2 { words.append(word) }
        return words
    }

    private static func text(of node: MarkdownNode) -> String {
        switch node.kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return node.children.map(text(of:)).joined(separator: node.isBlock ? " " : "")
        }
    }

    /// The index as a script: `window.LECTURE_SEARCH_INDEX = {...};`.
    var script: String {
        let pagesJSON = pages.map { page in
            let sectionsJSON = page.sections.map { section in
                "{\"t\":\(JSON.string(section.title)),\"a\":\(JSON.string(section.anchor)),\"w\":\(JSON.string(section.words.joined(separator: " ")))}"
            }.joined(separator: ",\n")
            return "{\"t\":\(JSON.string(page.title)),\"u\":\(JSON.string(page.url)),\"s\":[\n\(sectionsJSON)]}"
        }.joined(separator: ",\n")
        return "window.LECTURE_SEARCH_INDEX = {\"pages\":[\n\(pagesJSON)]};\n"
    }
}

extension MarkdownNode {
    var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
             .table, .tableRow, .tableCell: true
        default: false
        }
    }
}

/// JSON text for the search index, safe inside a script: `<` is written
/// `\u003c`, so no string can close the script element.
enum JSON {
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
