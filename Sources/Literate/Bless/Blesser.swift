import Foundation

/// Writes a run's outputs and citation values into its lecture's source, changing
/// no other byte.
public enum Blesser {
    /// The lecture's source with every recorded output and citation value replaced
    /// by what `run` produced; a cell without an `output` fence gets one right after
    /// it, and a cell that printed nothing loses its fence.
    public static func blessedSource(_ run: ChapterRun) -> String {
        let lecture = run.lecture
        let bytes = Array(lecture.source.utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func start(ofLine line: Int) -> Int { line - 1 < lineStarts.count ? lineStarts[line - 1] : bytes.count }

        // Output fences added or resized above a cell move its lines; messages that
        // name lines of the lecture (a `fails` cell's compiler errors, a trap) are
        // recorded with the lines the file will have.
        var shifts: [(line: Int, delta: Int)] = []
        for cell in lecture.cells where cell.options.recordsOutput && run.cells[cell.index] != nil {
            let text = run.recordedText(ofCell: cell.index)
            let newLines = text.isEmpty ? 0 : fence(text).filter { $0 == "\n" }.count
            let oldLines = cell.recorded.map { $0.fence.closeLine - $0.fence.openLine + 1 } ?? 0
            shifts.append((cell.fence.closeLine, newLines - oldLines))
        }
        func moved(_ line: Int) -> Int {
            line + shifts.filter { $0.line < line }.map(\.delta).reduce(0, +)
        }

        var edits: [(range: Range<Int>, text: String)] = []
        for cell in lecture.cells where cell.options.recordsOutput {
            guard run.cells[cell.index] != nil else { continue }
            var text = run.recordedText(ofCell: cell.index)
            if cell.options.fails || cell.options.crashes {
                text = renumbered(text, fileName: lecture.fileName, moved)
            }
            if let recorded = cell.recorded {
                let whole = start(ofLine: recorded.fence.openLine)..<start(ofLine: recorded.fence.closeLine + 1)
                edits.append((whole, text.isEmpty ? "" : fence(text)))
            } else if !text.isEmpty {
                let after = start(ofLine: cell.fence.closeLine + 1)
                let newline = after > 0 && bytes[after - 1] != UInt8(ascii: "\n") ? "\n" : ""
                edits.append((after..<after, newline + fence(text)))
            }
        }
        for citation in lecture.citations {
            guard let actual = run.citations[citation.index] else { continue }
            edits.append((citation.byteRange, "{{\(citation.expression): \(citation.text(for: actual))}}"))
        }

        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Replaces the file at `path` with `contents` atomically, keeping its permissions.
    public static func write(_ contents: String, to path: String) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        try BuildCache.writeAtomically(Data(contents.utf8), to: path)
        if let permissions = attributes?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
    }

    /// `text` with each `fileName:LINE` reference passed through `moved`.
    static func renumbered(_ text: String, fileName: String, _ moved: (Int) -> Int) -> String {
        let marker = fileName + ":"
        var result = ""
        var rest = Substring(text)
        while let found = rest.range(of: marker) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits) {
                result += String(moved(line))
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }

    /// An `output` fence around `text`, its backtick run longer than any inside.
    static func fence(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marker = String(repeating: "`", count: max(3, longest + 1))
        return marker + "output\n" + text + (text.hasSuffix("\n") ? "" : "\n") + marker + "\n"
    }
}
