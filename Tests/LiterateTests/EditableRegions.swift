@testable import Literate

/// The byte ranges of a lecture that blessing it with a run may rewrite, and
/// the same ranges in the blessed lecture, found by reading each of them: all
/// the other bytes of the two files must be the same, in the same order.
///
/// - For each cell that records output and that the run gives output for: its
///   `output` fence's lines, or, without one, the empty range where one would go
///   (at the end of the cell's last line; a cell the end of its container or
///   file closes gets its closing fence there too). A CR before an empty line
///   ended by LF gets an LF of its own, which is part of the region.
/// - For each citation the run gives a value for: its recorded value's bytes, or
///   the empty range after its expression where `: value` goes (in the blessed
///   lecture: where the value starts, as long as what bless writes).
struct EditableRegions {
    enum Owner: Hashable, CustomStringConvertible {
        case cell(Int), citation(Int)

        var description: String {
            switch self {
            case .cell(let index): "the output of cell \(index + 1)"
            case .citation(let index): "citation \(index + 1)"
            }
        }
    }

    /// In file order; no two overlap.
    var regions: [(owner: Owner, range: Range<Int>)]

    /// The regions of `lecture` for `run`.
    init(of lecture: Lecture, for run: ChapterRun) {
        regions = []
        let text = lecture.text
        for cell in lecture.cells where cell.options.recordsOutput && run.cells[cell.index] != nil {
            let last = cell.recorded.map { $0.fence.openLine - 1 } ?? cell.fence.closeLine
            let start = text.lines[last - 1].ending == .none ? text.lines[last - 1].contentEnd : text.end(ofLine: last)
            regions.append((.cell(cell.index), start..<(cell.recorded.map { text.end(ofLine: $0.fence.closeLine) } ?? start)))
        }
        for citation in lecture.citations where run.citations[citation.index] != nil {
            regions.append((.citation(citation.index), citation.valueBytes))
        }
        regions.sort { $0.range.lowerBound < $1.range.lowerBound || ($0.range.lowerBound == $1.range.lowerBound && $0.range.isEmpty) }
    }

    /// The same regions in `blessed`, the lecture that blessing `original` gave,
    /// read again (their cells and citations correspond one to one).
    init(in blessed: Lecture, blessedFrom original: Lecture, for run: ChapterRun) {
        let originalRegions = EditableRegions(of: original, for: run)
        let text = blessed.text
        regions = originalRegions.regions.map { region in
            switch region.owner {
            case .cell(let index):
                let before = original.cells[index], after = blessed.cells[index]
                // Blank lines between a cell and its output fence stay where they are.
                let gap = before.recorded.map { $0.fence.openLine - before.fence.closeLine - 1 } ?? 0
                // A closing fence added to a cell closed by its container is part of the region.
                let addedClose = !before.fence.isClosed && after.fence.isClosed ? 1 : 0
                let last = after.fence.closeLine - addedClose + gap
                let endedBefore = original.text.lines[(before.recorded.map { $0.fence.openLine - 1 } ?? before.fence.closeLine) - 1].ending
                // A CR that bless gave an LF (not to join an empty line's) ends the kept bytes.
                let start = switch (endedBefore, text.lines[last - 1].ending) {
                case (.none, _): text.lines[last - 1].contentEnd
                case (.cr, .crlf): text.lines[last - 1].contentEnd + 1
                default: text.end(ofLine: last)
                }
                return (region.owner, start..<(after.recorded.map { text.end(ofLine: $0.fence.closeLine) } ?? max(start, text.end(ofLine: last))))
            case .citation(let index):
                // Where the value went, as long as what bless writes there.
                let before = original.citations[index], after = blessed.citations[index]
                let start = after.byteRange.lowerBound + (before.valueBytes.lowerBound - before.byteRange.lowerBound)
                return (region.owner, start..<(start + Self.written(for: before, value: run.citations[index]).utf8.count))
            }
        }
    }

    /// What bless writes for `citation` given the run's `value`: the value as
    /// the citation shows it, after `: ` when none was recorded.
    static func written(for citation: Citation, value: String?) -> String {
        (citation.recorded == nil ? ": " : "") + citation.shown(value)
    }

    /// The bytes of `bytes` outside the regions, one piece per gap between them.
    func kept(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var position = 0
        for region in regions {
            pieces.append(bytes[position..<max(position, region.range.lowerBound)])
            position = max(position, region.range.upperBound)
        }
        pieces.append(bytes[min(position, bytes.count)...])
        return pieces
    }

    /// Whether the regions are in order, inside `bytes`, and do not overlap.
    func areOrdered(within bytes: [UInt8]) -> Bool {
        var position = 0
        for region in regions {
            guard region.range.lowerBound >= position, region.range.upperBound <= bytes.count else { return false }
            position = region.range.upperBound
        }
        return true
    }
}
