import Foundation

/// One line of the events file: an event and the offset the program's standard
/// output had reached when it happened (after flushing what the cell printed).
public struct EventRecord: Codable, Equatable, Sendable {
    public var at: Int
    public var event: CellEvent

    public init(at: Int, event: CellEvent) {
        self.at = at
        self.event = event
    }

    /// The record as one line of JSON, newline included.
    public var line: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return Array(try! encoder.encode(self)) + [0x0A]
    }

    /// The records of an events file; a last line cut short (the program was
    /// killed while writing it) is left out.
    public static func records(in bytes: [UInt8]) -> [EventRecord] {
        let decoder = JSONDecoder()
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { line in
            try? decoder.decode(EventRecord.self, from: Data(line))
        }
    }
}
