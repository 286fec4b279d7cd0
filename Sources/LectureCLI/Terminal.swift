import Foundation

/// What the terminal on the other end of standard output and standard error can do.
struct Terminal: Sendable {
    /// Whether standard output takes ANSI colours: a terminal, `NO_COLOR` unset,
    /// `TERM` not `dumb`, and no `--no-color`.
    var color: Bool
    /// Whether standard error is a terminal, for status lines that update in place.
    var liveStatus: Bool

    init(noColor: Bool) {
        let environment = ProcessInfo.processInfo.environment
        let dumb = environment["TERM"] == "dumb"
        color = !noColor && isatty(STDOUT_FILENO) != 0 && environment["NO_COLOR"].map(\.isEmpty) ?? true && !dumb
        liveStatus = isatty(STDERR_FILENO) != 0 && !dumb && environment["CI"] == nil
    }

    func styled(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { styled(text, "1") }
    func dim(_ text: String) -> String { styled(text, "2") }
    func red(_ text: String) -> String { styled(text, "31") }

    /// `text` without ANSI escape sequences.
    static func plain(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                if character.isLetter { escaping = false }
            } else if character == "\u{1B}" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
