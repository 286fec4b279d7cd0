/// The one place where text becomes markup, HTML or SVG.
///
/// Two families: ``text(_:)`` for everything the project writes itself (cell
/// output, code, labels, titles, citation values, TeX, file names, in element
/// content and attribute values alike), and the two escapes cmark-gfm's HTML
/// renderer uses, ``cmarkText(_:)`` and ``cmarkHref(_:)``, so that prose
/// renders byte for byte as cmark-gfm renders it.
public enum HTMLEscape {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
    /// safe inside elements and inside single- or double-quoted attributes of
    /// HTML and XML; the characters XML 1.0 forbids (control characters other
    /// than tab, line feed and carriage return, U+FFFE, U+FFFF) are dropped, so
    /// an inline SVG always parses.
    public static func text(_ text: String) -> String {
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

    /// cmark's escape for text and attribute values (houdini's `escape_html0`
    /// in its non-secure mode): `&`, `<`, `>` and `"` only.
    public static func cmarkText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// cmark's escape for link and image targets (houdini's `escape_href`):
    /// letters, digits and `-_.+!*(),%#@?=;:/$~` stay, `&` and `'` become
    /// character references, and every other byte of the UTF-8 is written
    /// `%XX`, so `foo\bar` becomes `foo%5Cbar` and `é` becomes `%C3%A9`.
    public static func cmarkHref(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case _ where hrefSafe(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                result.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "%")))
                result.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0xF)]))
            }
        }
        return result
    }

    private static func hrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}
