/// One piece of a cell's output, in the order the cell produced it.
public enum OutputItem: Equatable, Sendable {
    case text(String)
    case display(Display)
}

/// The outputs of a chapter run, split by cell.
public struct ChapterOutput: Equatable, Sendable {
    /// Output items per cell index, for the cells that started.
    public var cells: [Int: [OutputItem]] = [:]
    /// Citation values by citation index.
    public var citations: [Int: String] = [:]
    /// The index of the last cell that started; the cell running when the program stopped.
    public var lastStartedCell: Int?

    public init() {}

    /// Splits a chapter program's standard output into cells.
    public init(parsing stream: String) {
        var current: Int?
        var pendingText = ""
        func flushText() {
            guard !pendingText.isEmpty else { return }
            // The program prints nothing before its first cell starts.
            if let cell = current { cells[cell, default: []].append(.text(pendingText)) }
            pendingText = ""
        }
        for line in stream.split(separator: "\n", omittingEmptySubsequences: false).enumeratedLines() {
            if let event = CellEvent(line: line.text) {
                flushText()
                switch event {
                case .cellStarted(let index):
                    current = index
                    lastStartedCell = index
                    cells[index] = cells[index] ?? []
                case .display(let display):
                    if let cell = current { cells[cell, default: []].append(.display(display)) }
                case .citation(let index, let value):
                    citations[index] = value
                }
            } else {
                pendingText += line.text
                if line.hasNewline { pendingText += "\n" }
            }
        }
        flushText()
    }

    /// The recorded form of a cell's output (see ``OutputItem/recordedText(of:)``).
    public func recordedText(ofCell index: Int) -> String {
        OutputItem.recordedText(of: cells[index] ?? [])
    }
}

extension OutputItem {
    /// The recorded form of a cell's output items: the text as printed, with each
    /// display's text form on lines of its own.
    public static func recordedText(of items: [OutputItem]) -> String {
        var text = ""
        for item in items {
            switch item {
            case .text(let printed): text += printed
            case .display(let display):
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                text += display.text
                if !display.text.hasSuffix("\n") { text += "\n" }
            }
        }
        return text
    }
}

private extension Array where Element == Substring {
    /// The lines of a stream split at newlines, each knowing whether a newline followed it.
    func enumeratedLines() -> [(text: Substring, hasNewline: Bool)] {
        enumerated().compactMap { offset, text in
            let isLast = offset == count - 1
            if isLast && text.isEmpty { return nil }
            return (text, !isLast)
        }
    }
}
