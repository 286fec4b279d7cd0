import ArgumentParser
import Foundation
import Literate

/// `lecture export`: a chapter as a standalone Swift package.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a chapter as a Swift package to open, change and run.",
        discussion: """
        The package depends on the course package and its dependencies, as the
        chapter uses them (a package on disk by a relative path); its main.swift
        holds the cells in order and the prose as comments. Run it with `swift run`
        in the folder it was written to.

        Examples:
          lecture export 1                         into ./01-artificial-neuron
          lecture export 3 --out ~/backprop

        Exit status: 0 ok, 2 for bad usage or input (including an existing, non-empty output folder).
        """
    )

    @OptionGroup var course: CourseOptions

    @Argument(help: ArgumentHelp("The chapter: a number, an id, a unique id prefix or a path.", valueName: "chapter"))
    var chapter: String

    @Option(name: .long, help: ArgumentHelp("The folder to write (default: the chapter's id).", valueName: "dir"))
    var out: String?

    func run() async throws {
        let lecture = try course.load(try course.chapterPaths([chapter])[0])
        let package = try course.package()
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: out ?? lecture.id, relativeTo: URL(fileURLWithPath: manager.currentDirectoryPath)).standardizedFileURL
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure.usage("error: \(folder.path) is a file; choose a folder with --out")
        }
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw Failure.usage("error: \(folder.path) exists and is not empty; choose another folder with --out")
        }
        let manifest: String
        do {
            manifest = try await CourseLibrary.exportedManifest(of: lecture, course: package, folder: folder.path,
                                                                in: BuildCache(packageRoot: package.root), toolchain: try await Toolchain.locate())
        } catch {
            throw Failure.usage(error.description)
        }
        let imports = (try? package.courseImports().map(\.name)) ?? []
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("Sources/Chapter"), withIntermediateDirectories: true)
            try Data(manifest.utf8).write(to: folder.appendingPathComponent("Package.swift"))
            try Data(StandaloneProgram.source(of: lecture, imports: imports).utf8).write(to: folder.appendingPathComponent("Sources/Chapter/main.swift"))
        } catch {
            throw Failure.usage("error: cannot write \(folder.path): \(error.localizedDescription)")
        }
        print("wrote \(folder.path)\nrun it: cd \(Self.relativePath(from: URL(fileURLWithPath: manager.currentDirectoryPath), to: folder)) && swift run")
    }

    /// The path from folder `from` to `to`, with `..` steps.
    static func relativePath(from: URL, to: URL) -> String {
        let a = from.standardizedFileURL.pathComponents, b = to.standardizedFileURL.pathComponents
        let common = zip(a, b).prefix { $0 == $1 }.count
        let steps = Array(repeating: "..", count: a.count - common) + b[common...]
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }
}
