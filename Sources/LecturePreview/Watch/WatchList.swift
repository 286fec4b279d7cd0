import Foundation

/// What a ``FileWatcher`` watches: folders, with everything under them, and
/// single files (watched through their folder, so that a file an editor saves
/// by writing a new one and renaming it over the old is seen).
///
/// Names that start with a dot (editors' swap files, `.git`) and names that
/// end with `~` (backups) are never reported: no course reads them.
public struct WatchList: Sendable, Equatable {
    /// Absolute paths of folders watched with all they hold.
    public var folders: [String]
    /// Absolute paths of single files.
    public var files: [String]

    public init(folders: [String], files: [String] = []) {
        self.folders = folders.map(Self.absolute)
        self.files = files.map(Self.absolute)
    }

    /// What this list watches that `other` does not.
    public func subtracting(_ other: WatchList) -> WatchList {
        WatchList(folders: folders.filter { !other.folders.contains($0) }, files: files.filter { !other.files.contains($0) })
    }

    public var isEmpty: Bool { folders.isEmpty && files.isEmpty }

    /// Whether a file or folder of this name is one to watch.
    static func watches(name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix("~")
    }

    /// `path` made absolute against the working folder, with `.` and `..` resolved.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// What a file is now, to tell whether it changed: its identity, size and
    /// time of last change, to the nanosecond.
    struct Stamp: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int
        var changed: Int
    }

    /// The stamp of the file at `path` (links not followed), nil when there is none.
    static func stamp(_ path: String) -> (Stamp, isFolder: Bool)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let stamp = Stamp(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                          modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                          changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec)
        return (stamp, (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Every watched file and folder under `folder` (itself included), with its stamp.
    static func tree(_ folder: String) -> [String: (Stamp, isFolder: Bool)] {
        var found: [String: (Stamp, isFolder: Bool)] = [:]
        var pending = [folder]
        while let current = pending.popLast() {
            guard let entry = stamp(current) else { continue }
            found[current] = entry
            guard entry.isFolder else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? [] where watches(name: name) {
                pending.append(current + "/" + name)
            }
        }
        return found
    }

    /// The stamps of everything watched now.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            for (path, entry) in Self.tree(folder) where !entry.isFolder { stamps[path] = entry.0 }
        }
        for file in files {
            if let entry = Self.stamp(file), !entry.isFolder { stamps[file] = entry.0 }
        }
        return stamps
    }
}
