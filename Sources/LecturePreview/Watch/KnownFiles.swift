/// The files under the watched folders as far as the preview knows, to tell a
/// real change from an editor's passing file: `sed -i`, vim and others write
/// a temporary file and rename it over the one saved, and the watcher reports
/// the temporary name too. A reported path counts when it exists now, or when
/// it (or a file under it, for a folder) existed before.
struct KnownFiles: Sendable {
    private var paths: Set<String>

    init(_ list: WatchList) {
        paths = Set(list.snapshot().keys)
    }

    /// The paths of `reported` that changed something, with what is known updated.
    mutating func changes(_ reported: Set<String>) -> Set<String> {
        var real = Set<String>()
        for path in reported {
            if let entry = WatchList.stamp(path) {
                real.insert(path)
                if !entry.isFolder { paths.insert(path) }
            } else if paths.remove(path) != nil {
                real.insert(path)
            } else {
                let under = paths.filter { $0.hasPrefix(path + "/") }
                guard !under.isEmpty else { continue }
                paths.subtract(under)
                real.insert(path)
            }
        }
        return real
    }
}
