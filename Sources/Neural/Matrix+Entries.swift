extension Matrix {
    /// Every entry written as `description` writes it (NumPy's default print
    /// options, one shared style for the whole matrix), without the padding on
    /// either side, row by row: what a table of the matrix shows in its cells.
    public var entryTexts: [[String]] {
        let format = NumPyFloatFormat(elements)
        return (0..<rows).map { i in
            (0..<columns).map { j in
                let text = format(self[i, j])
                return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            }
        }
    }
}
