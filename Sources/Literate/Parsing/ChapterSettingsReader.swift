/// Reads a chapter's settings from its `<!-- lecture ... -->` comments (HTML
/// blocks whose first words are `<!--` and `lecture`), as ``ChapterSettings``
/// describes them. An unknown setting or a bad value is an error at its line.
enum ChapterSettingsReader {
    static func read(_ document: MarkdownNode, path: String) -> (settings: ChapterSettings, problems: [Diagnostic]) {
        var settings = ChapterSettings()
        var problems: [Diagnostic] = []
        document.visit { node in
            guard case .htmlBlock(let literal) = node.kind else { return }
            let words = literal.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            guard words.first == "<!--", words.dropFirst().first == "lecture" else { return }
            let here = SourceLocation(file: path, line: node.line)
            for word in words.dropFirst(2) where word != "-->" {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                let value = parts.count == 2 ? parts[1] : ""
                switch parts[0] {
                case "timeout":
                    guard let seconds = Double(value), ChapterRunner.isTimeout(seconds) else {
                        problems.append(Diagnostic(at: here, "timeout needs a positive number of seconds, at most a year (31536000), as in 'timeout=600', found '\(word)'"))
                        continue
                    }
                    settings.timeout = seconds
                case "inputs":
                    let paths = value.split(separator: ",").map(String.init)
                    guard !paths.isEmpty, !paths.contains(where: { $0.hasPrefix("/") || $0.split(separator: "/").contains("..") }) else {
                        problems.append(Diagnostic(at: here, "inputs needs paths inside the lecture's folder, as in 'inputs=data/iris.csv,data/*.json', found '\(word)'"))
                        continue
                    }
                    settings.inputs += paths
                case "imports":
                    let modules = value.split(separator: ",").map(String.init)
                    guard !modules.isEmpty, modules.allSatisfy(\.isSwiftIdentifier) else {
                        problems.append(Diagnostic(at: here, "imports needs module names, as in 'imports=ComplexModule', found '\(word)'"))
                        continue
                    }
                    settings.imports += modules
                default:
                    problems.append(Diagnostic(at: here, "unknown chapter setting '\(word)'; the settings are \(ChapterSettings.names.map { "'\($0)='" }.joined(separator: ", "))"))
                }
            }
        }
        return (settings, problems)
    }
}

extension String {
    /// Whether the text is a plain Swift identifier (letters, digits, `_`, not starting with a digit).
    var isSwiftIdentifier: Bool {
        guard let first = unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
