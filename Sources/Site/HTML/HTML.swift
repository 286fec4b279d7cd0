/// The one place where text becomes HTML.
///
/// Everything the site shows that is not markup the site wrote itself (cell
/// output, code, citation values, titles, TeX, file names) goes through
/// ``escape(_:)``, in element content and in attribute values alike.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
    /// safe inside elements and inside single- or double-quoted attributes.
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
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
