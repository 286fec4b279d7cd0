import Literate

/// A built site: file contents by path relative to the site's folder.
public struct SiteFiles: Sendable, Equatable {
    public var files: [String: [UInt8]] = [:]
    /// What the build noticed but did not stop for (pages over their size budget).
    public var warnings: [Diagnostic] = []
    /// Errors a build that keeps going published on their pages (broken links,
    /// missing files) instead of stopping.
    public var problems: [Diagnostic] = []

    public init() {}

    /// The paths in a stable order.
    public var paths: [String] { files.keys.sorted() }

    public subscript(path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func add(_ path: String, _ text: String) {
        files[path] = Array(text.utf8)
    }
}
