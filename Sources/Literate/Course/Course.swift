import Foundation

/// The lectures of a course: the Markdown files of one folder, in file-name order.
public struct Course: Sendable {
    /// The folder, as given (relative paths stay relative so diagnostics are short).
    public var folder: String
    /// Paths of the chapter files, sorted by file name.
    public var chapterPaths: [String]

    /// Lists `folder`'s `.md` files; an error when the folder does not exist.
    public init(folder: String) throws(Diagnostic) {
        self.folder = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw Diagnostic(at: nil, "no lectures folder at '\(folder)' (use --lectures DIR)")
        }
        chapterPaths = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
            .map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
    }

    /// The chapter files that `arguments` name, in course order, or all of them when
    /// `arguments` is empty. A CHAPTER is a number, an id, a unique prefix of an id,
    /// or a path to a Markdown file anywhere.
    public func resolve(_ arguments: [String]) throws(Diagnostic) -> [String] {
        guard !arguments.isEmpty else { return chapterPaths }
        var chosen: [String] = []
        for argument in arguments {
            let path = try resolve(argument)
            if !chosen.contains(path) { chosen.append(path) }
        }
        return chosen
    }

    private func resolve(_ argument: String) throws(Diagnostic) -> String {
        if argument.hasSuffix(".md") || argument.contains("/") {
            guard FileManager.default.fileExists(atPath: argument) else {
                throw Diagnostic(at: nil, "no lecture file at '\(argument)'")
            }
            return argument
        }
        let ids = chapterPaths.map(Self.id(ofPath:))
        if let number = Int(argument) {
            let matches = chapterPaths.filter { Int(Self.id(ofPath: $0).prefix { $0.isNumber }) == number }
            if matches.count == 1 { return matches[0] }
            throw Diagnostic(at: nil, matches.isEmpty
                ? "no chapter \(number) in \(folder) (chapters: \(listing(ids)))"
                : "chapter number \(number) is ambiguous: \(matches.map(Self.id(ofPath:)).joined(separator: ", "))")
        }
        if let exact = ids.firstIndex(of: argument) { return chapterPaths[exact] }
        let prefixed = ids.indices.filter { ids[$0].hasPrefix(argument) }
        if prefixed.count == 1 { return chapterPaths[prefixed[0]] }
        throw Diagnostic(at: nil, prefixed.isEmpty
            ? "no chapter '\(argument)' in \(folder) (chapters: \(listing(ids)))"
            : "'\(argument)' names more than one chapter: \(prefixed.map { ids[$0] }.joined(separator: ", "))")
    }

    private func listing(_ ids: [String]) -> String {
        ids.isEmpty ? "none" : ids.joined(separator: ", ")
    }

    /// The id of the chapter file at `path`: its file name without `.md`.
    public static func id(ofPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Reads and parses the chapter at `path`.
    public static func load(_ path: String) throws(Diagnostics) -> Lecture {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostics([Diagnostic(at: nil, "cannot read '\(path)'")])
        }
        return try LectureParser.parse([UInt8](data), path: path)
    }
}
