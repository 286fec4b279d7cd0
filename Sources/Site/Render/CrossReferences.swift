import Escaping
import Literate

/// The course's numbered figures and tables by label, for the `@fig-…` and
/// `@tbl-…` references of its prose. A reference names a display of its own
/// chapter ("Figure 2") or, when none there has the label, of the one other
/// chapter that has it ("Figure 2 of chapter 3"); a label found nowhere, or in
/// several other chapters, is an error at the reference.
struct CrossReferences {
    struct Chapter {
        var id: String
        var page: String
        var number: Int?
        var title: String
        var figures: ChapterFigures
    }

    enum Resolution: Equatable {
        case found(href: String, text: String)
        case unknown(String)
    }

    let chapters: [Chapter]

    func resolve(_ label: String, from chapterID: String) -> Resolution {
        if let own = chapters.first(where: { $0.id == chapterID }), let entry = own.figures.entry(label: label) {
            return .found(href: "#" + label, text: entry.name)
        }
        let elsewhere = chapters.filter { $0.id != chapterID && $0.figures.entry(label: label) != nil }
        guard let other = elsewhere.first, let entry = other.figures.entry(label: label) else {
            let kind = label.hasPrefix("tbl-") ? "table" : "figure"
            let prefix = label.hasPrefix("tbl-") ? "show(table, caption: ..., label: \"\(label)\")" : "show(figure, caption: ..., label: \"\(label)\")"
            return .unknown("no \(kind) of the course is labelled '\(label)': a cell labels one with \(prefix), and a cell that did not run or is silent shows none")
        }
        guard elsewhere.count == 1 else {
            let places = elsewhere.map { "\($0.id).md" }.joined(separator: " and ")
            return .unknown("'\(label)' labels a display in \(places): a reference from another chapter needs a label only one chapter uses")
        }
        let chapterName = other.number.map { "chapter \($0)" } ?? "‘\(other.title)’"
        return .found(href: other.page + "#" + label, text: "\(entry.name) of \(chapterName)")
    }
}
