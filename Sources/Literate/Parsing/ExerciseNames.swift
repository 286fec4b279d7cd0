/// The names that tie an exercise's cells together: `exercise=NAME` declares
/// an exercise once, `solution=NAME` (at most one) and `check=NAME` (any
/// number) belong to a declared one. A second declaration, a second worked
/// answer, or an answer or check of no exercise is an error at its fence:
/// `lecture check` would report the exercise twice, or run a check of nothing.
enum ExerciseNames {
    static func problems(in cells: [Cell], path: String) -> [Diagnostic] {
        var declared: [String: Cell] = [:]
        var answered: [String: Cell] = [:]
        var problems: [Diagnostic] = []
        func problem(_ cell: Cell, _ message: String) {
            problems.append(Diagnostic(at: SourceLocation(file: path, line: cell.fence.openLine, column: cell.fence.column), message))
        }
        for cell in cells {
            if let name = cell.options.exercise {
                if let first = declared[name] {
                    problem(cell, "a second exercise named '\(name)' (the first is at line \(first.fence.openLine)); give each exercise a name of its own")
                } else {
                    declared[name] = cell
                }
            }
        }
        for cell in cells {
            for (kind, name) in [("worked answer", cell.options.solution), ("check", cell.options.check)] {
                guard let name else { continue }
                guard declared[name] != nil else {
                    let known = declared.keys.sorted()
                    problem(cell, "a \(kind) of exercise '\(name)', which no cell declares with exercise=\(name)"
                        + (known.isEmpty ? "" : " (the exercises: \(known.joined(separator: ", ")))"))
                    continue
                }
                if kind == "worked answer" {
                    if let first = answered[name] {
                        problem(cell, "a second worked answer of exercise '\(name)' (the first is at line \(first.fence.openLine)); keep one")
                    } else {
                        answered[name] = cell
                    }
                }
            }
        }
        return problems
    }
}
