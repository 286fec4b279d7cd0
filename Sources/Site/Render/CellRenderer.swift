import Escaping
import CellOutput
import Literate

/// A cell on the page: its code, highlighted, and what it printed or showed in
/// the run, as its options ask.
///
/// - `hide`: the output alone.
/// - `silent`: the code alone.
/// - `norun`: the code, marked as not run.
/// - `fails`: the code and the compiler's errors, as an error block.
/// - `crashes`: the code, what it printed, and the trap message as an error block.
/// - `exercise=NAME`: the starter code, with how to check an answer.
/// - `solution=NAME`: the worked answer and its output, folded behind
///   "Show a worked answer".
/// - `check=NAME`: nothing; the checks stay in the lecture.
///
/// A cell whose output comes from an earlier run than the page's (the
/// preview shows such cells while their chapter runs, or after it failed)
/// has the class `stale`.
enum CellRenderer {
    /// Where the cell's chapter is, for an exercise's instructions.
    struct Chapter {
        var path: String
        var number: Int?
        var id: String
    }

    /// The cell's HTML; `numbered` holds the numbers of the figures and tables
    /// among its outputs, by their place in `outputs`.
    static func html(_ cell: Cell, outputs: [OutputItem]?, numbered: [Int: ChapterFigures.Entry] = [:],
                     problems: [String] = [], chapter: Chapter? = nil, stale: Bool = false) -> String {
        let options = cell.options
        if options.check != nil, problems.isEmpty { return "" }
        if options.solution != nil {
            let inner = body(cell, outputs: outputs, numbered: numbered, problems: problems, chapter: nil, stale: stale)
            return "<details class=\"solution\"><summary>Show a worked answer</summary>\n\(inner)</details>\n"
        }
        return body(cell, outputs: outputs, numbered: numbered, problems: problems, chapter: chapter, stale: stale)
    }

    private static func body(_ cell: Cell, outputs: [OutputItem]?, numbered: [Int: ChapterFigures.Entry],
                             problems: [String], chapter: Chapter?, stale: Bool) -> String {
        let options = cell.options
        var classes = ["cell"]
        if stale { classes.append("stale") }
        var parts: [String] = []
        if options.norun { classes.append("norun") }
        if options.fails { classes.append("fails") }
        if options.crashes { classes.append("crashes") }
        if options.exercise != nil { classes.append("exercise") }
        if !options.hide {
            var code = "<pre class=\"code\"><code class=\"language-swift\">\(SwiftHighlighter.html(trimmingFinalNewline(cell.code)))</code></pre>"
            if let badge = badge(options, chapter) {
                code = "<div class=\"cell-badge\">\(badge)</div>\n" + code
            }
            parts.append(code)
        }
        if !options.silent && !options.norun {
            var items = outputs ?? []
            var error: (title: String, text: String)?
            if options.fails {
                error = ("Compiler error", text(of: items))
                items = []
            } else if options.crashes, case .text(let trap)? = items.last {
                error = ("Trapped", trap)
                items.removeLast()
            }
            let shown = output(items, numbered: numbered)
            if !shown.isEmpty { parts.append("<div class=\"output\">\n\(shown)</div>") }
            if let error, !error.text.isEmpty {
                parts.append("<div class=\"error\" role=\"note\"><div class=\"error-title\">\(error.title)</div>"
                    + "<pre>\(HTMLEscape.text(trimmingFinalNewline(error.text)))</pre></div>")
            }
        }
        if !problems.isEmpty { parts.append(Self.problems(problems)) }
        guard !parts.isEmpty else { return "" }
        return "<div class=\"\(classes.joined(separator: " "))\">\n\(parts.joined(separator: "\n"))\n</div>\n"
    }

    /// Diagnostics shown on a page, as the terminal prints them, under a title
    /// that names none of their kinds: a cell that did not compile or run, a
    /// reference or a link of the page that leads nowhere.
    static func problems(_ descriptions: [String]) -> String {
        let title = descriptions.count == 1 ? "Error" : "\(descriptions.count) errors"
        return "<div class=\"error build-error\" role=\"alert\"><div class=\"error-title\">\(title)</div>"
            + "<pre>\(HTMLEscape.text(descriptions.joined(separator: "\n")))</pre></div>\n"
    }

    private static func badge(_ options: CellOptions, _ chapter: Chapter?) -> String? {
        if options.exercise != nil {
            let check = "lecture check " + (chapter?.number.map(String.init) ?? chapter?.id ?? "CHAPTER")
            return "your turn: edit this cell in <code>\(HTMLEscape.text(chapter?.path ?? "the lecture"))</code>, then run <code>\(HTMLEscape.text(check))</code>"
        }
        if options.norun { return "not run" }
        if options.fails { return "does not compile" }
        if options.crashes { return "traps" }
        return nil
    }

    /// Printed text in blocks (consecutive pieces joined), tables and figures in
    /// order, with the numbers `numbered` gives by item.
    static func output(_ items: [OutputItem], numbered: [Int: ChapterFigures.Entry] = [:]) -> String {
        var html = ""
        var pending = ""
        func flush() {
            let text = trimmingFinalNewline(pending)
            if !text.isEmpty { html += "<pre class=\"printed\">\(HTMLEscape.text(text))</pre>\n" }
            pending = ""
        }
        for (index, item) in items.enumerated() {
            switch item {
            case .text(let printed):
                pending += printed
            case .display(let display):
                flush()
                html += DisplayRenderer.html(display, numbered: numbered[index])
            }
        }
        flush()
        return html
    }

    private static func text(of items: [OutputItem]) -> String {
        items.map { item in
            switch item {
            case .text(let text): text
            case .display(let display): display.text
            }
        }.joined()
    }

    static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
