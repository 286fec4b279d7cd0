import Foundation

/// Where the runner keeps what it built and ran: a git-ignored folder of the
/// package (`.build-lecture/`, or `LECTURE_CACHE` when set), keyed by content
/// hashes.
public struct BuildCache: Sendable {
    /// The root of this package's sources, which chapter programs link against.
    public var packageRoot: String
    public var folder: String

    public init(packageRoot: String = BuildCache.defaultPackageRoot) {
        self.packageRoot = packageRoot
        let chosen = ProcessInfo.processInfo.environment["LECTURE_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        self.folder = chosen ?? packageRoot + "/.build-lecture"
    }

    /// The package this tool was built from, or `LECTURE_PACKAGE_ROOT` when set.
    public static var defaultPackageRoot: String {
        if let root = ProcessInfo.processInfo.environment["LECTURE_PACKAGE_ROOT"], !root.isEmpty { return root }
        // This file is <root>/Sources/Literate/Build/BuildCache.swift.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    public func path(_ components: String...) -> String {
        ([folder] + components).joined(separator: "/")
    }

    /// Writes `contents` to `path` through a temporary file and a rename, so a reader
    /// never sees half a file.
    static func writeAtomically(_ contents: Data, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try contents.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(path): \(String(cString: strerror(code)))"])
        }
    }
}
