import CellOutput
import Foundation

/// A chapter program's run as the cache keeps it: how it ended and everything it
/// wrote, with the SHA-256 of it all, so that a damaged record is run again
/// rather than believed.
struct RunRecord: Codable, Sendable {
    var result: ChildProcess.Result
    var standardOutput: Data
    var standardError: Data
    var events: Data

    var output: ChapterOutput {
        ChapterOutput(standardOutput: [UInt8](standardOutput), events: EventRecord.records(in: [UInt8](events)))
    }

    var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }

    private struct Stored: Codable {
        var record: RunRecord
        var sha256: String
    }

    private var digest: String {
        var hash = SHA256()
        hash.update("\(result.status) \(result.signaled) \(result.timedOut) \(result.outputExceeded)\n")
        for part in [standardOutput, standardError, events] {
            hash.update("\(part.count)\n")
            hash.update(part)
        }
        return hash.finalize()
    }

    /// The record at `path`, if there is one and its hash holds.
    static func load(_ path: String) -> RunRecord? {
        guard let data = FileManager.default.contents(atPath: path),
              let stored = try? JSONDecoder().decode(Stored.self, from: data),
              stored.record.digest == stored.sha256 else { return nil }
        return stored.record
    }

    func save(_ path: String) throws {
        try BuildCache.writeAtomically(try JSONEncoder().encode(Stored(record: self, sha256: digest)), to: path)
    }
}
