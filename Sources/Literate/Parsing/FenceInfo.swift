/// Reads a fence's info string: which kind of fence it is and, for a cell, its options.
enum FenceInfo: Equatable {
    case cell(CellOptions)
    case output
    /// Any other fence: prose, shown as written.
    case other

    static let optionNames = ["hide", "silent", "norun", "fails", "crashes", "tolerance"]

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
        for word in words.dropFirst() {
            let here = location.shifted(by: word.offset)
            let parts = word.text.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count) {
            case ("hide", 1): options.hide = true
            case ("silent", 1): options.silent = true
            case ("norun", 1): options.norun = true
            case ("fails", 1): options.fails = true
            case ("crashes", 1): options.crashes = true
            case ("tolerance", 2):
                guard let value = Double(parts[1]), value >= 0, value.isFinite else {
                    throw Diagnostic(at: here, "tolerance must be a non-negative number, found '\(parts[1])'")
                }
                options.tolerance = value
            case (let name, _) where optionNames.contains(name):
                throw Diagnostic(at: here, name == "tolerance"
                    ? "tolerance needs a value, as in 'tolerance=1e-6'"
                    : "option '\(name)' takes no value")
            case (let name, _):
                let hint = closest(to: name).map { "; did you mean '\($0)'?" } ?? ""
                throw Diagnostic(at: here, "unknown cell option '\(name)'\(hint) (options: \(optionNames.joined(separator: ", ")))")
            }
        }
        let exclusive = [("norun", options.norun), ("fails", options.fails), ("crashes", options.crashes)].filter(\.1).map(\.0)
        if exclusive.count > 1 {
            let second = words.first { $0.text == exclusive[1] }!
            throw Diagnostic(at: location.shifted(by: second.offset), "cell options '\(exclusive[0])' and '\(exclusive[1])' contradict each other")
        }
        if options.norun && (options.silent || options.tolerance != nil) {
            let word = words.first { $0.text == "silent" || $0.text.hasPrefix("tolerance") }!
            throw Diagnostic(at: location.shifted(by: word.offset), "'\(word.text)' has no meaning on a 'norun' cell, which never runs")
        }
        return .cell(options)
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
