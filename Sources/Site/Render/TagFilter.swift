/// GitHub's guard on raw HTML in Markdown, as cmark-gfm applies it: its tag
/// filter extension and its scan for dangerous link targets. Both work on the
/// bytes of the text, as cmark does: Swift's characters would glue a `<` to a
/// character before it (U+0600 and the like prepend themselves to the next
/// character) or a combining mark to the `:` of a scheme, and a tag or a
/// target would slip through.
enum TagFilter {
    /// cmark's `scan_dangerous_url`: `javascript:`, `vbscript:`, `file:`, and
    /// `data:` other than `data:image/png`, `gif`, `jpeg` and `webp`, in any case.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.utf8.map(lowered)
        func starts(_ prefix: String) -> Bool { lower.starts(with: prefix.utf8) }
        if starts("javascript:") || starts("vbscript:") || starts("file:") { return true }
        guard starts("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { starts($0) }
    }

    /// The tags cmark-gfm's tag filter disarms.
    private static let filteredTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// Whether raw HTML starting at `tag` opens or closes a filtered tag (the
    /// tag filter's `is_tag`).
    static func isFilteredTag(_ tag: Substring) -> Bool {
        isFilteredTag(Array(tag.utf8)[...])
    }

    static func isFilteredTag(_ tag: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(tag.prefix(16))
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "<") else { return false }
        var start = 1
        if bytes[1] == UInt8(ascii: "/") { start = 2 }
        for name in filteredTags {
            let nameBytes = Array(name.utf8)
            let end = start + nameBytes.count
            guard end < bytes.count else { continue }
            guard zip(bytes[start..<end], nameBytes).allSatisfy({ lowered($0) == $1 }) else { continue }
            let next = bytes[end]
            if next == UInt8(ascii: ">") || [UInt8(ascii: " "), 9, 10, 11, 12, 13].contains(next) { return true }
            if next == UInt8(ascii: "/"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: ">") { return true }
        }
        return false
    }

    /// An HTML block with every `<` that opens a filtered tag written `&lt;`.
    static func filtered(_ literal: String) -> String {
        let bytes = Array(literal.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "<"), isFilteredTag(bytes[offset...]) {
                result += Array("&lt;".utf8)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
