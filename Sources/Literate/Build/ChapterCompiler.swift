import Foundation

/// Compiles chapter programs with `swiftc` against the ``CourseLibrary``,
/// caching each result under the hash of everything that affects it: the
/// program, the library, the compiler and the flags.
///
/// A cached executable is checked against the hash recorded when it was built;
/// a compiler that fails for a reason outside the program (killed, out of time,
/// an error in a file that is not the chapter's) is reported and nothing is kept.
public struct ChapterCompiler: Sendable {
    public var cache: BuildCache
    public var toolchain: Toolchain
    public var library: CourseLibrary
    /// Seconds one compilation may take.
    public var timeout: Double

    /// What compiling a program gave.
    public enum Outcome: Sendable {
        /// An executable, and whether it came from the cache.
        case executable(path: String, cached: Bool)
        /// A program that was only type-checked, and type-checks.
        case typechecked
        /// The compiler's diagnostics (its `error:` and `note:` lines).
        case failed(errors: String)
    }

    public init(cache: BuildCache, toolchain: Toolchain, library: CourseLibrary, timeout: Double) {
        self.cache = cache
        self.toolchain = toolchain
        self.library = library
        self.timeout = timeout
    }

    /// Cell code is glue around the optimized library, so it is compiled without
    /// optimization: that keeps `precondition` messages and bounds-check messages,
    /// which `-O` drops, and compiles faster.
    func flags(for program: ChapterProgram) -> [String] {
        (program.runs ? [] : ["-typecheck"])
            + ["-Onone", "-swift-version", "5", "-suppress-warnings", "-diagnostic-style", "llvm",
               "-I", library.modulesFolder, "-L", library.libraryFolder, "-l" + library.linkName,
               "-Xlinker", "-rpath", "-Xlinker", library.libraryFolder, "-module-name", "Chapter"] + library.clangFlags
            + (program.runs ? toolchain.linkerFlags : [])
    }

    /// The cache key of `program` and the parts it is made of, by name, so a rebuild
    /// can say what changed.
    func key(of program: ChapterProgram) -> (key: String, parts: [String: String]) {
        let parts = [
            "the chapter program": BuildCache.digest(program.source),
            "the library": library.key(forImports: program.imports),
            "the compiler": BuildCache.digest(toolchain.version),
            "the compiler flags": BuildCache.digest(flags(for: program).joined(separator: " ")),
        ]
        return (BuildCache.digest(parts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")), parts)
    }

    /// Compiles `program` unless the cache holds it; `reason` receives why it compiled.
    public func compile(_ program: ChapterProgram, name: String, reason: (String) -> Void) async throws -> Outcome {
        let (key, parts) = key(of: program)
        let folder = cache.path("chapters", key)
        let manager = FileManager.default
        if let cached = reuse(folder, program) { return cached }
        let partsFile = cache.path("chapters", name + ".parts")
        let previous = (try? Data(contentsOf: URL(fileURLWithPath: partsFile))).flatMap { try? JSONDecoder().decode([String: String].self, from: $0) }
        reason(manager.fileExists(atPath: folder) ? "its cached build was damaged" : Self.explain(previous: previous, current: parts))
        try? manager.removeItem(atPath: folder)
        let work = folder + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: work) }
        try Data(program.source.utf8).write(to: URL(fileURLWithPath: work + "/main.swift"))
        // The driver's temporary files (objects, link lists) go into the
        // build's own folder, which goes whatever happens to the compiler.
        let compiler = ChildProcess(executable: toolchain.swiftc,
                                    arguments: [work + "/main.swift"] + (program.runs ? ["-o", work + "/chapter"] : []) + flags(for: program),
                                    environment: ["TMPDIR": work], timeout: timeout, outputLimit: 50_000_000)
        let (result, output) = try await compiler.capture()
        if result.timedOut {
            throw CompilerStopped(reason: "the compiler took longer than \(Self.seconds(timeout)) (raise the limit with --timeout)", output: "")
        }
        let errors = Self.diagnosticLines(output)
        if !result.succeeded {
            // Only errors in the program's own files say something about the
            // program; anything else (no message at all, a damaged library
            // module, a killed compiler) is the tool's trouble, and not kept.
            let ownFiles = [program.sourceFileName, work + "/main.swift"]
            let own = !result.signaled && result.status == 1 && !errors.isEmpty && errors.split(separator: "\n").allSatisfy { line in
                ownFiles.contains { line.hasPrefix($0 + ":") }
            }
            guard own else { throw CompilerStopped(reason: "the compiler stopped without an error in the chapter", output: String(output.suffix(4000))) }
            try Data(errors.utf8).write(to: URL(fileURLWithPath: work + "/errors.txt"))
        } else if program.runs {
            guard let digest = BuildCache.digest(ofFile: work + "/chapter") else {
                throw CompilerStopped(reason: "the compiler wrote no program", output: String(output.suffix(4000)))
            }
            try Data(digest.utf8).write(to: URL(fileURLWithPath: work + "/chapter.sha256"))
        } else {
            try Data().write(to: URL(fileURLWithPath: work + "/typechecked"))
        }
        // A rename publishes the folder whole; when another process published
        // the same program first, its build is as good as this one.
        if rename(work, folder) != 0, reuse(folder, program) == nil {
            throw CompilerStopped(reason: "cannot keep the compiled program in \(folder): \(String(cString: strerror(errno)))", output: "")
        }
        try? BuildCache.writeAtomically(try JSONEncoder().encode(parts), to: partsFile)
        return try reuse(folder, program).orThrow(CompilerStopped(reason: "the compiled program vanished from the cache", output: ""))
    }

    /// The cached outcome in `folder`, if there is one and it is intact.
    private func reuse(_ folder: String, _ program: ChapterProgram) -> Outcome? {
        if let errors = try? String(contentsOfFile: folder + "/errors.txt", encoding: .utf8) { return .failed(errors: errors) }
        guard program.runs else {
            return FileManager.default.fileExists(atPath: folder + "/typechecked") ? .typechecked : nil
        }
        let executable = folder + "/chapter"
        guard let recorded = try? String(contentsOfFile: executable + ".sha256", encoding: .utf8),
              BuildCache.digest(ofFile: executable) == recorded else { return nil }
        return .executable(path: executable, cached: true)
    }

    /// The compiler's `error:` lines and the `note:` lines that follow them,
    /// without source excerpts or warnings.
    static func diagnosticLines(_ output: String) -> String {
        var kept: [Substring] = []
        var afterError = false
        for line in output.split(separator: "\n") {
            if line.contains(": error: ") {
                kept.append(line)
                afterError = true
            } else if line.contains(": note: "), afterError {
                kept.append(line)
            } else if line.contains(": warning: ") {
                afterError = false
            }
        }
        return kept.map { $0 + "\n" }.joined()
    }

    /// Why a program is compiled: nothing cached for it before, or which parts changed.
    static func explain(previous: [String: String]?, current: [String: String]) -> String {
        guard let previous else { return "not built before" }
        let changed = current.keys.sorted().filter { previous[$0] != current[$0] }
        return changed.isEmpty ? "its cached build is missing" : changed.joined(separator: ", ") + " changed"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%g s", value)
    }
}

/// `swiftc` stopped for a reason that is not an error in the program.
struct CompilerStopped: Error, CustomStringConvertible {
    var reason: String
    var output: String
    var description: String { output.isEmpty ? reason : reason + ":\n" + output }
}

extension Optional {
    func orThrow(_ error: some Error) throws -> Wrapped {
        guard let self else { throw error }
        return self
    }
}
