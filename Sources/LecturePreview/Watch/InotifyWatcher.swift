import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches with Linux's inotify: one watch on every folder under the watched
/// folders (a folder that appears is watched at once, with what it holds
/// reported), and one on the folder of each watched file.
///
/// Folders are watched rather than files because editors save by writing a
/// new file and renaming it over the old one (vim, VS Code, JetBrains): the
/// old file's watch would see nothing, the folder's sees the rename. A file
/// counts as changed when it is closed after writing, renamed in or out, or
/// deleted; a file that is only opened or read does not.
struct InotifyWatcher: Sendable {
    /// One watched folder: all of it, or only some of its names.
    struct Watch: Sendable {
        var folder: String
        /// The names reported, for the folder of single files; nil for all.
        var only: Set<String>?
    }

    private let descriptor: Int32
    private let list: WatchList
    private let initial: [Int32: Watch]

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify cannot be had, or cannot watch every folder (its
    /// limit, `fs.inotify.max_user_watches`, reached): then polling must do.
    init?(_ list: WatchList) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var watches: [Int32: Watch] = [:]
        let added = list.folders.allSatisfy { Self.addTree($0, descriptor: descriptor, to: &watches) != nil }
            && list.files.allSatisfy { file in
                let url = URL(fileURLWithPath: file)
                return Self.add(Watch(folder: url.deletingLastPathComponent().path, only: [url.lastPathComponent]),
                                descriptor: descriptor, to: &watches) != .failed
            }
        guard added else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.list = list
        initial = watches
    }

    func run(until isStopping: () -> Bool, onChange: (Set<String>) -> Void) {
        defer { close(descriptor) }
        var watches = initial
        var pending = Set<String>()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while !isStopping() {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, pending.isEmpty ? 100 : FileWatcher.quietPeriod)
            if ready > 0 {
                let count = read(descriptor, buffer, size)
                if count > 0 { pending.formUnion(handle(buffer, count: count, watches: &watches)) }
                continue
            }
            // A watched folder that went away and came back (a theme folder
            // replaced whole, say) is watched again.
            for folder in list.folders where !watches.values.contains(where: { $0.folder == folder && $0.only == nil }) {
                if let added = Self.addTree(folder, descriptor: descriptor, to: &watches), added > 0 { pending.insert(folder) }
            }
            if !pending.isEmpty {
                onChange(pending)
                pending = []
            }
        }
    }

    /// The paths that the events in `buffer` name, with watches added for new
    /// folders and dropped for folders that went away.
    private func handle(_ buffer: UnsafeMutableRawPointer, count: Int, watches: inout [Int32: Watch]) -> Set<String> {
        var changed = Set<String>()
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let name = event.len > 0 ? String(cString: (buffer + offset + header).assumingMemoryBound(to: CChar.self)) : ""
            offset += header + Int(event.len)
            let mask = event.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.formUnion(list.folders + list.files)
                continue
            }
            guard let watch = watches[event.wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                watches[event.wd] = nil
                continue
            }
            if name.isEmpty {
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { changed.insert(watch.folder) }
                continue
            }
            guard WatchList.watches(name: name), watch.only?.contains(name) ?? true else { continue }
            let path = watch.folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if watch.only == nil, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = Self.addTree(path, descriptor: descriptor, to: &watches)
                    changed.formUnion(WatchList.tree(path).keys)
                }
                if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { changed.insert(path) }
                continue
            }
            // A file just created is reported when it is closed after writing.
            if mask == UInt32(IN_CREATE) { continue }
            changed.insert(path)
        }
        return changed
    }

    enum Added: Equatable {
        case added, gone, failed
    }

    /// Watches `folder` and every folder under it: how many watches were
    /// added, or nil when the kernel refused one.
    private static func addTree(_ folder: String, descriptor: Int32, to watches: inout [Int32: Watch]) -> Int? {
        var added = 0
        for (path, entry) in WatchList.tree(folder) where entry.isFolder {
            switch add(Watch(folder: path, only: nil), descriptor: descriptor, to: &watches) {
            case .failed: return nil
            case .added: added += 1
            case .gone: break
            }
        }
        return added
    }

    /// Adds one watch; a folder that is gone is no failure (it may come back).
    private static func add(_ watch: Watch, descriptor: Int32, to watches: inout [Int32: Watch]) -> Added {
        let number = inotify_add_watch(descriptor, watch.folder, mask)
        guard number >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .gone : .failed }
        // The kernel gives a folder watched twice the same number: keep the wider watch.
        if let existing = watches[number] {
            let only = existing.only.flatMap { old in watch.only.map { old.union($0) } }
            watches[number] = Watch(folder: existing.folder, only: only)
        } else {
            watches[number] = watch
        }
        return .added
    }
}
