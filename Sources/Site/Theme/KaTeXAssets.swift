import Foundation
import Literate

/// KaTeX, copied into the site so that formulas are typeset offline, from
/// `file://`, with no CDN: the script, its style sheet and its fonts (WOFF2,
/// which every current browser reads; links followed, since Debian's
/// `libjs-katex` links its fonts into `fonts-katex`).
public struct KaTeXAssets: Sendable {
    /// Files by path relative to the site's `assets/katex/`.
    var files: [String: [UInt8]]

    /// Where Debian's `libjs-katex` installs KaTeX.
    public static let defaultFolder = "/usr/share/javascript/katex"

    public init(folder: String) throws(Diagnostic) {
        let needed = ["katex.min.js", "katex.min.css"]
        var files: [String: [UInt8]] = [:]
        for name in needed {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                throw Diagnostic(at: nil, "no KaTeX at '\(folder)' (missing \(name)); install the Debian packages libjs-katex and fonts-katex, or pass --katex DIR")
            }
            files[name] = [UInt8](data)
        }
        let fonts = Theme.files(under: folder + "/fonts").filter { $0.key.hasSuffix(".woff2") }
        guard !fonts.isEmpty else {
            throw Diagnostic(at: nil, "no KaTeX fonts in '\(folder)/fonts'; install the Debian package fonts-katex")
        }
        for (name, data) in fonts { files["fonts/" + name] = data }
        self.files = files
    }
}
