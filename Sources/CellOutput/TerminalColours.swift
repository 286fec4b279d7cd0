#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ANSI colours of a display's terminal drawing, for the two programs
/// that print one: `lecture run` and an exported chapter.
public enum TerminalColours {
    /// Whether standard output takes ANSI colours: a terminal, `NO_COLOR`
    /// unset (or empty), `TERM` not `dumb`.
    public static var supported: Bool {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return isatty(STDOUT_FILENO) != 0 && noColor.isEmpty && term != "dumb"
    }

    /// `text` without ANSI escape sequences.
    public static func removed(from text: String) -> String {
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
