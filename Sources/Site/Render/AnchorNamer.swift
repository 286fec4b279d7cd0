/// Gives headings stable anchor ids derived from their text, as GitHub does:
/// lower case, letters and digits kept, spaces and hyphens become `-`, other
/// punctuation dropped; a repeated id gets `-1`, `-2`, … in document order.
struct AnchorNamer {
    private var used: [String: Int] = [:]
    private var taken: Set<String> = []

    /// The id for the next heading whose plain text is `text`.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var count = used[base, default: 0]
        while taken.contains(candidate) || candidate.isEmpty {
            count += 1
            candidate = base.isEmpty ? "section-\(count)" : "\(base)-\(count)"
        }
        used[base] = count
        taken.insert(candidate)
        return candidate
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if character == " " || character == "-" {
                slug.append("-")
            }
        }
        return slug
    }
}
