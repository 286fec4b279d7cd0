import Foundation

/// The Swift toolchain that builds chapter programs: `swift` and `swiftc` from the
/// `PATH` (or `SWIFT_EXEC`'s folder), and its version, which is part of every
/// cache key.
public struct Toolchain: Sendable {
    public var swift: String
    public var swiftc: String
    public var version: String
    /// What links chapter programs: `-use-ld=lld` when the toolchain has
    /// LLVM's linker beside `swiftc` (Swift's own Linux toolchains do), else
    /// nothing, the driver's default (gold). Chapter 1's program links in
    /// 0.11 s with lld, 0.15 s with gold, part of every edit's wait.
    public var linkerFlags: [String] = []

    public static func locate() async throws(Diagnostic) -> Toolchain {
        guard let swiftc = findExecutable("swiftc"), let swift = findExecutable("swift") else {
            throw Diagnostic(at: nil, "cannot find swiftc on the PATH; install Swift 6 and add its usr/bin to the PATH")
        }
        // The driver leaves a folder in TMPDIR even for --version: a folder
        // of its own, removed after.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-swiftc-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let (result, version) = try? await ChildProcess(executable: swiftc, arguments: ["--version"], environment: ["TMPDIR": scratch],
                                                              timeout: 60).capture(),
              result.succeeded else {
            throw Diagnostic(at: nil, "'\(swiftc) --version' failed")
        }
        let folder = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        let lld = FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ld.lld").path)
        return Toolchain(swift: swift, swiftc: swiftc, version: version, linkerFlags: lld ? ["-use-ld=lld"] : [])
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
