/// A formula's TeX as the search index holds it: what a reader sees, in
/// plain text. Symbol commands become their Unicode characters (`\theta` θ,
/// `\partial` ∂, `\sum` Σ, `\le` ≤ …) and function names their word (`\log`
/// log); every other command is dropped and its arguments kept (`\frac{a}{b}`
/// reads "ab", `\mathbb{R}` "R", `\text{loss}` "loss"), with the names of
/// environments (`\begin{pmatrix}`); braces, `^`, `_` and `&` go, spacing
/// commands and `\\` become spaces, and the spaces after a command's name go,
/// as TeX reads them. So a search finds the formula's letters
/// and symbols, never a command's name ("frac", "mathbb"), and its snippets
/// carry no TeX. A sketch of the formula, not a rendering: `x^2` reads "x2".
enum FormulaText {
    static func plain(_ tex: String) -> String {
        var result = ""
        let scalars = Array(tex.unicodeScalars)
        var i = 0
        var skipsArgument = false
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\\", i + 1 < scalars.count {
                var j = i + 1
                while j < scalars.count, scalars[j].properties.isAlphabetic, scalars[j].isASCII { j += 1 }
                if j == i + 1 {
                    // A one-character command: \\, \, \; \! \  and escaped symbols.
                    let next = scalars[i + 1]
                    result += ["{", "}", "%", "$", "#", "_", "&"].contains(next) ? String(next) : " "
                    i += 2
                    continue
                }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
                if let symbol = symbols[name] {
                    result += symbol
                } else if let symbol = operators[name] {
                    result += " " + symbol + " "
                } else if words.contains(name) {
                    result += " " + name + " "
                } else if name == "begin" || name == "end" {
                    skipsArgument = true
                }
                // TeX skips the spaces after a command's name.
                i = j
                while i < scalars.count, scalars[i] == " " { i += 1 }
                continue
            }
            if skipsArgument, scalar == "{" {
                // The environment's name, up to its closing brace.
                while i < scalars.count, scalars[i] != "}" { i += 1 }
                skipsArgument = false
                i += 1
                continue
            }
            skipsArgument = false
            if !["{", "}", "^", "_", "&"].contains(scalar) { result.unicodeScalars.append(scalar) }
            i += 1
        }
        return result
    }

    /// Commands that stand for one character: letters and other symbols, which
    /// join what follows them (`\partial J` reads "∂J"), and operators and
    /// relations, which stand between spaces (`f \circ g` reads "f ∘ g").
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
        "Omega": "Ω", "partial": "∂", "nabla": "∇", "sum": "Σ", "prod": "Π", "int": "∫", "infty": "∞", "top": "⊤",
        "sqrt": "√", "ell": "ℓ", "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "langle": "⟨", "rangle": "⟩",
    ]
    static let operators: [String: String] = [
        "cdot": "·", "times": "×", "circ": "∘", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "pm": "±", "mp": "∓", "le": "≤",
        "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "propto": "∝",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "mapsto": "↦", "in": "∈", "notin": "∉",
        "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "mid": "|", "dots": "…",
        "ldots": "…", "cdots": "⋯", "quad": "", "qquad": "",
    ]

    /// Commands that stand for their own name, as the formula shows it.
    static let words: Set<String> = ["log", "ln", "exp", "max", "min", "arg", "sin", "cos", "tan", "tanh", "det", "lim", "sup", "inf"]
}
