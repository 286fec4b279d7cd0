/// Rewrites links between chapters to the site's pages and checks them: a link
/// to `03-backpropagation.md#the-chain-rule` becomes
/// `03-backpropagation.html#the-chain-rule`, and must name a chapter of the
/// course and one of its heading anchors.
struct LinkResolver {
    /// The anchor ids of each chapter, by chapter id.
    var anchors: [String: Set<String>]

    enum Resolution: Equatable {
        case href(String)
        case broken(String)
    }

    /// The `href` for `url` written in chapter `current`, or why it is broken.
    func resolve(_ url: String, in current: String) -> Resolution {
        if Self.isExternal(url) { return .href(url) }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let target: String
        if path.isEmpty {
            target = current
        } else if path.hasSuffix(".md") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            target = String(name.dropLast(3))
            guard anchors[target] != nil else {
                return .broken("link to '\(path)', which is not a chapter of the course (chapters: \(anchors.keys.sorted().map { $0 + ".md" }.joined(separator: ", ")))")
            }
        } else {
            return .href(url)
        }
        let page = path.isEmpty ? "" : target + ".html"
        guard let fragment, !fragment.isEmpty else { return .href(page.isEmpty ? url : page) }
        let anchor = fragment.removingPercentEncoding ?? fragment
        guard anchors[target, default: []].contains(anchor) else {
            let known = anchors[target, default: []].sorted()
            let hint = Self.closest(anchor, in: known).map { "; did you mean '#\($0)'?" } ?? ""
            return .broken("link to '#\(anchor)', which is not a heading of \(target).md\(hint)")
        }
        return .href(page + "#" + fragment)
    }

    /// Whether `url` leaves the site: it has a scheme (`https:`, `mailto:`) or
    /// starts with `//`.
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The anchor of `known` that shares the longest prefix with `anchor`, if
    /// it shares at least half of it.
    private static func closest(_ anchor: String, in known: [String]) -> String? {
        let scored = known.map { candidate in (candidate, zip(candidate, anchor).prefix { $0 == $1 }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 * 2 >= anchor.count, best.1 > 0 else { return nil }
        return best.0
    }
}

private extension String {
    var removingPercentEncoding: String? {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
