import Foundation

/// A course in a temporary folder where the `lecture` binary runs: a copy of a
/// fixture course (a folder of `Tests/Fixtures/courses/`), or lectures given
/// here, in its `lectures/` folder. Unless the fixture has its own, the folder
/// gets a `Package.swift` that depends on this package by path, as a course
/// package does.
public struct Workspace: Sendable {
    public let root: URL

    /// The fixture courses, one folder each.
    public static let fixtures = URL(fileURLWithPath: LectureBinary.packageRoot).appendingPathComponent("Tests/Fixtures/courses")

    /// A copy of fixture course `name`, with `files` added or replaced.
    public init(fixture name: String, _ files: [String: String] = [:]) throws {
        self.init()
        let source = Self.fixtures.appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        for (path, text) in files { try write(path, text) }
        try writeManifestIfMissing()
    }

    /// A course of the lecture files `files`, by name in `lectures/`.
    public init(_ files: [String: String]) throws {
        self.init()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lectures"), withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
        try writeManifestIfMissing()
    }

    /// The manifest of a course package that uses this package's runtime.
    public static var manifest: String {
        """
        // swift-tools-version: 6.0
        import PackageDescription

        let package = Package(
            name: "Course",
            dependencies: [.package(path: \"\(LectureBinary.packageRoot)\")]
        )

        """
    }

    private func writeManifestIfMissing() throws {
        let manifest = root.appendingPathComponent("Package.swift")
        guard !FileManager.default.fileExists(atPath: manifest.path) else { return }
        try Data(Self.manifest.utf8).write(to: manifest)
    }

    private init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func url(_ path: String) -> URL {
        root.appendingPathComponent("lectures/" + path)
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(path))
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    public func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(path)))
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// Runs `lecture ARGUMENTS` in the workspace's root.
    public func lecture(_ arguments: String..., environment: [String: String] = [:]) throws -> LectureBinary.Result {
        try LectureBinary.run(arguments, in: root, environment: environment)
    }

    /// Every file of the site built into `_site/`, by relative path.
    public func site(_ folder: String = "_site") -> [String: Data] {
        let base = root.appendingPathComponent(folder).path
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: base + "/" + path)
            }
        }
        return files
    }

    /// A page of the built site, as text.
    public func page(_ name: String, in folder: String = "_site") -> String {
        site(folder)[name].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
