import Foundation

/// A file of expected output beside the tests, in `Golden/`. With
/// `RECORD_GOLDEN=1` in the environment, `check` writes the actual output
/// instead of comparing with it.
struct GoldenFile {
    let name: String

    var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The recorded text, or `nil` when there is none; records `actual` first
    /// when recording.
    func expected(recording actual: String) throws -> String? {
        if Self.recording {
            try Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
