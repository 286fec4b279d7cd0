import Foundation

/// The files a chapter declares it reads (`<!-- lecture inputs=... -->`), found
/// in its folder: a path, or a pattern whose `*` matches any characters but `/`
/// (`data/*.csv`) and whose `**` matches any folders (`data/**/*.json`).
enum InputFiles {
    /// The absolute paths of the files under `folder` that `patterns` name,
    /// sorted; a pattern that names no file names itself, so that its file's
    /// appearing later changes the cache key.
    static func matching(_ patterns: [String], in folder: String) -> [String] {
        guard !patterns.isEmpty else { return [] }
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { relative in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        var found = Set<String>()
        for pattern in patterns {
            let named = files.filter { Self.matches($0, pattern) }
            if named.isEmpty { found.insert(folder + "/" + pattern) }
            for match in named { found.insert(folder + "/" + match) }
        }
        return found.sorted()
    }

    /// Whether relative path `path` matches `pattern`.
    static func matches(_ path: String, _ pattern: String) -> Bool {
        func match(_ path: Substring, _ pattern: Substring) -> Bool {
            if pattern.isEmpty { return path.isEmpty }
            if pattern.hasPrefix("**/") {
                let rest = pattern.dropFirst(3)
                if match(path, rest) { return true }
                var remainder = path
                while let slash = remainder.firstIndex(of: "/") {
                    remainder = remainder[remainder.index(after: slash)...]
                    if match(remainder, rest) { return true }
                }
                return false
            }
            if pattern.first == "*" {
                let rest = pattern.dropFirst()
                var index = path.startIndex
                while true {
                    if match(path[index...], rest) { return true }
                    guard index < path.endIndex, path[index] != "/" else { return false }
                    index = path.index(after: index)
                }
            }
            guard let first = path.first, first == pattern.first else { return false }
            return match(path.dropFirst(), pattern.dropFirst())
        }
        return match(path[...], pattern[...])
    }
}
