import Foundation

/// The file of the site that a request's target names, as a path relative to
/// the site's root: `/` and folders name their `index.html`; `..` and `.`
/// segments, an absolute path inside the target (`//etc/passwd`), a
/// backslash, a NUL byte or a malformed percent escape refuse the request.
/// The raw target is read, before any cleaning that would turn
/// `/a/../../x` into `/x` and let it through.
enum SitePath {
    static func resolve(_ rawPath: String) -> String? {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/"), !path.hasPrefix("//"), let decoded = path.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\"), !decoded.hasPrefix("//") else { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return nil }
            if segment.isEmpty {
                // Only a final slash may be empty: `a//b` is refused.
                guard index == segments.count - 1 else { return nil }
                continue
            }
            kept.append(segment)
        }
        let joined = kept.joined(separator: "/")
        return decoded.hasSuffix("/") ? (joined.isEmpty ? "" : joined + "/") + "index.html" : joined
    }

    /// The type a file is served with, from its extension.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let suffix = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        switch suffix {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "txt", "md", "csv", "tsv": return "text/plain; charset=utf-8"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
