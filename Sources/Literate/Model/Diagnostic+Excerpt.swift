extension Diagnostic {
    /// The diagnostic as the compiler prints its own, with the line of the
    /// lecture it points at and a caret under its column (tabs shown as spaces),
    /// when it ``showsSource`` and points into `lecture`.
    public func description(in lecture: Lecture) -> String {
        guard showsSource, let location, location.file == lecture.path, location.line >= 1, location.line <= lecture.text.lines.count else {
            return description
        }
        let line = lecture.text.content(ofLine: location.line)
        let text = String(decoding: line, as: UTF8.self).replacingTabs
        let before = String(decoding: line.prefix(max(location.column - 1, 0)), as: UTF8.self).replacingTabs
        guard !text.allSatisfy({ $0 == " " }) else { return description }
        var lines = description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(contentsOf: ["    " + text, "    " + String(repeating: " ", count: before.count) + "^"], at: 1)
        return lines.joined(separator: "\n")
    }
}

private extension String {
    var replacingTabs: String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
