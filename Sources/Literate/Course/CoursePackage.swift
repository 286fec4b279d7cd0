import Foundation

/// A course: a Swift package whose `lectures/` folder holds its chapters, and
/// what its chapters import (`course.json`'s `"imports"`, and each chapter's
/// `imports=` setting). The products they import come from the package itself
/// or from its dependencies; the runtime, `LectureRuntime`, always.
public struct CoursePackage: Sendable {
    /// The package's folder, absolute.
    public var root: String
    /// The folder of the lectures, as given.
    public var lectures: String

    /// A product a chapter imports, and where it is named (for errors).
    public struct Import: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation?
    }

    /// The package at `root` (the current folder when nil). A folder without
    /// `Package.swift` is an error that says how to make it a course.
    public static func locate(_ root: String?, lectures: String?) throws(Diagnostic) -> CoursePackage {
        let folder = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let lecturesFolder = lectures ?? (root.map { ($0 as NSString).appendingPathComponent("lectures") } ?? "lectures")
        guard FileManager.default.fileExists(atPath: folder + "/Package.swift") else {
            throw Diagnostic(at: nil, """
                '\(folder)' is not a Swift package: a course is a package with a lectures/ folder, whose \
                Package.swift depends on the lecture companion. Write a Package.swift there such as:
                    // swift-tools-version: 6.0
                    import PackageDescription
                    let package = Package(
                        name: "MyCourse",
                        dependencies: [\(RuntimeDependency.line)]
                    )
                or run lecture with --package-path DIR
                """)
        }
        return CoursePackage(root: folder, lectures: lecturesFolder)
    }

    /// What the chapters at `paths` import, with the course's own imports, all
    /// the chapters of the course folder's included, so that one library serves
    /// every chapter.
    public func imports(of lectures: [Lecture]) throws(Diagnostic) -> [Import] {
        var found = try courseImports()
        var seen = Set(found.map(\.name))
        let given = Set(lectures.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
        let others = ((try? Course(folder: self.lectures).chapterPaths) ?? []).filter { !given.contains(URL(fileURLWithPath: $0).standardizedFileURL.path) }
        let all = lectures + others.compactMap { try? Course.load($0) }
        for lecture in all {
            let line = settingsLine(of: lecture)
            for name in lecture.settings.imports where seen.insert(name).inserted {
                found.append(Import(name: name, location: SourceLocation(file: lecture.path, line: line)))
            }
        }
        return found
    }

    /// The modules every chapter imports: `course.json`'s `"imports"`.
    public func courseImports() throws(Diagnostic) -> [Import] {
        let path = (lectures as NSString).appendingPathComponent("course.json")
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1), "cannot read course.json: it is a folder, or not readable")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        struct Settings: Decodable { var imports: [String]? }
        let settings: Settings
        do {
            settings = try JSONDecoder().decode(Settings.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.first?.stringValue == "imports" {
            let line = lines.firstIndex { $0.contains("\"imports\"") }.map { $0 + 1 } ?? 1
            throw Diagnostic(at: SourceLocation(file: path, line: line), "\"imports\" must be a list of product names, as in \"imports\": [\"Neural\"]")
        } catch {
            throw Self.syntaxError(in: data, path: path)
        }
        return (settings.imports ?? []).map { name in
            let line = lines.firstIndex { $0.contains("\"\(name)\"") }.map { $0 + 1 } ?? 1
            return Import(name: name, location: SourceLocation(file: path, line: line))
        }
    }

    /// Where `data` stops being JSON, from JSONSerialization's "around
    /// character N" (JSONDecoder says only that the data is not JSON).
    public static func syntaxError(in data: Data, path: String) -> Diagnostic {
        var reason = "", offset: Int?
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            reason = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            offset = reason.firstMatch(of: /character (\d+)/).flatMap { Int($0.1) }
        }
        guard let offset, offset <= data.count else {
            return Diagnostic(at: SourceLocation(file: path, line: 1), "course.json is not valid JSON\(reason.isEmpty ? "" : ": " + reason)")
        }
        let before = data.prefix(offset)
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return Diagnostic(at: SourceLocation(file: path, line: line, column: column), "course.json is not valid JSON here")
    }

    private func settingsLine(of lecture: Lecture) -> Int {
        var line = 1
        lecture.document.visit { node in
            if case .htmlBlock(let literal) = node.kind, literal.contains("imports=") { line = node.line }
        }
        return line
    }
}

/// How a course package names the lecture companion, for the messages that
/// tell an author what to add.
public enum RuntimeDependency {
    /// The package line: the companion by path when this tool was built from a
    /// checkout that still exists, else by its URL.
    public static var line: String {
        let root = BuildCache.defaultPackageRoot
        if FileManager.default.fileExists(atPath: root + "/Sources/LectureRuntime") {
            return ".package(path: \(SwiftLiteral.string(root)))"
        }
        return ".package(url: \"https://github.com/lecture-companion/lecture-companion\", from: \"2.0.0\")"
    }
}
