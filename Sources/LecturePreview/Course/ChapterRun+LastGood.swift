import Literate

extension ChapterRun {
    /// This run, which failed or is still going, with the gaps it left filled
    /// from `good`, the chapter's last run that succeeded: each cell that has
    /// no output now (it never ran, or not yet, or the program did not
    /// compile) shows the output of the cell of `good` with the same code and
    /// options, matched in order, and is counted among the ``staleCells``;
    /// each citation with no value shows the value of `good`'s citation of
    /// the same expression. Cells that ran now keep what they printed, and
    /// the diagnostics stay this run's, so the page shows the error over the
    /// last good content.
    ///
    /// Limits: a filled output was computed from the earlier cells as they
    /// were then; a cell whose code changed has no earlier output to show.
    func fillingGaps(from good: ChapterRun) -> ChapterRun {
        var filled = self
        var unmatched = good.lecture.cells.filter { good.cells[$0.index] != nil }
        for cell in lecture.cells {
            guard let position = unmatched.firstIndex(where: { $0.code == cell.code && $0.options == cell.options }) else { continue }
            let match = unmatched.remove(at: position)
            if filled.cells[cell.index] == nil {
                filled.cells[cell.index] = good.cells[match.index]
                filled.staleCells.insert(cell.index)
            }
        }
        var values: [String: [String]] = [:]
        for citation in good.lecture.citations {
            if let value = good.citations[citation.index] { values[citation.expression, default: []].append(value) }
        }
        for citation in lecture.citations {
            guard var candidates = values[citation.expression], !candidates.isEmpty else { continue }
            let value = candidates.removeFirst()
            values[citation.expression] = candidates
            if filled.citations[citation.index] == nil { filled.citations[citation.index] = value }
        }
        return filled
    }
}
