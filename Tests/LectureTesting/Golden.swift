import Foundation
import Testing

/// The files of expected output beside a test target, in its `Golden/` folder.
/// `expect` compares the actual text with the file; with `RECORD_GOLDEN=1` in the
/// environment it writes the file instead (and still fails when there was none
/// to compare with, so that a recording is looked at before it is trusted).
public struct GoldenFolder: Sendable {
    public let folder: URL

    /// The `Golden/` folder next to the file at `filePath` (pass `#filePath`).
    public init(beside filePath: String) {
        folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    public func expect(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        let previous = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        if Self.recording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
        }
        guard let expected = previous else {
            Issue.record("no golden file Golden/\(name); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $1.0 != $1.1 }?.offset ?? min(actualLines.count, expectedLines.count)
        Issue.record("""
            \(name) differs from its golden file at line \(first + 1)\(Self.recording ? " (recorded anew)" : "; rerun with RECORD_GOLDEN=1 to record"):
              expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
              actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
