/// A grid of terminal characters, each a 2 × 4 block of Braille dots, for
/// drawing charts in a terminal: a canvas of `columns` × `rows` characters has
/// `2·columns` × `4·rows` dots. Each character keeps the colour of the last dot
/// set in it, and an optional background colour.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var inks: [Color?]
    private var backgrounds: [Color?]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = Array(repeating: 0, count: columns * rows)
        inks = Array(repeating: nil, count: columns * rows)
        backgrounds = Array(repeating: nil, count: columns * rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// The Braille bit of the dot at (column 0–1, row 0–3) inside a character
    /// (Unicode's dot numbering 1–8).
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at (x, y), y growing downwards; dots outside are ignored.
    mutating func set(_ x: Int, _ y: Int, _ color: Color) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[y % 4][x % 2]
        inks[cell] = color
    }

    /// Draws a straight line of dots (Bresenham).
    mutating func line(from start: (Int, Int), to end: (Int, Int), _ color: Color) {
        var (x, y) = start
        let dx = abs(end.0 - x), dy = -abs(end.1 - y)
        let sx = x < end.0 ? 1 : -1, sy = y < end.1 ? 1 : -1
        var error = dx + dy
        var steps = 0
        while steps <= dotWidth + dotHeight {
            set(x, y, color)
            if x == end.0 && y == end.1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
            steps += 1
        }
    }

    /// Fills the character at (column, row) with a background colour.
    mutating func background(column: Int, row: Int, _ color: Color) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        backgrounds[row * columns + column] = color
    }

    /// The canvas as lines of text, with ANSI 24-bit colours.
    func lines() -> [String] {
        (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let cell = row * columns + column
                let character = Character(Unicode.Scalar(0x2800 + UInt32(dots[cell]))!)
                var style = ""
                if let ink = inks[cell] { style += "\u{1B}[38;2;\(ink.red);\(ink.green);\(ink.blue)m" }
                if let back = backgrounds[cell] { style += "\u{1B}[48;2;\(back.red);\(back.green);\(back.blue)m" }
                line += style.isEmpty ? String(character) : style + String(character) + "\u{1B}[0m"
            }
            return line
        }
    }
}
