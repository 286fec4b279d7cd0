import CellOutput

/// The numbered figures and tables of one chapter's run: every chart, diagram
/// or table shown with a caption or a label, figures (charts and diagrams) and
/// tables each counted from 1 in the order of the chapter's cells and, within a
/// cell, the order it showed them.
///
/// The numbers come from the run, not the recorded outputs, and they are not
/// written into the lecture: inserting a figure renumbers the later ones on the
/// page without changing a recorded byte.
public struct ChapterFigures: Sendable {
    public enum Kind: String, Sendable {
        case figure = "Figure", table = "Table"

        init(_ kind: Display.Kind) {
            self = kind == .table ? .table : .figure
        }
    }

    public struct Entry: Sendable, Equatable {
        public var kind: Kind
        public var number: Int
        /// The cell that showed it, and its place among that cell's output items.
        public var cell: Int
        public var item: Int
        /// What follows its number: a figure's caption, a table's title (a
        /// table's caption is its title).
        public var caption: String?
        public var label: String?

        /// How prose names it: "Figure 2".
        public var name: String { "\(kind.rawValue) \(number)" }
    }

    public private(set) var entries: [Entry] = []
    /// Displays whose label an earlier display of the chapter has already.
    public private(set) var repeatedLabels: [Entry] = []

    /// Numbers the displays of `cells` (output items by cell index).
    public init(cells: [Int: [OutputItem]]) {
        var counts: [Kind: Int] = [:]
        var labels: Set<String> = []
        for cell in cells.keys.sorted() {
            for (item, output) in (cells[cell] ?? []).enumerated() {
                guard case .display(let display) = output, display.isNumbered else { continue }
                let kind = Kind(display.kind)
                counts[kind, default: 0] += 1
                let entry = Entry(kind: kind, number: counts[kind]!, cell: cell, item: item, caption: display.numberedCaption,
                                  label: display.label)
                entries.append(entry)
                if let label = display.label, !labels.insert(label).inserted { repeatedLabels.append(entry) }
            }
        }
    }

    /// Numbers the displays that `lecture`'s page and `lecture run` show of
    /// `cells`: a `silent` cell's are neither shown nor numbered.
    public init(_ lecture: Lecture, cells: [Int: [OutputItem]]) {
        self.init(cells: cells.filter { index, _ in !(lecture.cells.indices.contains(index) && lecture.cells[index].options.silent) })
    }

    /// The entry of the display at `item` of `cell`, if it is numbered.
    public func entry(cell: Int, item: Int) -> Entry? {
        entries.first { $0.cell == cell && $0.item == item }
    }

    /// The first display labelled `label`.
    public func entry(label: String) -> Entry? {
        entries.first { $0.label == label }
    }
}
