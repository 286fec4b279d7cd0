/// Reads a fence's info string: which kind of fence it is and, for a cell, its options.
enum FenceInfo: Equatable {
    case cell(CellOptions)
    case output
    /// Any other fence: prose, shown as written.
    case other

    static let optionNames = ["hide", "silent", "norun", "fails", "crashes", "typecheck", "tolerance", "scope", "isolated",
                              "exercise", "solution", "check", "output-limit"]
    /// Options that take a value.
    private static let valued: Set<String> = ["tolerance", "scope", "exercise", "solution", "check", "output-limit"]

    /// Parses `info`, which starts at `location` (the column of its first character).
    /// Unknown or misspelt options, bad values and contradictions are errors at the
    /// option's own column.
    static func parse(_ info: String, at location: SourceLocation) throws(Diagnostic) -> FenceInfo {
        let words = Self.words(of: info)
        guard let first = words.first else { return .other }
        if first.text == "output" {
            if let extra = words.dropFirst().first {
                throw Diagnostic(at: location.shifted(by: extra.offset), "an output fence takes no options, found '\(extra.text)'")
            }
            return .output
        }
        guard first.text == "swift" else { return .other }
        var options = CellOptions()
        var given: Set<String> = []
        for word in words.dropFirst() {
            let here = location.shifted(by: word.offset)
            let parts = word.text.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            guard optionNames.contains(name) else {
                let hint = closest(to: name).map { "; did you mean '\($0)'?" } ?? ""
                throw Diagnostic(at: here, "unknown cell option '\(name)'\(hint) (options: \(optionNames.joined(separator: ", ")))")
            }
            // Twice, the second would silently win: `tolerance=1e-6 tolerance=10`.
            guard given.insert(name).inserted else {
                throw Diagnostic(at: here, "cell option '\(name)' is given twice; keep one")
            }
            guard valued.contains(name) == (parts.count == 2) else {
                throw Diagnostic(at: here, valued.contains(name) ? "\(name) needs a value, as in '\(example(name))'" : "option '\(name)' takes no value")
            }
            let value = parts.count == 2 ? parts[1] : ""
            switch name {
            case "hide": options.hide = true
            case "silent": options.silent = true
            case "norun": options.norun = true
            case "fails": options.fails = true
            case "crashes": options.crashes = true
            case "typecheck": options.typecheck = true
            case "isolated": options.isolated = true
            case "tolerance":
                guard let tolerance = Double(value), tolerance >= 0, tolerance.isFinite else {
                    throw Diagnostic(at: here, "tolerance must be a non-negative number, found '\(value)'")
                }
                options.tolerance = tolerance
            case "output-limit":
                guard let bytes = byteCount(value), bytes > 0, bytes <= CellOptions.largestOutputLimit else {
                    throw Diagnostic(at: here, "output-limit must be a size up to 1GB, such as '2MB', '500KB' or '100000', found '\(value)'")
                }
                options.outputLimit = bytes
            default:
                guard isName(value) else {
                    throw Diagnostic(at: here, "\(name) must be a name of letters, digits, '-' and '_', found '\(value)'")
                }
                if name == "scope" && value == "main" {
                    throw Diagnostic(at: here, "'main' is the chapter's own scope: leave 'scope' out for it")
                }
                switch name {
                case "scope": options.scope = value
                case "exercise": options.exercise = value
                case "solution": options.solution = value
                default: options.check = value
                }
            }
        }
        try checkCombinations(options, words, location)
        return .cell(options)
    }

    /// Options that cannot go together are an error at the second of them.
    private static func checkCombinations(_ options: CellOptions, _ words: [(text: String, offset: Int)], _ location: SourceLocation) throws(Diagnostic) {
        func at(_ name: String) -> SourceLocation {
            location.shifted(by: words.first { $0.text == name || $0.text.hasPrefix(name + "=") }?.offset ?? 0)
        }
        let kinds = [("norun", options.norun), ("fails", options.fails), ("crashes", options.crashes), ("typecheck", options.typecheck),
                     ("exercise", options.exercise != nil), ("solution", options.solution != nil), ("check", options.check != nil)]
            .filter(\.1).map(\.0)
        if kinds.count > 1 {
            throw Diagnostic(at: at(kinds[1]), "cell options '\(kinds[0])' and '\(kinds[1])' contradict each other")
        }
        if options.isolated, options.scope != nil {
            throw Diagnostic(at: at("isolated"), "cell options 'scope' and 'isolated' contradict each other: an isolated cell has a scope of its own")
        }
        let unrun = options.norun ? "norun" : options.typecheck ? "typecheck" : nil
        if let unrun, let word = words.first(where: { ["silent", "tolerance", "output-limit"].contains($0.text.split(separator: "=").first.map(String.init) ?? "") }) {
            throw Diagnostic(at: location.shifted(by: word.offset), "'\(word.text)' has no meaning on a '\(unrun)' cell, which never runs")
        }
    }

    private static func example(_ name: String) -> String {
        switch name {
        case "tolerance": "tolerance=1e-6"
        case "output-limit": "output-limit=2MB"
        default: "\(name)=NAME"
        }
    }

    private static func isName(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// `2MB`, `500KB`, `100000` as bytes (decimal units, as `ls -h --si` writes them).
    private static func byteCount(_ text: String) -> Int? {
        let units: [(String, Int)] = [("MB", 1_000_000), ("KB", 1000), ("B", 1), ("", 1)]
        for (suffix, scale) in units where text.uppercased().hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)), number.isFinite, number > 0 else { continue }
            return Int(exactly: (number * Double(scale)).rounded()) ?? Int.max
        }
        return nil
    }

    /// Space-separated words with their character offsets; commas also separate,
    /// so `swift,hide` reads like `swift hide` (as in rustdoc).
    private static func words(of info: String) -> [(text: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in info.enumerated() {
            if character == " " || character == "\t" || character == "," {
                if !current.isEmpty { result.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    /// The option within edit distance 2 of a misspelt one.
    private static func closest(to name: String) -> String? {
        optionNames
            .map { ($0, editDistance(name, $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}

extension SourceLocation {
    func shifted(by columns: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns)
    }
}
