import Foundation
import Testing

/// Compares `actual` with the golden file `Golden/name`; with `RECORD_GOLDEN=1` in
/// the environment, writes it instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name); rerun with RECORD_GOLDEN=1 to record", sourceLocation: sourceLocation)
}

/// The package this test belongs to; the `lecture` binary links chapters against it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
