import Foundation
import Synchronization

/// The preview's own copy of its site on disk: a private folder (mode 700)
/// under the system's temporary folder, never the course's `_site/`, rewritten
/// file by file as versions change (each file through a temporary name and a
/// rename, so a reader never sees half of one) and removed when the preview
/// ends. Once removed it stays removed: an update that comes later (a chapter
/// run that ends as the preview stops) writes nothing.
final class SiteFolder: Sendable {
    let path: String
    /// Whether ``remove()`` was called; held while the folder is written.
    private let removed = Mutex<Bool>(false)

    private init(path: String) {
        self.path = path
    }

    /// A new, empty folder.
    static func make() throws -> SiteFolder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-preview-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return SiteFolder(path: path)
    }

    /// Makes the folder hold `files`, of which the paths `changed` (those that
    /// differ from what it holds, ``PreviewSnapshot/changes(since:)``) are
    /// written or, when `files` has none, removed.
    func update(to files: [String: [UInt8]], changed: Set<String>) throws {
        try removed.withLock { removed in
            guard !removed else { return }
            try write(files, changed)
        }
    }

    private func write(_ files: [String: [UInt8]], _ changed: Set<String>) throws {
        let manager = FileManager.default
        for name in changed {
            guard let bytes = files[name] else {
                try? manager.removeItem(atPath: path + "/" + name)
                continue
            }
            let destination = path + "/" + name
            try manager.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = path + "/.writing-" + UUID().uuidString.prefix(8)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write '\(destination)': \(reason)"])
            }
        }
    }

    func remove() {
        removed.withLock { removed in
            removed = true
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
