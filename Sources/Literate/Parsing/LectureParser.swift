/// Turns a lecture file's bytes into a ``Lecture``: the document cmark reads,
/// with its cells, recorded outputs, citations and settings, or positioned
/// diagnostics for what is wrong.
public enum LectureParser {
    /// Parses `bytes`, naming `path` in diagnostics and in the lecture.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostics) -> Lecture {
        do { _ = try validatedUTF8(bytes, path: path) } catch { throw Diagnostics([error]) }
        let text = SourceText(bytes)
        let parsed = MarkdownTree.parse(text.normalized)
        if let point = parsed.tooDeep {
            throw Diagnostics([Diagnostic(at: SourceLocation(file: path, line: point.line, column: point.column),
                                          "blocks and inline markup nest more than \(MarkdownTree.maximumDepth) deep here; a lecture cannot be read so deep")])
        }
        var problems: [Diagnostic] = []

        let id = Course.id(ofPath: path)
        guard let title = firstTitle(in: parsed.root, citations: parsed.citations) else {
            throw Diagnostics([Diagnostic(at: SourceLocation(file: path, line: 1), "a lecture needs a title: a first-level heading such as '# The artificial neuron'")])
        }

        var cells = CellReader(text: text, path: path)
        let document = cells.read(parsed.root)
        problems += cells.problems
        problems += ExerciseNames.problems(in: cells.cells, path: path)

        let citations = CitationReader.read(parsed.citations, in: document, text: text, path: path)
        problems += citations.problems

        let settings = ChapterSettingsReader.read(document, path: path)
        problems += settings.problems
        guard problems.isEmpty else { throw Diagnostics(problems.sorted(by: Diagnostic.inSourceOrder)) }
        return Lecture(path: path, id: id, number: Int(id.prefix { $0.isNumber }), title: title, text: text,
                       document: document, cells: cells.cells, citations: citations.found,
                       parameters: ParameterScanner.scan(cells.cells, path: path), settings: settings.settings)
    }

    /// The plain text of the first level-1 heading, formulas as TeX,
    /// citations and cross-references as written.
    private static func firstTitle(in root: MarkdownNode, citations: [CitationSite]) -> String? {
        var title: String?
        root.visit { node in
            guard title == nil, case .heading(1) = node.kind else { return }
            title = node.plainText { citations[$0].text }
        }
        return title
    }

    /// The source as a string, or an error at the first byte that is not UTF-8.
    static func validatedUTF8(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error:
                let before = SourceText(Array(bytes[..<offset]))
                let open = before.lines.last.flatMap { $0.ending == .none ? $0 : nil }
                let line = open == nil ? before.lines.count + 1 : before.lines.count
                let column = offset - (open?.start ?? offset) + 1
                throw Diagnostic(at: SourceLocation(file: path, line: line, column: column),
                                 "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)); save it as UTF-8")
            }
        }
    }
}

extension MarkdownNode {
    /// The node's text without markup: formulas as their TeX, citations as
    /// `citation(index)` gives them, cross-references as written (`@fig-loss`).
    public func plainText(citation: (Int) -> String) -> String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .crossReference(let label): return "@" + label
        case .softBreak, .lineBreak: return " "
        case .citation(let index): return citation(index)
        case .math(let pieces, _):
            return pieces.map { piece in
                switch piece {
                case .tex(let tex): tex
                case .citation(let index): citation(index)
                }
            }.joined()
        default: return children.map { $0.plainText(citation: citation) }.joined()
        }
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line and column; those without a place first.
    static func inSourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let left = a.location.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)
        let right = b.location.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)
        return left < right
    }
}
