/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` alone (in any case) becomes an
/// ``MarkdownNode/Kind/alert(_:)`` holding the rest of the quote. A marker
/// followed by text on its line, or not at the quote's start, leaves the block
/// quote as it is, as on GitHub.
enum Alerts {
    static func recognised(in root: MarkdownNode) -> MarkdownNode {
        root.rewritten { node in
            guard case .blockQuote = node.kind, let first = node.children.first, case .paragraph = first.kind else { return }
            let line = first.children.prefix { $0.kind != .softBreak && $0.kind != .lineBreak }
            let text = line.map { child -> String? in
                if case .text(let text) = child.kind { text } else { nil }
            }
            guard !text.contains(where: { $0 == nil }) else { return }
            let marker = text.compactMap { $0 }.joined().trimmingSpaces.uppercased()
            guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
                  let kind = MarkdownNode.AlertKind(rawValue: String(marker.dropFirst(2).dropLast()).lowercased()) else { return }
            var rest = first
            rest.children = Array(first.children.dropFirst(line.count + 1))
            node.kind = .alert(kind)
            node.children = (rest.children.isEmpty ? [] : [rest]) + node.children.dropFirst()
        }
    }
}
