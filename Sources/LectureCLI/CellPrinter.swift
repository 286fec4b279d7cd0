import CellOutput
import Foundation
import Literate

/// Prints cells for `lecture run`: a header with the cell's file and line, its code
/// when asked, then its output: text as printed, tables aligned, charts drawn in
/// the terminal and saved as SVG files.
struct CellPrinter {
    var terminal: Terminal
    /// The folder where charts are saved.
    var figures: String
    var showCode: Bool
    /// The chapter's numbered figures and tables, to print "Figure 2." by them.
    var numbered: ChapterFigures

    func print(_ cell: Cell, of lecture: Lecture, items: [OutputItem]?) {
        var notes: [String] = []
        if cell.options.norun { notes.append("not run") }
        if cell.options.fails { notes.append("does not compile, on purpose") }
        if cell.options.crashes { notes.append("traps, on purpose") }
        if cell.options.silent { notes.append("output hidden") }
        let header = "── cell \(cell.index + 1) · \(lecture.path):\(cell.fence.openLine)" + (notes.isEmpty ? "" : " · " + notes.joined(separator: ", ")) + " "
        Swift.print(terminal.bold(header + String(repeating: "─", count: max(0, 72 - header.count))))
        if showCode {
            for line in cell.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(cell.code.hasSuffix("\n") ? 1 : 0) {
                Swift.print(terminal.dim("│ ") + line)
            }
        }
        guard !cell.options.silent else { return }
        var figureNumber = 0
        for (index, item) in (items ?? []).enumerated() {
            switch item {
            case .text(let text):
                Swift.print(text, terminator: "")
            case .display(let display):
                let text = numberedText(display, numbered.entry(cell: cell.index, item: index))
                if let svg = display.svg {
                    figureNumber += 1
                    let path = save(svg, cell: cell.index, number: figureNumber)
                    if let drawing = display.terminal {
                        Swift.print(terminal.color ? drawing : TerminalColours.removed(from: drawing))
                    }
                    Swift.print(text)
                    if let path { Swift.print(terminal.dim("saved \(path)")) }
                } else {
                    Swift.print(text)
                }
            }
        }
    }

    /// A display's recorded text, numbered as the site numbers it.
    private func numberedText(_ display: Display, _ entry: ChapterFigures.Entry?) -> String {
        entry.map { display.text(numbered: $0.name, style: terminal.bold) } ?? display.text
    }

    /// Saves a chart as `cell-N[-k].svg` and returns its path relative to the
    /// working folder when it is inside it.
    private func save(_ svg: String, cell: Int, number: Int) -> String? {
        let name = "cell-\(cell + 1)" + (number > 1 ? "-\(number)" : "") + ".svg"
        let path = figures + "/" + name
        do {
            try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("error: cannot save \(path): \(error.localizedDescription)")
            return nil
        }
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
