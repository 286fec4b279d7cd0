/// A place in a lecture file: 1-based line and column (column 1 when unknown).
public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// An error or note about a lecture, printed the way the compiler prints its own:
/// `lectures/01-neuron.md:41:7: error: message`, so editors can jump to it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var location: SourceLocation?
    public var severity: Severity
    public var message: String
    /// Lines printed under the diagnostic (drifted numbers, output so far), each indented.
    public var details: [String]
    /// Whether the line of source it points at is worth showing under it, with a
    /// caret at its column (as the compiler shows its errors).
    public var showsSource: Bool

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String, details: [String] = [],
                showsSource: Bool = false) {
        self.location = location
        self.severity = severity
        self.message = message
        self.details = details
        self.showsSource = showsSource
    }

    public var description: String {
        var head = ""
        if let location {
            head = "\(location.file):\(location.line):\(location.column): "
        }
        let lines = ["\(head)\(severity.rawValue): \(message)"] + details.map { "    " + $0 }
        return lines.joined(separator: "\n")
    }
}

/// Several diagnostics found together (a lecture can hold more than one mistake).
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var all: [Diagnostic]

    public init(_ all: [Diagnostic]) {
        self.all = all
    }

    public var description: String {
        all.map(\.description).joined(separator: "\n")
    }
}
