import Foundation

/// Where the runner keeps what it built and ran: a git-ignored folder of the
/// course package (`.build-lecture/`, or `LECTURE_CACHE` when set), keyed by
/// content hashes of everything a build or run depends on.
///
/// - `harness/NAME/`: the optimized library chapters link (``CourseLibrary``),
///   one folder per set of packages it is made of;
/// - `packages/`: what SwiftPM said of the course's packages;
/// - `chapters/KEY/`: a compiled program and the hash of its executable, or the
///   compiler's errors when the program itself does not compile;
/// - `runs/KEY.json`: a recorded run with the hash of its contents;
/// - `scratch/PID-…/`: folders of runs in progress, removed when they end (and
///   at the next start, when the process that made them is gone).
///
/// What is reused is checked first: a damaged executable or record is built or
/// run again, never believed.
public struct BuildCache: Sendable {
    /// The course package's folder.
    public var packageRoot: String
    public var folder: String

    public init(packageRoot: String) {
        self.packageRoot = packageRoot
        let chosen = ProcessInfo.processInfo.environment["LECTURE_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        self.folder = chosen ?? packageRoot + "/.build-lecture"
    }

    /// The checkout this tool was built from, which may be gone: only messages
    /// that suggest a path to it use it.
    public static var defaultPackageRoot: String {
        // This file is <root>/Sources/Literate/Build/BuildCache.swift.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    public func path(_ components: String...) -> String {
        ([folder] + components).joined(separator: "/")
    }

    /// A new scratch folder for one run, under `scratch/`, named after this process.
    func scratchFolder() throws -> String {
        let scratch = path("scratch", "\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        RunningChildren.addScratch(scratch)
        return scratch
    }

    /// Removes the scratch folders of processes that are gone (runs that an
    /// interrupt or a kill stopped half-way).
    public func removeLeftoverScratch() {
        let scratch = path("scratch")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? [] {
            guard let pid = Int32(name.prefix { $0 != "-" }), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: scratch + "/" + name)
        }
    }

    /// Writes `contents` to `path` through a temporary file and a rename, so a reader
    /// never sees half a file.
    static func writeAtomically(_ contents: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(path): \(String(cString: strerror(code)))"])
        }
    }

    /// The SHA-256 of the file at `path`, or nil when it cannot be read.
    static func digest(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = SHA256()
        hash.update(data)
        return hash.finalize()
    }

    static func digest(_ text: String) -> String {
        var hash = SHA256()
        hash.update(text)
        return hash.finalize()
    }
}

extension BuildCache {
    /// Runs `body` while holding the cache's lock file `name` (`flock`): runs
    /// of the tool that share a cache (tests, two terminals) build the library
    /// and ask SwiftPM about packages one at a time, and the second finds the
    /// first one's work done.
    func exclusively<T>(_ name: String, _ body: () async throws(Diagnostic) -> T) async throws(Diagnostic) -> T {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(path(name + ".lock"), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
        defer { if descriptor >= 0 { close(descriptor) } }
        return try await body()
    }
}
