import Foundation
import Synchronization

/// The optimized library that chapter programs link against: the products the
/// course's chapters import, from the course package and its dependencies, with
/// the runtime (`LectureRuntime`), in one dynamic library, `libLectureKit.so`.
///
/// The runner writes a small package into its cache, the harness
/// (``HarnessManifest``), that depends on the packages providing those products
/// as the course does (at the versions of the course's `Package.resolved`), and
/// builds it with `swift build -c release`, apart from the tool's own build: so
/// numerics run optimized even from a debug build of the tool, and a broken
/// lecture never breaks the tool.
///
/// Each product has a key: for a product of a package on disk (the course, a
/// path dependency), the hash of its manifest and of the sources of its targets;
/// for a product of a fetched package, its pinned version and revision. The
/// library is rebuilt when a key of one of its products changes; a chapter's
/// build depends only on the keys of the products it imports (``key(forImports:)``).
public struct CourseLibrary: Sendable {
    /// Folder of `libLectureKit.so`.
    public var libraryFolder: String
    /// Folder of the `.swiftmodule` files.
    public var modulesFolder: String
    /// The library's name for the linker, `-lLectureKit`.
    public var linkName = "LectureKit"
    /// What a chapter's compilation needs to see the library's C modules (a
    /// module map and an include folder each, as SwiftPM passed them).
    public var clangFlags: [String] = []
    /// The folder of the package that provides the runtime (the theme is there).
    public var runtimePackage: String
    /// The key of each product in the library, by name.
    var productKeys: [String: String]
    /// What every chapter's build depends on besides its imports: the compiler,
    /// the machine's CPU, the harness.
    var baseKey: String

    static let runtimeProduct = "LectureRuntime"

    /// The key of a chapter's build: the runtime's and its imports' products.
    func key(forImports imports: [String]) -> String {
        var hash = SHA256()
        hash.update(baseKey)
        for name in Set([Self.runtimeProduct] + imports).sorted() {
            hash.update("\(name)=\(productKeys[name] ?? "unknown")\n")
        }
        return hash.finalize()
    }

    /// The products chapters may import.
    public var products: [String] { productKeys.keys.sorted() }

    /// What preparing the library tells the person waiting for it.
    public struct Reporting: Sendable {
        /// A line to print: what is built, and that it happens once.
        public var announce: @Sendable (String) -> Void
        /// The build's progress, `[24/81]`, for a line updated in place.
        public var progress: @Sendable (String) -> Void

        public init(announce: @escaping @Sendable (String) -> Void = { _ in }, progress: @escaping @Sendable (String) -> Void = { _ in }) {
            self.announce = announce
            self.progress = progress
        }
    }

    /// Builds the library of `imports` for the course when a key changed, then
    /// returns where it is.
    public static func prepare(course: CoursePackage, imports: [CoursePackage.Import], in cache: BuildCache, toolchain: Toolchain,
                               reporting: Reporting) async throws(Diagnostic) -> CourseLibrary {
        try await cache.exclusively("library") { () async throws(Diagnostic) -> CourseLibrary in
            try await prepareAlone(course: course, imports: imports, in: cache, toolchain: toolchain, reporting: reporting)
        }
    }

    private static func prepareAlone(course: CoursePackage, imports: [CoursePackage.Import], in cache: BuildCache, toolchain: Toolchain,
                                     reporting: Reporting) async throws(Diagnostic) -> CourseLibrary {
        let packages = PackageCatalog(cache: cache, toolchain: toolchain)
        let manifest = try await packages.describe(course.root)
        let all = try await packages.providers(for: manifest, at: course.root)
        guard let runtime = all[runtimeProduct] else {
            throw Diagnostic(at: SourceLocation(file: course.root + "/Package.swift", line: 1),
                             "the course package does not depend on the lecture companion, which provides \(runtimeProduct); add to its dependencies:\n    \(RuntimeDependency.line)")
        }
        for request in imports where all[request.name] == nil {
            let known = all.values.filter { !$0.product.hasPrefix("_") }.map(\.product).sorted()
            throw Diagnostic(at: request.location, "no library product '\(request.name)' in the course package or its dependencies; the products are: \(known.joined(separator: ", "))")
        }
        // The harness builds every library of each package that provides an
        // import, so that courses importing from the same packages share it.
        let packagesUsed = Set(([runtimeProduct] + imports.map(\.name)).compactMap { all[$0]?.package })
        let providers = all.filter { packagesUsed.contains($0.value.package) }
        let harness = HarnessManifest(providers: Array(providers.values), pins: ResolvedPins.read(packageAt: course.root))
        let folder = cache.path("harness", String(BuildCache.digest(harness.text).prefix(16)))
        let release = folder + "/.build/release"
        var productKeys: [String: String] = [:]
        for provider in providers.values { productKeys[provider.product] = try packages.key(of: provider, among: all) }
        let resolved = String(decoding: FileManager.default.contents(atPath: course.root + "/Package.resolved") ?? Data(), as: UTF8.self)
        let baseKey = BuildCache.digest("\(toolchain.version)\n\(TargetCPU.name)\n\(harness.text)\n\(resolved)")
        let library = CourseLibrary(libraryFolder: release, modulesFolder: release + "/Modules", runtimePackage: runtime.packagePath,
                                    productKeys: productKeys, baseKey: baseKey)
        // The flags file is as good as the rule that read it: a new rule, a new key.
        let key = BuildCache.digest(productKeys.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
                                    + baseKey + "\nclang flags \(flagsRule)")
        let stamp = folder + "/built.key", flagsFile = folder + "/clang-flags.json"
        var built = library
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) == key, FileManager.default.fileExists(atPath: release + "/libLectureKit.so"),
           let data = FileManager.default.contents(atPath: flagsFile), let flags = try? JSONDecoder().decode([String].self, from: data) {
            built.clangFlags = flags
            return built
        }
        // A build that fails may leave the last good one half removed (SwiftPM
        // deletes the modules it rebuilds): its stamp goes first, so that the
        // sources of that build, put back, build again.
        try? FileManager.default.removeItem(atPath: stamp)
        try harness.write(to: folder, pinsFrom: course.root)
        let names = providers.values.map(\.product).filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
        reporting.announce("building the course library (\(names)), optimized; once for these sources, about a minute on two cores")
        try await build(folder, progress: reporting.progress)
        built.clangFlags = clangFlags(ofBuildIn: folder)
        try? BuildCache.writeAtomically(try! JSONEncoder().encode(built.clangFlags), to: flagsFile)
        try? BuildCache.writeAtomically(Data(key.utf8), to: stamp)
        return built
    }

    /// The `-Xcc` module map and include flags SwiftPM compiled the harness's
    /// target with, read from its build description (`release.yaml`): the
    /// library's C modules (swift-numerics' `_NumericsShims`, say) are imported
    /// through them, and a chapter needs them too.
    static func clangFlags(ofBuildIn folder: String) -> [String] {
        guard let description = try? String(contentsOfFile: folder + "/.build/release.yaml", encoding: .utf8),
              let block = description.range(of: "\"C.LectureKit-")
        else { return [] }
        let rest = description[block.upperBound...]
        guard let module = rest.range(of: "-release.module\":"), let args = rest[module.upperBound...].range(of: "args: ") else { return [] }
        let line = rest[args.upperBound...].prefix { $0 != "\n" }
        guard let arguments = try? JSONDecoder().decode([String].self, from: Data(line.utf8)) else { return [] }
        return moduleFlags(in: arguments)
    }

    /// The version of ``moduleFlags(in:)``, part of the library's key: 2 keeps
    /// an include folder given as `-I` and its path in two arguments.
    static let flagsRule = 2

    /// The module map and include flags among a compiler's `-Xcc` arguments:
    /// `-Xcc -fmodule-map-file=M`, `-Xcc -IP`, and `-Xcc -I -Xcc P` (a C
    /// target's own include folder), kept whole so that no path is lost and
    /// no flag is taken for a path.
    static func moduleFlags(in arguments: [String]) -> [String] {
        var flags: [String] = []
        var index = 0
        while index + 1 < arguments.count {
            guard arguments[index] == "-Xcc" else {
                index += 1
                continue
            }
            let value = arguments[index + 1]
            if value == "-I", index + 3 < arguments.count, arguments[index + 2] == "-Xcc" {
                flags += ["-Xcc", "-I", "-Xcc", arguments[index + 3]]
                index += 4
                continue
            }
            if value.hasPrefix("-fmodule-map-file=") || (value.hasPrefix("-I") && value != "-I") { flags += ["-Xcc", value] }
            index += 2
        }
        return flags
    }

    /// The manifest of `lecture` as a package in `folder`, using the products
    /// the chapter imports from where the course has them.
    public static func exportedManifest(of lecture: Lecture, course: CoursePackage, folder: String, in cache: BuildCache,
                                        toolchain: Toolchain) async throws(Diagnostic) -> String {
        let packages = PackageCatalog(cache: cache, toolchain: toolchain)
        let all = try await packages.providers(for: try await packages.describe(course.root), at: course.root)
        let names = [runtimeProduct] + (try course.courseImports()).map(\.name) + lecture.settings.imports
        let used = try names.map { name throws(Diagnostic) -> PackageCatalog.Provider in
            guard let provider = all[name] else { throw Diagnostic(at: nil, "no library product '\(name)' in the course package or its dependencies") }
            return provider
        }
        return HarnessManifest.exported(name: lecture.id, providers: used, folder: folder)
    }

    /// `swift build -c release` of the harness, with its progress.
    private static func build(_ folder: String, progress report: @escaping @Sendable (String) -> Void) async throws(Diagnostic) {
        guard let swift = Toolchain.findExecutable("swift") else { throw Diagnostic(at: nil, "cannot find swift on the PATH") }
        let output = folder + "/build.log"
        let progress = BuildProgress(path: output, report: report)
        let build = ChildProcess(executable: swift,
                                 arguments: ["build", "-c", "release", "--product", "LectureKit", "--package-path", folder,
                                             "--scratch-path", folder + "/.build"] + TargetCPU.swiftBuildFlags,
                                 watch: { progress.look() })
        let result: ChildProcess.Result
        do { result = try await build.run(standardOutput: output, standardError: output + ".err") } catch {
            throw Diagnostic(at: nil, "cannot run swift build: \(error)")
        }
        guard result.succeeded else {
            let text = [output, output + ".err"].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined()
            let errors = text.split(separator: "\n").filter { $0.contains("error:") }
            throw Diagnostic(at: nil, "the course's library does not build: this is the course package or its dependencies, not a chapter",
                             details: (errors.isEmpty ? text.split(separator: "\n").suffix(30) : errors.suffix(30)).map(String.init))
        }
    }
}

/// What `swift build` of the library is doing: the step counter of its last
/// line, `[24/81]`, reported when it changes.
final class BuildProgress: Sendable {
    private let path: String
    private let report: @Sendable (String) -> Void
    private let last = Mutex("")

    init(path: String, report: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.report = report
    }

    func look() {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let line = String(decoding: data.suffix(400), as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("[") } ?? ""
        let step = String(line.prefix { $0 != "]" }) + "]"
        guard !line.isEmpty, last.withLock({ previous in defer { previous = step }; return previous != step }) else { return }
        report("building the course library: step " + step.dropFirst().dropLast())
    }
}
