import Foundation

/// Compiles chapter programs with `swiftc` against the ``RuntimeLibrary``, caching
/// each result under the hash of everything that affects it: the program, the
/// library, the compiler and the flags.
public struct ChapterCompiler: Sendable {
    public var cache: BuildCache
    public var toolchain: Toolchain
    public var library: RuntimeLibrary

    /// What compiling a program gave.
    public enum Outcome: Sendable {
        /// An executable, and whether it came from the cache.
        case executable(path: String, cached: Bool)
        /// The compiler's error messages.
        case failed(errors: String)
    }

    public init(cache: BuildCache, toolchain: Toolchain, library: RuntimeLibrary) {
        self.cache = cache
        self.toolchain = toolchain
        self.library = library
    }

    /// Cell code is glue around the optimized library, so it is compiled without
    /// optimization: that keeps `precondition` messages and bounds-check messages,
    /// which `-O` drops, and compiles faster.
    var flags: [String] {
        ["-Onone", "-swift-version", "5", "-suppress-warnings", "-diagnostic-style", "llvm",
         "-I", library.modulesFolder, "-L", library.libraryFolder, "-lLectureKit",
         "-Xlinker", "-rpath", "-Xlinker", library.libraryFolder, "-module-name", "Chapter"]
    }

    /// The cache key of `program` and the parts it is made of, by name, so a rebuild
    /// can say what changed.
    func key(of program: ChapterProgram) -> (key: String, parts: [String: String]) {
        func digest(_ text: String) -> String {
            var hash = SHA256()
            hash.update(text)
            return hash.finalize()
        }
        let parts = [
            "the chapter program": digest(program.source),
            "the library sources": library.key,
            "the compiler": digest(toolchain.version),
            "the compiler flags": digest(flags.joined(separator: " ")),
        ]
        return (digest(parts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")), parts)
    }

    /// Compiles `program` unless the cache holds it; `reason` receives why it compiled.
    public func compile(_ program: ChapterProgram, name: String, reason: (String) -> Void) async throws -> Outcome {
        let (key, parts) = key(of: program)
        let folder = cache.path("chapters", key)
        let executable = folder + "/chapter"
        let errorsFile = folder + "/errors.txt"
        let manager = FileManager.default
        if manager.isExecutableFile(atPath: executable) { return .executable(path: executable, cached: true) }
        if let errors = try? String(contentsOfFile: errorsFile, encoding: .utf8) { return .failed(errors: errors) }

        let partsFile = cache.path("chapters", name + ".parts")
        reason(Self.explain(previous: try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: partsFile))), current: parts))

        let work = folder + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: work) }
        try Data(program.source.utf8).write(to: URL(fileURLWithPath: work + "/main.swift"))
        let result = try await ChildProcess(executable: toolchain.swiftc,
                                            arguments: [work + "/main.swift", "-o", work + "/chapter"] + flags).run()
        let errors = Self.errorLines(result.standardError + result.standardOutput)
        if !result.succeeded {
            // A compiler that stopped without an error message (killed, out of
            // memory) says nothing about the program: keep nothing.
            guard !errors.isEmpty else {
                throw CompilerStopped(output: String((result.standardError + result.standardOutput).suffix(2000)))
            }
            try Data(errors.utf8).write(to: URL(fileURLWithPath: work + "/errors.txt"))
        }
        try? manager.removeItem(atPath: folder)
        try manager.moveItem(atPath: work, toPath: folder)
        try? BuildCache.writeAtomically(try JSONEncoder().encode(parts), to: partsFile)
        return result.succeeded ? .executable(path: executable, cached: false) : .failed(errors: errors)
    }

    /// The compiler's `error:` lines (without source excerpts, notes or warnings).
    static func errorLines(_ output: String) -> String {
        output.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0 + "\n" }.joined()
    }

    /// Why a program is compiled: nothing cached for it before, or which parts changed.
    static func explain(previous: [String: String]?, current: [String: String]) -> String {
        guard let previous else { return "not built before" }
        let changed = current.keys.sorted().filter { previous[$0] != current[$0] }
        return changed.isEmpty ? "its cached build is missing" : changed.joined(separator: ", ") + " changed"
    }
}

/// `swiftc` stopped without reporting an error in the program.
struct CompilerStopped: Error, CustomStringConvertible {
    var output: String
    var description: String { "the compiler stopped without an error message:\n" + output }
}
