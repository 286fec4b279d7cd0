/// The compiler's messages about a chapter program, as diagnostics at the places
/// of the lecture the author wrote.
///
/// - A message at the program's `#sourceLocation` file is at that line and
///   column of the lecture.
/// - A message at the generated `main.swift` (code the runner wrote, such as the
///   end of the file after a cell that left a `{` open) is put at the cell it
///   follows.
/// - The `import` that follows every cell is only valid at the top level; the
///   compiler's complaint about it means the cell ended inside a block, and says so.
/// - Notes ("previously declared here") go under their error. Errors are sorted
///   by place, except that a redeclaration comes first: the errors it causes
///   (an "ambiguous use" in an earlier cell) are its consequences.
enum CompilerDiagnostics {
    static func diagnostics(_ output: String, _ program: ChapterProgram, _ lecture: Lecture) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var unclosedCells = Set<Int>()
        for line in output.split(separator: "\n") {
            guard let message = Message(line) else { continue }
            var location = SourceLocation(file: lecture.path, line: message.line, column: message.column)
            var text = message.text
            if message.file != program.sourceFileName {
                let cell = program.cell(before: message.line)
                location = cell.map { SourceLocation(file: lecture.path, line: lecture.cells[$0].fence.closeLine, column: 1) }
                    ?? SourceLocation(file: lecture.path, line: 1)
                if let cell, message.text.hasPrefix("expected '}'") || message.text.hasPrefix("expected ')'") || message.text.hasPrefix("expected ']'") {
                    guard !unclosedCells.contains(cell) else { continue }
                    unclosedCells.insert(cell)
                    text = Self.unclosed(cell)
                } else {
                    text = "in the code the runner adds after cell \((cell ?? 0) + 1): " + text
                }
            } else if message.severity == .error, message.text == "declaration is only valid at file scope",
                      let cell = lecture.cells.firstIndex(where: { $0.fence.closeLine == message.line && program.ownsBoundary(of: $0.index) }) {
                unclosedCells.insert(cell)
                text = Self.unclosed(cell)
            }
            if message.severity == .note, !found.isEmpty {
                found[found.count - 1].details.append("\(location.file):\(location.line):\(location.column): note: \(text)")
                continue
            }
            found.append(Diagnostic(message.severity, at: location, text, showsSource: true))
        }
        func order(_ diagnostic: Diagnostic, _ offset: Int) -> (Int, Int, Int, Int) {
            (diagnostic.message.hasPrefix("invalid redeclaration") ? 0 : 1, diagnostic.location?.line ?? 0, diagnostic.location?.column ?? 0, offset)
        }
        return found.enumerated().sorted { order($0.element, $0.offset) < order($1.element, $1.offset) }.map(\.element)
    }

    private static func unclosed(_ cell: Int) -> String {
        "cell \(cell + 1) ends inside a '{', '(' or '[' that it opened; cells are compiled one after the other, so a block must end in its cell"
    }

    /// A line of the compiler's output: `file:line:column: severity: text`.
    struct Message {
        var file: String
        var line: Int
        var column: Int
        var severity: Diagnostic.Severity
        var text: String

        init?(_ line: Substring) {
            for severity in [Diagnostic.Severity.error, .warning, .note] {
                guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
                let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
                guard place.count >= 3, let row = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else { return nil }
                file = place.dropLast(2).joined(separator: ":")
                self.line = row
                self.column = column
                self.severity = severity
                text = String(line[marker.upperBound...])
                return
            }
            return nil
        }
    }
}

extension ChapterProgram {
    /// The cell whose code or boundary comes last before generated line `line`
    /// (1-based) of ``source``.
    func cell(before line: Int) -> Int? {
        origins.prefix(max(line, 0)).reversed().lazy.compactMap { origin -> Int? in
            switch origin {
            case .cell(let index), .boundary(let index): index
            default: nil
            }
        }.first
    }

    /// Whether the program holds the boundary after cell `index`.
    func ownsBoundary(of index: Int) -> Bool {
        origins.contains(.boundary(ofCell: index))
    }
}
