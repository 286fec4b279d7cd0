/// The Swift source of a program that runs some of a chapter's cells, one after
/// the other, at the top level of one `main.swift`, so that a value defined in
/// one cell is visible in every later cell of its scope.
///
/// **Scopes.** Cells without `scope` form the chapter's main scope. A cell with
/// `scope=NAME` belongs to scope NAME, and an `isolated` cell to a scope of its
/// own. A scope's program holds the main scope's cells that come before the
/// scope's last cell, then the scope's own cells, in chapter order: a scope sees
/// the shared setup above it, never another scope. So the same name can be
/// declared in two scopes (a `Stack` and a second `Stack`), but not in a scope and
/// in the main scope (Swift forbids a redeclaration at the top level): give both
/// versions scopes of their own. The main scope's cells run again in each scope's
/// program, and their output is taken from the main program only.
///
/// Before each cell the program tells the runner which cell starts; each cell's
/// code follows a `#sourceLocation` naming its Markdown line, so compiler errors
/// and traps in cell code point at the lecture. After each cell stands an
/// `import`, which Swift allows at the top level only: a cell that leaves a `{`
/// open is an error at its closing fence instead of code that silently moves
/// into the next cell. Citations are evaluated once every cell of the main
/// scope has run, wherever they stand in the prose. Nothing is imported but
/// what the course and the chapter name (no implicit Foundation, which changes
/// name lookup).
public struct ChapterProgram: Equatable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// The main scope's cells (exercises answered by their solutions, and
        /// their checks), and the citations.
        case main
        /// The cells of scope `name`, after the main scope's before them.
        case scope(String)
        /// An `isolated` cell, after the main scope's cells before it.
        case isolated(cell: Int)
        /// A `fails` cell, after its scope's cells before it; it must not compile.
        case failing(cell: Int)
        /// A `crashes` cell, after its scope's cells before it; it must trap.
        case crashing(cell: Int)
        /// A `typecheck` cell, after its scope's cells before it; compiled, not run.
        case typechecking(cell: Int)
        /// Its scope's cells up to cell `index`, for `lecture run --cell`.
        case upTo(cell: Int)
        /// The main scope with the student's exercise cells in place of the
        /// solutions, and the checks, for `lecture check`.
        case exercises
    }

    /// What a line of the generated source stands for.
    public enum Origin: Equatable, Sendable {
        case generated
        case cell(Int)
        /// The `import` after a cell, at its closing fence's line.
        case boundary(ofCell: Int)
        case citation(Int)
    }

    public var purpose: Purpose
    public var source: String
    /// The modules it imports besides the runtime: the course's and the chapter's.
    public var imports: [String]
    /// What each line of ``source`` stands for, by 0-based line.
    public var origins: [Origin]
    /// The cells whose output this program's run gives.
    public var ownCells: [Int]
    /// The file name the program's `#sourceLocation` directives give: the
    /// lecture's own, unless it holds a character a string literal would have to
    /// escape (the compiler prints such names escaped, a path that does not exist).
    public var sourceFileName: String

    /// Whether the program is run; a `typecheck` program is only compiled.
    public var runs: Bool {
        if case .typechecking = purpose { return false }
        return true
    }

    /// The chapter's programs for `verify`: the main one, one per named scope and
    /// isolated cell, and one per `fails`, `crashes` and `typecheck` cell.
    public static func all(for lecture: Lecture, imports: [String]) -> [ChapterProgram] {
        var purposes: [Purpose] = [.main]
        var scopes: [String] = []
        for cell in lecture.cells {
            if let scope = cell.options.scope, !scopes.contains(scope) { scopes.append(scope) }
            if cell.options.isolated, cell.options.runs { purposes.append(.isolated(cell: cell.index)) }
            if cell.options.fails { purposes.append(.failing(cell: cell.index)) }
            if cell.options.crashes { purposes.append(.crashing(cell: cell.index)) }
            if cell.options.typecheck { purposes.append(.typechecking(cell: cell.index)) }
        }
        purposes.insert(contentsOf: scopes.map(Purpose.scope), at: 1)
        return purposes.map { ChapterProgram(lecture, purpose: $0, imports: imports) }
    }

    /// The scope a cell belongs to.
    enum Scope: Hashable {
        case main
        case named(String)
        case isolated(Int)

        init(_ cell: Cell) {
            if cell.options.isolated { self = .isolated(cell.index) } else if let name = cell.options.scope { self = .named(name) } else { self = .main }
        }
    }

    public init(_ lecture: Lecture, purpose: Purpose, imports: [String]) {
        self.purpose = purpose
        self.imports = imports
        let fileName = lecture.fileName.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }
            ? String(lecture.fileName.unicodeScalars.map { $0 == "\"" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
            : lecture.fileName
        sourceFileName = fileName
        let cells = Self.cells(of: lecture, for: purpose)
        let included = Set(cells.map(\.index))
        ownCells = cells.filter { Self.isOwn($0, purpose, lecture) }.map(\.index)

        var lines: [String] = []
        var origins: [Origin] = []
        func add(_ text: String, _ origin: Origin = .generated) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(String(line))
                origins.append(origin)
            }
        }
        let file = SwiftLiteral.string(fileName)
        for module in ["LectureRuntime"] + imports where !module.isEmpty { add("import \(module)") }
        add("LectureRuntime._beginChapter()")
        // Checkpoints are numbered through the whole chapter, whichever cells a
        // program holds.
        var checkpoint = 0
        for cell in lecture.cells {
            guard included.contains(cell.index) else {
                checkpoint += cell.printsComments.count
                continue
            }
            add("LectureRuntime._beginCell(\(cell.index))")
            let (code, used) = Self.code(of: cell, checkpointsFrom: checkpoint)
            checkpoint += used
            if let exercise = cell.options.check {
                add("LectureRuntime._checking(\(SwiftLiteral.string(exercise))) { (check: (Bool, String) -> Void) in")
            }
            add("#sourceLocation(file: \(file), line: \(cell.fence.firstContentLine))")
            add(code, .cell(cell.index))
            add("#sourceLocation()")
            if cell.options.check != nil { add("}") }
            add("#sourceLocation(file: \(file), line: \(cell.fence.closeLine))")
            add("import LectureRuntime", .boundary(ofCell: cell.index))
            add("#sourceLocation()")
        }
        if purpose == .main {
            for citation in lecture.citations {
                let inner = lecture.text.bytes[citation.byteRange].dropFirst(2)
                let column = citation.location.column + 2 + inner.prefix { $0 == UInt8(ascii: " ") }.count
                add("LectureRuntime._cite(\(citation.index)) { () -> Any in")
                add("#sourceLocation(file: \(file), line: \(citation.location.line))")
                add(String(repeating: " ", count: max(column - 2, 0)) + "(" + citation.expression + ")", .citation(citation.index))
                add("#sourceLocation()")
                add("}")
            }
        }
        add("LectureRuntime._endChapter()")
        source = lines.joined(separator: "\n") + "\n"
        self.origins = origins
    }

    /// The cells the program holds, in chapter order.
    static func cells(of lecture: Lecture, for purpose: Purpose) -> [Cell] {
        let all = lecture.cells
        func scope(_ index: Int) -> Scope { Scope(all[index]) }
        /// The cells of `target` and of the main scope up to `last`, that run.
        func runnable(in target: Scope, through last: Int, solutions: Bool = true) -> [Cell] {
            all.prefix(last + 1).filter { cell in
                let options = cell.options
                let runs = solutions ? options.runs : (options.runs && options.solution == nil) || options.exercise != nil
                return runs && (Scope(cell) == .main || Scope(cell) == target)
            }
        }
        switch purpose {
        case .main:
            return runnable(in: .main, through: all.count - 1)
        case .exercises:
            return runnable(in: .main, through: all.count - 1, solutions: false)
        case .scope(let name):
            let last = all.lastIndex { $0.options.scope == name } ?? -1
            return runnable(in: .named(name), through: last)
        case .isolated(let index):
            return runnable(in: .isolated(index), through: index)
        case .failing(let index), .crashing(let index), .typechecking(let index):
            return runnable(in: scope(index), through: index - 1) + [all[index]]
        case .upTo(let index):
            var cells = runnable(in: scope(index), through: index)
            if all[index].options.crashes { cells.append(all[index]) }
            return cells
        }
    }

    /// Whether `cell`'s output comes from the program for `purpose`.
    private static func isOwn(_ cell: Cell, _ purpose: Purpose, _ lecture: Lecture) -> Bool {
        switch purpose {
        case .main, .exercises: Scope(cell) == .main
        case .scope(let name): cell.options.scope == name
        case .isolated(let index), .failing(let index), .crashing(let index), .typechecking(let index): cell.index == index
        case .upTo(let index): Scope(cell) == Scope(lecture.cells[index])
        }
    }

    /// A cell's code with a checkpoint before each of its `// Prints` comments,
    /// numbered from `first`; lines and the columns of code stay where they were.
    static func code(of cell: Cell, checkpointsFrom first: Int) -> (String, Int) {
        guard !cell.printsComments.isEmpty else { return (cell.code.droppingFinalNewline, 0) }
        var lines = cell.code.droppingFinalNewline.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let codeLines = CodeLines(cell.code).lines
        for (offset, comment) in cell.printsComments.enumerated() where comment.codeLine < lines.count {
            guard let start = codeLines[comment.codeLine].commentStart else { continue }
            let line = codeLines[comment.codeLine].text
            let before = String(line[..<start])
            let needsSeparator = !before.allSatisfy { $0 == " " || $0 == "\t" } && !before.trimmingSpaces.hasSuffix(";")
            lines[comment.codeLine] = before + (needsSeparator ? "; " : "") + "LectureRuntime._checkpoint(\(first + offset)) " + line[start...]
        }
        return (lines.joined(separator: "\n"), cell.printsComments.count)
    }
}
