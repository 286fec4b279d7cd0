import Foundation
import Testing
@testable import Site

/// The search index: sections of each chapter with their text.
@Suite struct SearchIndexTests {
    @Test func sectionsHoldTheirWords() throws {
        let lecture = try Fixture.parse("""
            # The Neuron

            Dendrites   carry $x_j$ signals;
            {{count: 3}} of them.

            ## Training it

            ```swift
            let learningRate = 0.1
            ```
            ```output
            recordedonly
            ```

            ```swift hide
            let secretName = 1
            ```
            """)
        var index = SearchIndex()
        index.add(lecture, outline: ChapterOutline(lecture), pageName: "01-test.html") { _ in "three" }
        let page = try #require(index.pages.first)
        #expect(page.title == "The Neuron" && page.url == "01-test.html")
        #expect(page.sections.map(\.title) == ["The Neuron", "Training it"])
        #expect(page.sections.map(\.anchor) == ["", "training-it"])
        #expect(page.sections[0].text == "The Neuron Dendrites carry xj signals; three of them.",
                "prose, formulas as TeX, citations as their value, whitespace collapsed")
        #expect(page.sections[1].text == "Training it let learningRate = 0.1", "shown code, not outputs or hidden code")
    }

    @Test func scriptAssignsAGlobalAndCannotCloseItsElement() {
        var index = SearchIndex()
        index.pages = [SearchIndex.Page(title: "A </script> \"title\"", url: "01-a.html",
                                        sections: [SearchIndex.Section(title: "S", anchor: "s", text: "w1 <b>w2</b>")])]
        #expect(index.script == """
            window.LECTURE_SEARCH_INDEX = {"pages":[
            {"t":"A \\u003c/script> \\"title\\"","u":"01-a.html","s":[
            {"t":"S","a":"s","x":"w1 \\u003cb>w2\\u003c/b>"}]}]};

            """)
    }
}

/// The search text's whitespace, found in UTF-8 bytes, is Unicode's.
@Suite struct SearchWhitespaceTests {
    @Test func everyScalarIsWhitespaceExactlyWhenUnicodeSaysSo() {
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(scalar)
            let length = text.withUTF8 { SearchIndex.whitespaceLength($0, at: 0) }
            let expected = scalar.properties.isWhitespace ? text.utf8.count : 0
            if length != expected { wrong.append("U+" + String(value, radix: 16, uppercase: true)) }
        }
        #expect(wrong.isEmpty, "scalars the byte test gets wrong: \(wrong.prefix(20))")
    }

    /// The independent reference: split at whitespace scalars, joined by spaces.
    static func splitAtScalars(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    @Test func aMarkAfterASpaceIsKept() {
        // Splitting at Characters would drop it with the space it follows.
        #expect(SearchIndex.collapsingWhitespace("abc \u{301}def\n") == "abc \u{301}def")
    }

    @Test func runsOfWhitespaceBecomeOneSpaceAsSplittingAtScalarsDoes() {
        // Letters, marks, and every kind of whitespace, in runs.
        let pieces = ["a", "Zé", "e\u{301}", "\u{301}", "∑", "😀", "\r\n", " ", "\t", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}",
                      "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\n\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchIndex.collapsingWhitespace(text) == Self.splitAtScalars(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func realMarkdownCollapsesAsSplittingAtScalarsDoes() throws {
        let tests = Fixture.folder.deletingLastPathComponent()
        let folders = [tests.appendingPathComponent("Corpus"), tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lectures")]
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "md" }
        }
        #expect(files.count > 6)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let path = file.lastPathComponent
            #expect(SearchIndex.collapsingWhitespace(text) == Self.splitAtScalars(text), "\(path)")
        }
    }
}

/// Formulas in the search index read as their symbols, never as TeX.
@Suite struct FormulaTextTests {
    @Test func symbolsBecomeCharactersAndOtherCommandsGoWithTheirArgumentsKept() {
        func plain(_ tex: String) -> String { SearchIndex.collapsingWhitespace(FormulaText.plain(tex)) }
        #expect(plain(#"\frac{\partial J}{\partial \theta_j}"#) == "∂J∂θj")
        #expect(plain(#"y_l = f_l \circ f_{l-1} \circ \dots \circ f_1(x)"#) == "yl = fl ∘ fl-1 ∘ … ∘ f1(x)")
        #expect(plain(#"\sigma(z) = \frac{1}{1 + \exp(-z)}"#) == "σ(z) = 11 + exp (-z)")
        #expect(plain(#"\mathbb{R}^{n \times d}, \text{loss}"#) == "Rn × d, loss")
        #expect(plain(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#) == "a b c d")
        #expect(plain(#"\{1, 2\} \quad 50\%"#) == "{1, 2} 50%")
    }

    @Test func noCommandNameOfTheBundledLecturesIsLeftInTheIndex() throws {
        let folder = Fixture.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lectures")
        var index = SearchIndex()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".md") }).sorted() {
            let lecture = try Fixture.parse(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), path: "lectures/" + name)
            index.add(lecture, outline: ChapterOutline(lecture), pageName: name) { _ in "1" }
        }
        let text = index.pages.flatMap(\.sections).map(\.text).joined(separator: " ")
        #expect(text.count > 10_000)
        for command in ["\\frac", "\\partial", "\\mathbb", "\\theta", "\\left", "$$"] {
            #expect(!text.contains(command), "\(command) is in the search index")
        }
        #expect(text.contains("∂") && text.contains("θ"))
    }
}
