/// A node of a Markdown document as cmark-gfm read it, copied into a Swift value
/// with its place in the source. ``MarkdownTree`` builds these; nothing else in
/// the site sees cmark.
struct MarkdownNode: Sendable {
    enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for an ordinary item, else whether it is ticked.
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(alignments: [Alignment])
        case tableRow(header: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A node of a kind the site does not know; its children are still rendered.
        case other(String)
    }

    var kind: Kind
    var children: [MarkdownNode]
    /// 1-based line and column (in bytes) where the node starts, and its last
    /// line; 0 when cmark does not know.
    var line: Int
    var column: Int
    var endLine: Int

    /// The text of the node's descendants, with inline code, as plain text.
    var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
