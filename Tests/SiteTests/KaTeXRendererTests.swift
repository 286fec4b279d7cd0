import Foundation
import Testing
@testable import Site

/// Build-time KaTeX: Debian's `katex.min.js` run by Node, all formulas at once.
@Suite struct KaTeXRendererTests {
    let katex: KaTeXRenderer

    init() throws {
        katex = try KaTeXRenderer.system()
    }

    @Test func inlineFormulaIsKaTeXMarkup() throws {
        let results = try katex.render([.init(#"\frac{1}{2} + \sqrt{x}"#, display: false)])
        let html = try #require(try results.first?.get().html)
        #expect(html.hasPrefix("<span class=\"katex\">"))
        #expect(!html.contains("katex-display"), "inline math is not a display")
        #expect(html.contains("class=\"mfrac\""), "a fraction is KaTeX's fraction")
        #expect(html.contains("class=\"mord sqrt\""), "a root is KaTeX's root")
        #expect(html.contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>"), "MathML for screen readers")
        #expect(html.contains(#"<annotation encoding="application/x-tex">\frac{1}{2} + \sqrt{x}</annotation>"#))
        #expect(!html.contains("<script"))
    }

    @Test func displayFormulaIsSetApart() throws {
        let html = try #require(try katex.render([.init(#"\sum_{j=1}^d w_j x_j"#, display: true)]).first?.get().html)
        #expect(html.hasPrefix("<span class=\"katex-display\"><span class=\"katex\">"))
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(html.contains("<mo>∑</mo>"))
    }

    @Test func unknownCommandIsKaTeXsError() throws {
        let results = try katex.render([.init(#"x + \nosuchcommand{y}"#, display: false), .init(#"\frac{1}{"#, display: true)])
        #expect(results.count == 2)
        guard case .failure(let unknown) = results[0], case .failure(let unclosed) = results[1] else {
            Issue.record("both formulas should fail: \(results)")
            return
        }
        #expect(unknown.message.contains(#"Undefined control sequence: \nosuchcommand"#), "\(unknown.message)")
        #expect(unknown.position == 4, "KaTeX stops where the command starts")
        #expect(unclosed.message.contains("expected '}'"), "\(unclosed.message)")
    }

    @Test func strictModeNoticesAreWarningsNotErrors() throws {
        let typeset = try #require(try katex.render([.init("x = é", display: false)]).first?.get())
        #expect(typeset.warnings.count == 1)
        #expect(typeset.warnings.first?.contains("Unicode text character") == true, "\(typeset.warnings)")
        #expect(try #require(try katex.render([.init("x = y", display: false)]).first?.get()).warnings.isEmpty)
    }

    /// Many formulas, with repeats and a bad one among them, come back in
    /// order: each result carries the TeX it was made from in its annotation.
    @Test func manyFormulasInOneCall() throws {
        var formulas = (0..<400).map { KaTeXRenderer.Formula("x_{\($0)} = \\frac{\($0)}{\($0 + 1)}", display: $0.isMultiple(of: 3)) }
        formulas.insert(.init(#"\bad"#, display: false), at: 200)
        formulas += formulas.prefix(50)
        let results = try katex.render(formulas)
        #expect(results.count == formulas.count)
        for (formula, result) in zip(formulas, results) {
            switch result {
            case .success(let typeset):
                #expect(typeset.html.contains("<annotation encoding=\"application/x-tex\">\(formula.tex)</annotation>"))
                #expect(typeset.html.hasPrefix("<span class=\"katex-display\">") == formula.display)
            case .failure(let error):
                #expect(formula.tex == #"\bad"#, "\(formula.tex): \(error.message)")
            }
        }
        #expect(try katex.render([]).isEmpty)
    }

    /// One Node process per call, however many formulas: the stand-in `node`
    /// logs each start before running the real one.
    @Test func oneProcessForAllFormulas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("node-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("starts").path
        let wrapper = folder.appendingPathComponent("node").path
        // Written by a shell of its own: a file this process had open for
        // writing could be inherited by a child another test starts at that
        // moment, and could then not be run ("text file busy").
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf '%s' \"$1\" > \"$0\" && chmod 755 \"$0\"", wrapper,
                            "#!/bin/sh\necho start >> '\(log)'\nexec '\(katex.node)' \"$@\"\n"]
        try writer.run()
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let counting = KaTeXRenderer(script: katex.script, node: wrapper)
        let results = try counting.render((0..<100).map { .init("a_{\($0)}", display: false) })
        #expect(results.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "start\n")
    }

    @Test func missingScriptIsADiagnostic() throws {
        let broken = KaTeXRenderer(script: "/nonexistent/katex.min.js", node: katex.node)
        #expect(throws: (any Error).self) { try broken.render([.init("x", display: false)]) }
        #expect(throws: (any Error).self) { try KaTeXRenderer.system(katexFolder: "/nonexistent") }
    }
}

@Test func aPagePreloadsTheKaTeXFontsItsFormulasUse() {
    #expect(KaTeXFonts.preloads(in: "<p>No math.</p>").isEmpty, "a page without formulas preloads nothing")
    let html = "<span class=\"katex\"><span class=\"mord mathnormal\">x</span><span class=\"delimsizing size2\">(</span></span>"
    #expect(KaTeXFonts.preloads(in: html) == ["assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/katex/fonts/KaTeX_Math-Italic.woff2",
                                              "assets/katex/fonts/KaTeX_Size2-Regular.woff2"])
    let operators = "<span class=\"katex\"><span class=\"mop op-symbol large-op\">∑</span><span class=\"mord mathbf\">W</span></span>"
    #expect(KaTeXFonts.preloads(in: operators) == ["assets/katex/fonts/KaTeX_Main-Regular.woff2", "assets/katex/fonts/KaTeX_Main-Bold.woff2",
                                                   "assets/katex/fonts/KaTeX_Size2-Regular.woff2"])
    // A fragment at the very end counts; a page that ends inside one does not.
    #expect(KaTeXFonts.preloads(in: "<span class=\"katex\">mathnormal") == ["assets/katex/fonts/KaTeX_Main-Regular.woff2",
                                                                          "assets/katex/fonts/KaTeX_Math-Italic.woff2"])
    #expect(KaTeXFonts.preloads(in: "<span class=\"katex\">mathnorma") == ["assets/katex/fonts/KaTeX_Main-Regular.woff2"])
    #expect(KaTeXFonts.preloads(in: "class=\"kate").isEmpty && KaTeXFonts.preloads(in: "").isEmpty)
}
