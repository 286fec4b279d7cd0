extension Matrix: CustomStringConvertible {
    /// The matrix as `print` shows a 2-D float array in NumPy with its default
    /// print options, so that a lecture's output reads like the NumPy it
    /// replaces:
    ///
    ///     [[-3.42057777e-06 -2.01341432e-01  1.25838681e-06]
    ///      [-2.05234666e-06 -1.20804859e-01  7.55032084e-07]]
    ///
    /// Entries follow ``NumPyFloatFormat``; rows longer than 75 characters wrap
    /// with a two-space indent; a matrix of more than 1000 entries shows only
    /// its first and last three rows and columns, with `...` between.
    public var description: String {
        guard !elements.isEmpty else { return "[]" }
        let summarized = elements.count > 1000
        let shownRows = Self.shownIndices(rows, summarized: summarized)
        let shownColumns = Self.shownIndices(columns, summarized: summarized)
        let format = NumPyFloatFormat(shownRows.compactMap { $0 }.flatMap { i in
            shownColumns.compactMap { $0 }.map { j in self[i, j] }
        })
        let lines = shownRows.map { i in
            i.map { i in Self.wrappedRow(shownColumns.map { j in j.map { j in format(self[i, j]) } ?? "..." }) } ?? "..."
        }
        return "[" + lines.joined(separator: "\n ") + "]"
    }

    /// The indices NumPy shows along a dimension of size n; `nil` stands for
    /// the `...` of a summary, which keeps three indices at each end.
    private static func shownIndices(_ n: Int, summarized: Bool) -> [Int?] {
        guard summarized, n > 6 else { return Array(0..<n) }
        return [0, 1, 2, nil, n - 3, n - 2, n - 1]
    }

    /// One row in brackets, its words separated by a space and wrapped as
    /// NumPy wraps them: a word that would pass column 73 (75 less the two
    /// closing brackets) starts a new line indented by two spaces.
    private static func wrappedRow(_ words: [String]) -> String {
        let indent = "  ", width = 73
        var text = "", line = indent
        for (index, word) in words.enumerated() {
            if line.count + word.count > width, line.count > indent.count {
                text += line.reversed().drop { $0 == " " }.reversed() + "\n"
                line = indent
            }
            line += word
            if index < words.count - 1 {
                line += " "
            }
        }
        return "[" + (text + line).dropFirst(indent.count) + "]"
    }
}
