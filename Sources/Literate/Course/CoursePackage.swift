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
        struct Settings: Decodable { var imports: [String]? }
        let settings: Settings
        do {
            settings = try JSONDecoder().decode(Settings.self, from: data)
        } catch {
            throw CourseJSON.problem(error, in: data, path: path, expected: ["imports": "a list of product names, as in \"imports\": [\"Neural\"]"])
                ?? Diagnostic(at: SourceLocation(file: path, line: 1), "cannot read course.json: \(error.localizedDescription)")
        }
        return (settings.imports ?? []).map { name in
            Import(name: name, location: SourceLocation(file: path, line: CourseJSON.line(of: "\"\(name)\"", in: data)))
        }
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
