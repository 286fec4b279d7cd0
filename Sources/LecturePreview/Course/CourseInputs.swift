import Foundation
import Site

/// What the site of a course is made from, as the preview watches it: the
/// lectures folder (chapters, `course.json`, the files chapters read or link),
/// the theme folder, and the sources of the libraries the chapters link with
/// the manifests of their packages: the course package's, and the lecture
/// companion's when the course has it on disk elsewhere (a path dependency;
/// for this repository, both are the same). Fetched dependencies do not change
/// while the preview runs.
///
/// A library is watched as the whole `Sources/` folder of its package: a
/// change to a target the chapters do not link costs one look at the
/// library's sources, which then hash as before, and no build.
public struct CourseInputs: Sendable, Equatable {
    /// The lectures folder as given (chapter paths and diagnostics use it).
    public var lectures: String
    /// The course package's folder.
    public var packageRoot: String
    /// The theme folder given on the command line, if any.
    public var theme: String?
    /// The folder of the package that provides the runtime, once the library
    /// was prepared: its `site/` is the theme unless another is given.
    public var runtimePackage: String?

    public init(lectures: String, packageRoot: String, theme: String? = nil, runtimePackage: String? = nil) {
        self.lectures = lectures
        self.packageRoot = packageRoot
        self.theme = theme
        self.runtimePackage = runtimePackage
    }

    /// The theme folder, when it is known.
    public var themeFolder: String? {
        (theme ?? runtimePackage.map(Theme.folder(inPackage:))).map(WatchList.absolute)
    }

    var lecturesFolder: String { WatchList.absolute(lectures) }
    var courseFile: String { lecturesFolder + "/course.json" }

    /// The packages whose sources make the library.
    private var packages: [String] {
        var roots = [WatchList.absolute(packageRoot)]
        if let runtimePackage, !roots.contains(WatchList.absolute(runtimePackage)) { roots.append(WatchList.absolute(runtimePackage)) }
        return roots
    }

    private var sourceFolders: [String] { packages.map { $0 + "/Sources" } }
    private var manifests: [String] { packages.flatMap { [$0 + "/Package.swift", $0 + "/Package.resolved"] } }

    /// Everything to watch.
    public var watchList: WatchList {
        WatchList(folders: [lecturesFolder] + (themeFolder.map { [$0] } ?? []) + sourceFolders, files: manifests)
    }

    /// What a batch of changed paths means for the site.
    struct Changes: Equatable, Sendable {
        /// Chapter files (absolute paths) that changed, appeared or went away.
        var chapters: Set<String> = []
        /// Any chapter may have appeared or gone: list the folder again.
        var chapterList = false
        var courseInfo = false
        var theme = false
        /// The library's sources or manifest: build it again, run every chapter.
        var library = false
        /// Other files of the lectures folder (data a chapter reads, images it
        /// shows): run every chapter (the cache knows which read them) and copy
        /// them again.
        var lectureFiles = false

        var isEmpty: Bool { self == Changes() }
    }

    /// What `paths` (absolute, as the watcher reports them) mean. A path that
    /// is a watched folder or holds one stands for everything in it.
    func changes(_ paths: Set<String>) -> Changes {
        var changes = Changes()
        let lectures = lecturesFolder
        for path in paths {
            if Self.holds(path, lectures) {
                changes.chapterList = true
                changes.courseInfo = true
                changes.lectureFiles = true
            } else if path == courseFile {
                changes.courseInfo = true
            } else if Self.isChapter(path, in: lectures) {
                changes.chapters.insert(path)
                changes.chapterList = true
            } else if Self.holds(lectures, path) {
                changes.lectureFiles = true
            }
            if let theme = themeFolder, Self.holds(path, theme) || Self.holds(theme, path) { changes.theme = true }
            if manifests.contains(path) || sourceFolders.contains(where: { Self.holds(path, $0) || Self.holds($0, path) }) {
                changes.library = true
            }
        }
        return changes
    }

    /// Whether `path` names a chapter file of `folder`: a Markdown file right in
    /// it, not hidden (the rule of ``Course``).
    static func isChapter(_ path: String, in folder: String) -> Bool {
        guard path.hasPrefix(folder + "/") else { return false }
        let name = path.dropFirst(folder.count + 1)
        return !name.contains("/") && name.hasSuffix(".md") && !name.hasPrefix(".")
    }

    /// Whether `folder` is `path` or holds it.
    static func holds(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
