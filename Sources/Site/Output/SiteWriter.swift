import Foundation
import Literate

/// Writes a site atomically: into a temporary folder next to the target, then
/// swapped in (the old site renamed away, the new one renamed in, the old one
/// deleted). A build that fails never touches the previous site, and files of
/// removed chapters disappear with the old folder. A target that is a
/// symbolic link stays one: the folder it leads to is the one replaced.
public enum SiteWriter {
    public static func write(_ site: SiteFiles, to target: String) throws(Diagnostic) {
        let files = FileManager.default
        let written = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        let target = URL(fileURLWithPath: written).resolvingSymlinksInPath().path
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        try check(target)
        do {
            try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(at: nil, "cannot create '\(parent)': \(error.localizedDescription)")
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent + "/.\(name).building-\(pid)"
        let retired = parent + "/.\(name).old-\(pid)"
        removeLeftovers(of: name, in: parent)
        do {
            for path in site.paths {
                let destination = staging + "/" + path
                try files.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard files.createFile(atPath: destination, contents: Data(site.files[path]!)) else {
                    throw Diagnostic(at: nil, "cannot write '\(destination)'")
                }
            }
        } catch {
            try? files.removeItem(atPath: staging)
            throw (error as? Diagnostic) ?? Diagnostic(at: nil, "cannot write the site: \(error.localizedDescription)")
        }
        let hadSite = files.fileExists(atPath: target)
        if hadSite, rename(target, retired) != 0 {
            let reason = String(cString: strerror(errno))
            try? files.removeItem(atPath: staging)
            throw Diagnostic(at: nil, "cannot move the previous site at '\(target)' aside: \(reason)")
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            if hadSite { _ = rename(retired, target) }
            try? files.removeItem(atPath: staging)
            throw Diagnostic(at: nil, "cannot move the new site to '\(target)': \(reason)")
        }
        if hadSite { try? files.removeItem(atPath: retired) }
    }

    /// Whether `target` may receive a site: a build replaces a whole folder, so
    /// only one that a build made (it holds the marker file), an empty one, or
    /// one that does not exist yet.
    public static func check(_ target: String) throws(Diagnostic) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Diagnostic(at: nil, "'\(target)' is a file, not a site folder; choose another --out")
        }
        let contents = (try? files.contentsOfDirectory(atPath: target)) ?? []
        if !contents.isEmpty && !contents.contains(SiteBuilder.marker) {
            throw Diagnostic(at: nil, "will not replace '\(target)': it is not a site that 'lecture build' made (it has no \(SiteBuilder.marker) file); choose another --out or remove it")
        }
    }

    /// Removes the staging and retired folders of builds of `name` that were
    /// stopped half-way (their process is gone).
    private static func removeLeftovers(of name: String, in parent: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for candidate in names {
            for prefix in [".\(name).building-", ".\(name).old-"] where candidate.hasPrefix(prefix) {
                guard let pid = Int32(candidate.dropFirst(prefix.count)),
                      pid == ProcessInfo.processInfo.processIdentifier || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
                try? FileManager.default.removeItem(atPath: parent + "/" + candidate)
            }
        }
    }
}
