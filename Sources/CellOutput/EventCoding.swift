import Foundation

extension CellEvent {
    /// The event as one line of the output stream, newline included.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let json = String(decoding: try! encoder.encode(self), as: UTF8.self)
        return "\(CellEvent.marker)\(json)\n"
    }

    /// Decodes an event line (without its newline); nil when `line` is cell text.
    public init?(line: Substring) {
        guard line.first == CellEvent.marker,
              let event = try? JSONDecoder().decode(CellEvent.self, from: Data(line.dropFirst().utf8))
        else { return nil }
        self = event
    }
}
