import Foundation

/// What the site of a course is made from, as the preview watches it: the
/// lectures folder (chapters, `course.json`, the files chapters read or link),
/// the theme folder, and the sources of the library the chapters link, with
/// the manifest of its package.
///
/// The library is watched as the whole `Sources/` folder of its package: a
/// change to a target the chapters do not link costs one look at the library's
/// sources, which then hash as before, and no build.
public struct CourseInputs: Sendable {
    /// The lectures folder as given (chapter paths and diagnostics use it).
    public var lectures: String
    public var theme: String
    public var packageRoot: String

    public init(lectures: String, theme: String, packageRoot: String) {
        self.lectures = lectures
        self.theme = theme
        self.packageRoot = packageRoot
    }

    var lecturesFolder: String { WatchList.absolute(lectures) }
    var themeFolder: String { WatchList.absolute(theme) }
    var sourcesFolder: String { WatchList.absolute(packageRoot + "/Sources") }
    var manifest: String { WatchList.absolute(packageRoot + "/Package.swift") }
    var courseFile: String { lecturesFolder + "/course.json" }

    /// Everything to watch.
    public var watchList: WatchList {
        WatchList(folders: [lecturesFolder, themeFolder, sourcesFolder], files: [manifest])
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
            if Self.holds(path, themeFolder) || Self.holds(themeFolder, path) { changes.theme = true }
            if path == manifest || Self.holds(path, sourcesFolder) || Self.holds(sourcesFolder, path) { changes.library = true }
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
