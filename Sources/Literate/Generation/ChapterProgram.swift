/// The Swift source of a program that runs a chapter's cells, one after the other,
/// at top level of one `main.swift`, so a value defined in one cell is visible in
/// every later cell.
///
/// Before each cell the program tells the runner which cell starts; each cell's code
/// follows a `#sourceLocation` naming its Markdown line, so compiler errors and
/// traps in cell code point at the lecture. Citations are evaluated once every cell
/// has run, wherever they stand in the prose: a citation above the cell that
/// defines its value is fine, and a value that a later cell changes is cited as it
/// ends up.
public struct ChapterProgram: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Every cell that runs normally, and the citations.
        case main
        /// The cells that run normally up to cell `index`, and cell `index` itself
        /// when it is a `crashes` cell.
        case upTo(index: Int)
        /// The cells before cell `index`, then cell `index`, which must not compile.
        case failing(index: Int)
        /// The cells before cell `index`, then cell `index`, which must trap.
        case crashing(index: Int)
    }

    public var purpose: Purpose
    public var source: String

    /// The chapter's programs: the main one, then one per `fails` and `crashes` cell.
    public static func all(for lecture: Lecture) -> [ChapterProgram] {
        var programs = [ChapterProgram(lecture, purpose: .main)]
        for cell in lecture.cells {
            if cell.options.fails { programs.append(ChapterProgram(lecture, purpose: .failing(index: cell.index))) }
            if cell.options.crashes { programs.append(ChapterProgram(lecture, purpose: .crashing(index: cell.index))) }
        }
        return programs
    }

    init(_ lecture: Lecture, purpose: Purpose) {
        self.purpose = purpose
        let path = Self.literal(lecture.path)
        var source = "import Foundation\nimport LectureRuntime\n\nLectureRuntime._beginChapter()\n"
        func emit(_ cell: Cell) {
            source += "LectureRuntime._beginCell(\(cell.index))\n"
            source += "#sourceLocation(file: \(path), line: \(cell.fence.firstContentLine))\n"
            source += cell.code
            if !cell.code.hasSuffix("\n") { source += "\n" }
            source += "#sourceLocation()\n"
        }
        func emitCitations() {
            for citation in lecture.citations {
                source += "LectureRuntime._cite(\(citation.index)) { () -> Any in\n"
                source += "#sourceLocation(file: \(path), line: \(citation.location.line))\n"
                source += "return (\(citation.expression))\n"
                source += "#sourceLocation()\n}\n"
            }
        }
        switch purpose {
        case .main:
            for cell in lecture.cells where cell.options.runsInMainProgram { emit(cell) }
            emitCitations()
        case .failing(let index), .crashing(let index):
            for cell in lecture.cells[..<index] where cell.options.runsInMainProgram { emit(cell) }
            emit(lecture.cells[index])
        case .upTo(let index):
            for cell in lecture.cells[...index] where cell.options.runsInMainProgram || (cell.index == index && cell.options.crashes) {
                emit(cell)
            }
        }
        source += "LectureRuntime._endChapter()\n"
        self.source = source
    }

    /// A Swift string literal holding `text`.
    static func literal(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
