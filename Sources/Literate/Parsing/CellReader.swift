/// Finds the cells of a lecture in cmark's tree: each fenced code block whose
/// info string starts with `swift` is a cell, an `output` fence right after a
/// cell (its next sibling) holds the cell's recorded output. Both are marked in
/// the tree, as `.cell(index)` and `.recordedOutput(cell:)`.
///
/// A fence is what cmark says it is: one that the end of its block quote, list
/// item or file closes is still a fence, as on GitHub.
struct CellReader {
    let text: SourceText
    let path: String
    private(set) var cells: [Cell] = []
    private(set) var problems: [Diagnostic] = []

    init(text: SourceText, path: String) {
        self.text = text
        self.path = path
    }

    /// `root` with its cells and recorded outputs marked.
    mutating func read(_ root: MarkdownNode) -> MarkdownNode {
        var node = root
        var previousCell: Int?
        // A cell whose options are wrong is reported once: its output fence is not.
        var afterUnreadableCell = false
        node.children = root.children.map { child in
            guard case .codeBlock(let block) = child.kind, let fence = block.fence else {
                previousCell = nil
                afterUnreadableCell = false
                return child.children.isEmpty ? child : read(child)
            }
            let followsUnreadableCell = afterUnreadableCell
            afterUnreadableCell = false
            let span = self.span(of: child, fence: fence, literal: block.literal)
            let info: FenceInfo
            switch Result(catching: { () throws(Diagnostic) in
                try FenceInfo.parse(block.info, at: SourceLocation(file: path, line: span.openLine, column: infoColumn(span, fence)))
            }) {
            case .success(let read): info = read
            case .failure(let problem):
                problems.append(problem)
                previousCell = nil
                afterUnreadableCell = block.info.split(whereSeparator: { $0 == " " || $0 == "," }).first == "swift"
                return child
            }
            switch info {
            case .cell(let options):
                let lines = CodeLines(block.literal)
                let found = PrintsComments.find(in: lines, firstLine: span.firstContentLine)
                let comments = options.runs || options.crashes ? found : []
                if options.norun || options.fails || options.typecheck, let claim = found.first {
                    // It would say on the page what the cell prints, and nothing would check it.
                    let kind = options.norun ? "norun" : options.fails ? "fails" : "typecheck"
                    problems.append(Diagnostic(at: SourceLocation(file: path, line: claim.line, column: claim.column + span.column - 1),
                                               "a \(kind) cell never runs, so nothing checks what this // Prints comment says; remove it, or let the cell run"))
                }
                cells.append(Cell(index: cells.count, options: options, code: block.literal, fence: span, recorded: nil, printsComments: comments))
                problems += Self.openConditionals(in: cells[cells.count - 1], lines: lines, path: path)
                previousCell = cells.count - 1
                return MarkdownNode(kind: .cell(cells.count - 1), range: child.range)
            case .output:
                defer { previousCell = nil }
                let here = SourceLocation(file: path, line: span.openLine, column: span.column)
                guard let index = previousCell, cells[index].recorded == nil else {
                    if !followsUnreadableCell { problems.append(Diagnostic(at: here, "an output fence must directly follow a swift cell")) }
                    return child
                }
                let options = cells[index].options
                guard options.recordsOutput else {
                    let kind = options.norun ? "norun" : options.typecheck ? "typecheck" : options.silent ? "silent"
                        : options.exercise != nil ? "exercise" : "check"
                    problems.append(Diagnostic(at: here, "a \(kind) cell records no output; remove this output fence"))
                    return child
                }
                cells[index].recorded = RecordedOutput(text: block.literal, fence: span)
                return MarkdownNode(kind: .recordedOutput(cell: index), range: child.range)
            case .other:
                previousCell = nil
                return child
            }
        }
        return node
    }

    /// A `#if` that the cell does not close (or an `#endif` it did not open):
    /// cells are compiled one after the other, and a directive that spans two of
    /// them would move code and output from one cell to the other.
    static func openConditionals(in cell: Cell, lines: CodeLines, path: String) -> [Diagnostic] {
        var open: [Int] = []
        for directive in lines.conditionalDirectives {
            if directive.change > 0 {
                open.append(directive.line)
            } else if open.popLast() == nil {
                return [Diagnostic(at: SourceLocation(file: path, line: cell.fence.firstContentLine + directive.line),
                                   "this #endif closes no #if of its cell; a #if must begin and end in one cell")]
            }
        }
        return open.map { line in
            Diagnostic(at: SourceLocation(file: path, line: cell.fence.firstContentLine + line),
                       "this #if is not closed by an #endif in its cell; a #if must begin and end in one cell")
        }
    }

    private func span(of node: MarkdownNode, fence: MarkdownNode.Fence, literal: String) -> FenceSpan {
        let open = node.range.start
        let prefix = Self.containerPrefix(before: text.content(ofLine: open.line).prefix(max(open.column - 1, 0)))
        // A block without a closing fence ends on its last line of content (cmark
        // ends one that its container closes on the line after).
        let lastLine = fence.isClosed ? node.range.end.line : open.line + literal.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        return FenceSpan(openLine: open.line, closeLine: max(lastLine, open.line), column: open.column,
                         isClosed: fence.isClosed, containerPrefix: prefix,
                         marker: String(repeating: fence.character, count: fence.length))
    }

    /// What opens a line written inside the containers of a fence whose opening
    /// line starts with `before`, so that the rest of the line reads as their
    /// content: `before` with list markers (and a footnote's label) as spaces,
    /// each tab as the spaces up to the next multiple of 4 columns, and a space
    /// after each `>` that has none. cmark takes a space after `>` as part of the
    /// marker, and only part of a tab for it: with a bare `>` or a tab there, a
    /// line's own first space or tab would be read otherwise.
    static func containerPrefix(before: ArraySlice<UInt8>) -> String {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: ">")
        var prefix: [UInt8] = []
        var column = 0
        for (index, byte) in zip(before.indices, before) {
            switch byte {
            case tab:
                prefix += Array(repeating: space, count: 4 - column % 4)
                column += 4 - column % 4
            case quote:
                prefix.append(quote)
                column += 1
                let next = index + 1 < before.endIndex ? before[index + 1] : nil
                if next != space, next != tab { prefix.append(space) }
            default:
                prefix.append(space)
                column += 1
            }
        }
        return String(decoding: prefix, as: UTF8.self)
    }

    /// The byte column where the info string starts on the opening fence's line.
    private func infoColumn(_ span: FenceSpan, _ fence: MarkdownNode.Fence) -> Int {
        let afterFence = text.content(ofLine: span.openLine).dropFirst(span.column - 1 + fence.length)
        let spaces = afterFence.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return span.column + fence.length + spaces
    }
}
