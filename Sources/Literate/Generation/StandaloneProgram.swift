/// A chapter as a plain Swift program for a student to take away: the prose as
/// comments, the cells of the chapter's main scope in order, and the cells that do
/// not run with them (`norun`, `fails`, `crashes`, `typecheck`, exercises, and
/// cells of other scopes) commented out with a word on why.
public enum StandaloneProgram {
    public static func source(of lecture: Lecture, imports: [String] = []) -> String {
        let lines = lecture.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cellAt: [Int: Cell] = [:]
        var skipped = Set<Int>()
        for cell in lecture.cells {
            cellAt[cell.fence.openLine] = cell
            skipped.formUnion(cell.fence.openLine...cell.fence.closeLine)
            if let recorded = cell.recorded { skipped.formUnion(recorded.fence.openLine...recorded.fence.closeLine) }
        }
        let modules = (["LectureRuntime"] + imports + lecture.settings.imports).map { "import \($0)\n" }.joined()
        var source = "// \(lecture.title)\n//\n// Exported from \(lecture.fileName) by `lecture export`. Run it with `swift run`.\n\n\(modules)\n"
        var prose: [String] = []
        func flushProse() {
            while prose.last?.isEmpty == true { prose.removeLast() }
            while prose.first?.isEmpty == true { prose.removeFirst() }
            if !prose.isEmpty { source += prose.map { $0.isEmpty ? "//" : "// " + $0 }.joined(separator: "\n") + "\n\n" }
            prose = []
        }
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if let cell = cellAt[number] {
                flushProse()
                source += "// MARK: - Cell \(cell.index + 1) (\(lecture.fileName):\(cell.fence.openLine))\n"
                let code = cell.code.hasSuffix("\n") ? String(cell.code.dropLast()) : cell.code
                if let reason = reasonNotRun(cell.options) {
                    source += "// \(reason):\n" + code.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }.joined(separator: "\n") + "\n\n"
                } else {
                    source += code + "\n\n"
                }
            } else if !skipped.contains(number) {
                prose.append(line)
            }
        }
        flushProse()
        return source
    }

    private static func reasonNotRun(_ options: CellOptions) -> String? {
        if options.norun { return "Shown in the lecture, never run" }
        if options.fails { return "Does not compile, on purpose" }
        if options.crashes { return "Traps at run time, on purpose" }
        if options.typecheck { return "A fragment, type-checked in the lecture but not run" }
        if let exercise = options.exercise { return "Exercise \(exercise): your answer goes here (the worked answer follows)" }
        if let scope = options.scope { return "Runs in the lecture's scope \(scope), apart from the cells here" }
        if options.isolated { return "Runs on its own in the lecture, apart from the cells here" }
        return nil
    }
}
