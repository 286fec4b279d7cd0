/// A parameter a chapter declares with `parameter("name", default: value)` in a cell.
public struct ParameterDeclaration: Equatable, Sendable {
    public var name: String
    /// The default as written in the code, e.g. `0.1`.
    public var defaultText: String
    public var location: SourceLocation

    /// The type of a parameter, as its default's literal shows it.
    public enum ValueType: String, Sendable {
        case integer = "whole number", unsigned = "whole number from 0", number, truth = "Boolean", text

        /// Whether `parameter(_:default:)` can read `value` as this type. A
        /// whole-number default may stand for a `Double` (`let x: Double =
        /// parameter("x", default: 1)`), so any number passes here; the chapter
        /// program rejects one its type cannot read.
        public func reads(_ value: String) -> Bool {
            switch self {
            case .integer, .number: Double(value) != nil
            case .unsigned: UInt64(value) != nil
            case .truth: Bool(value) != nil
            case .text: true
            }
        }
    }

    /// The type of the default, when its text is a literal, or a literal given
    /// to a number type (`UInt64(2022)`, `Double(3)`); nil for an expression.
    public var valueType: ValueType? {
        if let call = defaultText.wholeMatch(of: /(Int|Int64|Int32|UInt|UInt64|UInt32|Double|Float)\(([-+]?[0-9.eE_]+)\)/) {
            switch call.1 {
            case "Double", "Float": return .number
            case "UInt", "UInt64", "UInt32": return .unsigned
            default: return .integer
            }
        }
        if Int(defaultText) != nil { return .integer }
        if Double(defaultText) != nil { return .number }
        if Bool(defaultText) != nil { return .truth }
        if defaultText.hasPrefix("\"") { return .text }
        return nil
    }
}

/// Finds `parameter("name", default: ...)` calls in the cells' code. The scan is
/// textual: the name must be a string literal and the call must fit on one line.
enum ParameterScanner {
    static func scan(_ cells: [Cell], path: String) -> [ParameterDeclaration] {
        var found: [ParameterDeclaration] = []
        for cell in cells where cell.options.runs {
            for (offset, line) in cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = Substring(line)
                while let call = rest.range(of: "parameter(\"") {
                    let column = line.distance(from: line.startIndex, to: call.lowerBound) + 1
                    rest = rest[call.upperBound...]
                    guard let quote = rest.firstIndex(of: "\"") else { break }
                    let name = String(rest[..<quote])
                    rest = rest[rest.index(after: quote)...]
                    let afterName = rest.drop { $0 == " " || $0 == "," }
                    guard afterName.hasPrefix("default:") else { continue }
                    let value = afterName.dropFirst("default:".count).drop { $0 == " " }
                    var depth = 0
                    let text = value.prefix { character in
                        if character == "(" { depth += 1 }
                        if character == ")" { depth -= 1 }
                        return depth >= 0
                    }
                    guard !found.contains(where: { $0.name == name }) else { continue }
                    found.append(ParameterDeclaration(
                        name: name, defaultText: String(text).trimmingSpaces,
                        location: SourceLocation(file: path, line: cell.fence.firstContentLine + offset, column: column)))
                }
            }
        }
        return found
    }
}
