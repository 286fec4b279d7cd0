import CellOutput
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
        color = !noColor && TerminalColours.supported
        liveStatus = isatty(STDERR_FILENO) != 0 && environment["TERM"] != "dumb" && environment["CI"] == nil
    }

    func styled(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { styled(text, "1") }
    func dim(_ text: String) -> String { styled(text, "2") }
    func red(_ text: String) -> String { styled(text, "31") }

}
