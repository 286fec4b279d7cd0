/// The one place where text becomes markup, HTML or SVG.
///
/// Everything a page or a chart shows that is not markup the project wrote
/// itself (cell output, code, labels, titles, citation values, TeX, file names)
/// goes through ``escape(_:)``, in element content and attribute values alike.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
    /// safe inside elements and inside single- or double-quoted attributes of
    /// HTML and XML; the characters XML 1.0 forbids (control characters other
    /// than tab, line feed and carriage return, U+FFFE, U+FFFF) are dropped, so
    /// an inline SVG always parses.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
