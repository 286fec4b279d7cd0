import Testing
@testable import Site

/// Math survives Markdown untouched, and a dollar sign used as money stays text.
@Suite struct MathTests {
    /// Every formula of the seed lecture, as written there.
    static let seedFormulas = [
        #"\underbrace{\text{Training Dataset}}_{\text{Attributes + Features}} + \underbrace{\text{Learning Algorithm}}_{\text{Model Class + Objective + Optimizer}} \rightarrow \text{Predictive Model}"#,
        #"f : \mathcal{X} \rightarrow \mathcal{Y}"#,
        #"\mathcal{Y} = \{0, 1\}"#,
        #"f(x) = \sigma(\theta^\top x) = \frac{1}{1 + \exp(-\theta^\top x)},"#,
        #"\sum_{j=1}^d w_j \cdot x_j"#,
        #"f(x) = \begin{cases} 1 & \text{if } \theta^\top x > 0, \\ 0 & \text{otherwise} \end{cases}"#,
        #"f(x) = \sigma(W \cdot x) = \begin{bmatrix} \sigma(w_1^\top x) \\ \sigma(w_2^\top x) \\ \vdots \\ \sigma(w_p^\top x) \end{bmatrix},"#,
        #"\sigma(W \cdot x)_k = \sigma(w_k^\top x)"#,
        #"W_{kj} = (w_k)_j"#,
        #"f(x) = f_L \circ f_{L-1} \circ \dots \circ f_1(x)."#,
        #"\nabla_{\theta} f(\theta) = \begin{bmatrix} \frac{\partial f(\theta)}{\partial \theta_1} \\ \frac{\partial f(\theta)}{\partial \theta_2} \\ \vdots \\ \frac{\partial f(\theta)}{\partial \theta_d} \end{bmatrix}."#,
        #"\theta_i := \theta_{i-1} - \alpha \cdot \nabla_{\theta} J(\theta_{i-1})."#,
        #"\frac{\partial J}{\partial \theta_l} = \frac{\partial J}{\partial y_L} \frac{\partial y_L}{\partial y_{L-1}} \dots \frac{\partial y_{l+1}}{\partial y_l} \frac{\partial y_l}{\partial \theta_l},"#,
        #"\mathbf{h} = \sigma(\mathbf{W}^T \mathbf{x})"#,
        #"\mathbf{W} \in \mathbb{R}^{2 \times 3}"#,
        #"\mathbf{x} = [5.0, 3.0]^T, \quad \hat{y} = 1 \text{ means it is positive class.}"#,
        #"\mathbf{W} = \begin{bmatrix} 1.0 & -1.0 & 3.0 \\ 2.0 & 2.0 & -1.0 \end{bmatrix}"#,
        #"\begin{aligned} h_1 &= \sigma(W_{11} \cdot x_1 + W_{21} \cdot x_2) = \sigma(1.0 \times 5.0 + 2.0 \times 3.0) = 0.9999 \\ h_2 &= \sigma(W_{12} \cdot x_1 + W_{22} \cdot x_2) = \sigma(-1.0 \times 5.0 + 2.0 \times 3.0) = 0.7310 \end{aligned}"#,
        #"J(y, \hat{y}) = -\log(y) = 0.52699"#,
        #"\frac{dJ}{dy} = -1/y = -1.69383"#,
        #"\frac{\partial y}{\partial V_1} = y(1 - y)h_1, \quad \frac{\partial y}{\partial V_2} = y(1 - y)h_2"#,
        #"\begin{aligned}\frac{\partial J}{\partial h_1} \frac{\partial h_1}{\partial W_{11}} &= -0.041 \times 0.99998 \times (1 - 0.99998) \times 5 = -3 \times 10^{-6} \\ \frac{dJ}{dh_1} \frac{\partial h_1}{\partial W_{12}} &= -0.041 \times 0.99998 \times (1 - 0.99998) \times 3 = -2 \times 10^{-6}\end{aligned}"#,
    ]

    @Test(arguments: seedFormulas) func displayFormulaSurvives(_ tex: String) throws {
        let html = render(try Fixture.parse("# Math\n\nBefore.\n\n$$\(tex)$$\n\nAfter.\n")).html
        let spans = mathSpans(in: html)
        #expect(spans.count == 1)
        #expect(spans.first?.display == true)
        #expect(spans.first?.tex == tex, "the TeX reaches the page exactly as written")
        #expect(html.contains("<div class=\"math display\">"), "a paragraph of one display formula is a block")
    }

    @Test(arguments: seedFormulas) func inlineFormulaSurvives(_ tex: String) throws {
        let html = render(try Fixture.parse("# Math\n\nSo *we* have $\(tex)$ in a **sentence**.\n")).html
        let spans = mathSpans(in: html)
        #expect(spans.count == 1)
        #expect(spans.first?.display == false)
        #expect(spans.first?.tex == tex)
        #expect(html.contains("<em>we</em>") && html.contains("<strong>sentence</strong>"), "emphasis outside math still works")
    }

    @Test func golden() throws {
        let page = render(try Fixture.lecture("math.md"))
        #expect(page.diagnostics.isEmpty)
        goldenFiles.expect(page.html, "math.html")
    }

    @Test func noEmphasisInsideFormulas() throws {
        let html = render(try Fixture.lecture("math.md")).html
        #expect(mathSpans(in: html).contains { $0.tex == "w_j * x_j * 2" })
        #expect(!html.contains("<em>"), "underscores and stars inside math are not emphasis")
    }

    @Test func rowBreaksAndLinesOfMultiLineDisplays() throws {
        let spans = mathSpans(in: render(try Fixture.lecture("math.md")).html)
        let aligned = try #require(spans.first { $0.tex.contains("aligned") })
        #expect(aligned.display)
        #expect(aligned.tex == "\n\\begin{aligned}\nh_1 &= \\sigma(W_{11} \\cdot x_1 + W_{21} \\cdot x_2) = 0.9999 \\\\\nh_2 &= \\sigma(W_{12} \\cdot x_1 + W_{22} \\cdot x_2) = 0.7310\n\\end{aligned}\n")
        let quoted = try #require(spans.first { $0.tex.hasPrefix("a_1") })
        #expect(quoted.tex == "a_1 = b_1 \\\\\nc_2 = d_2", "a block quote's markers are not part of the formula")
    }

    @Test func dollarsAsMoneyStayText() throws {
        let html = render(try Fixture.parse("# Money\n\nA textbook costs $5 and a notebook $6.\n")).html
        #expect(mathSpans(in: html).isEmpty)
        #expect(html.contains("costs $5 and a notebook $6."))
    }

    @Test(arguments: [
        ("$x$", ["x"]),
        ("$x$5", []),
        ("$ x$", []),
        ("$x $", []),
        ("\\$x$ and $y$", ["y"]),
        ("`$x$` and $y$", ["y"]),
        ("$a$ and $b$", ["a", "b"]),
        ("$$a$$ and $b$", ["a", "b"]),
        ("$$ $$", []),
        ("price: $5, total $10", []),
        ("$x_1$ then *y*", ["x_1"]),
        ("$a \\$ b$", ["a \\$ b"]),
        ("a $b\nc$ d", ["b\nc"]),
        ("a $b\n\nc$ d", []),
        ("costs $5, or `$x$` in code", []),
        ("from $5 to $6 `code` and $x$", ["x"]),
    ])
    func dollarRules(_ text: String, _ expected: [String]) throws {
        let spans = mathSpans(in: render(try Fixture.parse("# Rules\n\n\(text)\n")).html)
        #expect(spans.map(\.tex) == expected)
    }

    @Test func codeIsNeverMath() throws {
        let html = render(try Fixture.parse("# Code\n\n```text\n$x$ and $$y$$\n```\n\n    $z$\n\n<div>$w$</div>\n")).html
        #expect(mathSpans(in: html).isEmpty)
        #expect(html.contains("$x$ and $$y$$") && html.contains("$z$") && html.contains("<div>$w$</div>"))
    }

    @Test func punctuationStaysWithItsFormula() throws {
        let html = render(try Fixture.parse("# P\n\nWith $x$, then $y$. And $z$ alone.\n")).html
        #expect(html.contains("With <span class=\"nobreak\"><span class=\"math inline\">x</span>,</span> then <span class=\"nobreak\"><span class=\"math inline\">y</span>.</span> And <span class=\"math inline\">z</span> alone."))
    }

    /// In a table a pipe inside a formula is written `\|`, as GitHub requires
    /// inside any inline of a cell: the table reads it back as `|`.
    @Test func mathInHeadingsTablesAndLists() throws {
        let html = render(try Fixture.parse("# The $\\sigma$ function\n\n| a | b |\n|---|---|\n| $x_1$ | $\\|y\\|$ |\n\n- $\\frac{1}{2}$\n")).html
        #expect(mathSpans(in: html).map(\.tex) == ["\\sigma", "x_1", "|y|", "\\frac{1}{2}"])
        #expect(html.contains("<h1 id=\"the-sigma-function\">"))
    }

    @Test func displayMathDoesNotRunAcrossABlankLine() throws {
        let source = "# T\n\n$$\na\n\nb$$\n\n$$\nc \\\\\nd\n$$\n\n```swift\nprint(1)\n```\n"
        let lecture = try Fixture.parse(source)
        let html = render(lecture, outputs: [0: [.text("1\n")]]).html
        #expect(html.contains("<pre class=\"printed\">1</pre>"), "the cell is still found")
        #expect(mathSpans(in: html).map(\.tex) == ["\nc \\\\\nd\n"], "display math does not run across a blank line")
    }
}

@Test func citationsInsideFormulasShowTheRunsValue() throws {
    let lecture = try Fixture.parse("""
    # M

    Inline $J = {{loss: 0.527}}$, and displayed:

    $$\\frac{dJ}{dy} = {{gradient: -1.694}}$$
    """)
    let html = render(lecture, citations: [0: "0.5269922738", 1: "-1.693829"]).html
    #expect(mathSpans(in: html).map(\.tex) == ["J = 0.527", "\\frac{dJ}{dy} = -1.694"])
    #expect(!html.contains("{{"))
}
