/// Turns a lecture file's bytes into a ``Lecture``: its title, cells, recorded
/// outputs and prose citations, or positioned diagnostics for what is wrong.
public enum LectureParser {
    /// Parses `bytes`, naming `path` in diagnostics and in the lecture.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostics) -> Lecture {
        let source: String
        do { source = try validatedUTF8(bytes, path: path) } catch { throw Diagnostics([error]) }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let blocks = MarkdownBlocks(parsing: source)
        var problems: [Diagnostic] = []

        let id = Course.id(ofPath: path)
        let number = Int(id.prefix { $0.isNumber })

        guard let title = blocks.headings.first(where: { $0.level == 1 })?.text else {
            throw Diagnostics([Diagnostic(at: SourceLocation(file: path, line: 1), "a lecture needs a title: a first-level heading such as '# The artificial neuron'")])
        }

        var cells: [Cell] = []
        var lastCellBlock: MarkdownBlocks.CodeBlock?
        for block in blocks.codeBlocks where block.isFenced {
            let fence = FenceSpan(openLine: block.startLine, closeLine: block.endLine, column: block.startColumn)
            let fenceLine = lines[block.startLine - 1]
            if !closes(lines.indices.contains(block.endLine - 1) ? lines[block.endLine - 1] : nil, block) || block.endLine == block.startLine {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: block.startLine, column: block.startColumn),
                                           "this fence is never closed; end it with \(String(repeating: block.fenceCharacter, count: block.fenceLength)) on a line of its own"))
                continue
            }
            let infoColumn = infoStart(in: fenceLine, fenceColumn: block.startColumn, fenceLength: block.fenceLength)
            let info: FenceInfo
            do {
                info = try FenceInfo.parse(block.info, at: SourceLocation(file: path, line: block.startLine, column: infoColumn))
            } catch {
                problems.append(error)
                continue
            }
            switch info {
            case .cell(let options):
                cells.append(Cell(index: cells.count, options: options, code: block.literal, fence: fence, recorded: nil))
                lastCellBlock = block
            case .output:
                let here = SourceLocation(file: path, line: block.startLine, column: block.startColumn)
                guard let cellBlock = lastCellBlock,
                      cellBlock.siblingPosition.parent == block.siblingPosition.parent,
                      cellBlock.siblingPosition.index + 1 == block.siblingPosition.index,
                      let cell = cells.last, cell.recorded == nil
                else {
                    problems.append(Diagnostic(at: here, "an output fence must directly follow a swift cell"))
                    continue
                }
                if !cell.options.recordsOutput {
                    problems.append(Diagnostic(at: here, "a \(cell.options.norun ? "norun" : "silent") cell records no output; remove this output fence"))
                    continue
                }
                cells[cells.count - 1].recorded = RecordedOutput(text: block.literal, fence: fence)
            case .other:
                lastCellBlock = nil
            }
        }

        let codeLines = blocks.codeBlocks.map { $0.startLine...max($0.startLine, $0.endLine) }
        let citations = CitationScanner.scan(lines: lines, skipping: codeLines, path: path)
        problems += citations.problems

        let timeout = chapterTimeout(blocks.htmlBlocks, path: path)
        if case .failure(let problem) = timeout { problems.append(problem) }
        guard problems.isEmpty, case .success(let seconds) = timeout else { throw Diagnostics(problems) }
        return Lecture(path: path, id: id, number: number, title: title, source: source, cells: cells,
                       citations: citations.found, parameters: ParameterScanner.scan(cells, path: path), timeout: seconds)
    }

    /// The source as a string, or an error at the first byte that is not UTF-8.
    static func validatedUTF8(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error:
                let before = bytes[..<offset]
                let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
                throw Diagnostic(at: SourceLocation(file: path, line: line, column: column),
                                 "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)); save it as UTF-8")
            }
        }
    }

    /// Whether `line` is a closing fence for `block`: at least as many of the same
    /// fence characters, then only spaces (after any block-quote or list indentation).
    private static func closes(_ line: String?, _ block: MarkdownBlocks.CodeBlock) -> Bool {
        guard let line else { return false }
        let body = line.drop { $0 == " " || $0 == ">" || $0 == "\t" }
        let run = body.prefix { $0 == block.fenceCharacter }
        return run.count >= block.fenceLength && body.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// The 1-based column where the info string starts on a fence line.
    private static func infoStart(in line: String, fenceColumn: Int, fenceLength: Int) -> Int {
        let afterFence = Array(line.utf8).dropFirst(fenceColumn - 1 + fenceLength)
        let spaces = afterFence.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return fenceColumn + fenceLength + spaces
    }

    /// The run time limit set by `<!-- lecture timeout=SECONDS -->`, if any.
    private static func chapterTimeout(_ htmlBlocks: [MarkdownBlocks.HTMLBlock], path: String) -> Result<Double?, Diagnostic> {
        for block in htmlBlocks {
            let words = block.literal.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard words.first == "<!--", words.dropFirst().first == "lecture" else { continue }
            for word in words.dropFirst(2) where word != "-->" {
                guard word.hasPrefix("timeout="), let seconds = Double(word.dropFirst("timeout=".count)), seconds > 0 else {
                    return .failure(Diagnostic(at: SourceLocation(file: path, line: block.line),
                                               "unknown chapter setting '\(word)'; the one setting is 'timeout=SECONDS'"))
                }
                return .success(seconds)
            }
        }
        return .success(nil)
    }
}
