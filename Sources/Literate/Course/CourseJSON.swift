import Foundation

/// What is wrong with a `course.json` that does not decode, for the two
/// readers of it: the course's imports (``CoursePackage/courseImports()``)
/// and the site's description of the course.
public enum CourseJSON {
    /// The diagnostic of `error`, thrown while decoding `data`, the
    /// `course.json` at `path`: where it stops being JSON (JSONDecoder says only
    /// that it is not; JSONSerialization says "around character N"), or, for a
    /// field of the wrong type, its line and what it must be (`expected`, by
    /// field name); nil for anything else.
    public static func problem(_ error: any Error, in data: Data, path: String, expected: [String: String]) -> Diagnostic? {
        var reason = ""
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            guard let offset = reason.firstMatch(of: /character (\d+)/).flatMap({ Int($0.1) }), offset <= data.count else {
                return Diagnostic(at: SourceLocation(file: path, line: 1), "course.json is not valid JSON\(reason.isEmpty ? "" : ": " + reason)")
            }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return Diagnostic(at: SourceLocation(file: path, line: line, column: column), "course.json is not valid JSON here")
        }
        guard case DecodingError.typeMismatch(let type, let context) = error, let key = context.codingPath.first?.stringValue else { return nil }
        return Diagnostic(at: SourceLocation(file: path, line: line(of: "\"\(key)\"", in: data)),
                          "\"\(key)\" must be \(expected[key] ?? "a \(type)")")
    }

    /// The 1-based line of `data` that first holds `text`, or 1.
    public static func line(of text: String, in data: Data) -> Int {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(text) }.map { $0 + 1 } ?? 1
    }
}
