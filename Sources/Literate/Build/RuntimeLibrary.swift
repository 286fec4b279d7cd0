import Foundation

/// The optimized build of `Neural`, `Charts` and `LectureRuntime` (the `LectureKit`
/// dynamic library) that chapter programs link against.
///
/// It is built with `swift build -c release` into the cache, apart from the tool's
/// own build, so numerics run optimized even from a debug build of the tool, and a
/// broken lecture never breaks the tool. It is rebuilt only when its sources, the
/// manifest or the compiler change.
public struct RuntimeLibrary: Sendable {
    /// Folder of `libLectureKit.so`.
    public var libraryFolder: String
    /// Folder of the `.swiftmodule` files.
    public var modulesFolder: String
    /// Hash of everything the library was built from.
    public var key: String
    /// The library's name for the linker, `-lLectureKit`.
    public var linkName = "LectureKit"

    static let sourceFolders = ["CellOutput", "Escaping", "Neural", "Charts", "LectureRuntime"]

    /// Builds the library when its key changed, then returns where it is.
    public static func prepare(in cache: BuildCache, toolchain: Toolchain, log: (String) -> Void) async throws(Diagnostic) -> RuntimeLibrary {
        let key = sourceKey(packageRoot: cache.packageRoot, compiler: toolchain.version)
        let scratch = cache.path("runtime")
        let release = scratch + "/release"
        let library = RuntimeLibrary(libraryFolder: release, modulesFolder: release + "/Modules", key: key)
        let stamp = cache.path("runtime.key")
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) == key,
           FileManager.default.fileExists(atPath: release + "/libLectureKit.so") {
            return library
        }
        log("building the lecture library (optimized)")
        let build = ChildProcess(executable: toolchain.swift,
                                 arguments: ["build", "-c", "release", "--product", "LectureKit", "--scratch-path", scratch],
                                 directory: cache.packageRoot)
        let result: ChildProcess.Result, output: String
        do { (result, output) = try await build.capture() } catch {
            throw Diagnostic(at: nil, "cannot run swift build: \(error)")
        }
        guard result.succeeded else {
            throw Diagnostic(at: nil, "building the lecture library failed",
                             details: output.split(separator: "\n").suffix(30).map(String.init))
        }
        try? BuildCache.writeAtomically(Data(key.utf8), to: stamp)
        return library
    }

    /// Hash of the library's sources, the package manifest and the compiler version.
    static func sourceKey(packageRoot: String, compiler: String) -> String {
        var hash = SHA256()
        hash.update(compiler)
        let manager = FileManager.default
        for file in ["Package.swift"] {
            hash.update(file)
            hash.update((manager.contents(atPath: packageRoot + "/" + file)) ?? Data())
        }
        for folder in sourceFolders {
            let root = packageRoot + "/Sources/" + folder
            let files = (manager.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
            for file in files where file.hasSuffix(".swift") {
                hash.update(folder + "/" + file)
                hash.update(manager.contents(atPath: root + "/" + file) ?? Data())
            }
        }
        return hash.finalize()
    }
}
