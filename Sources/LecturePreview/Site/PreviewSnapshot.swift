import Foundation

/// One version of the preview site as it is served: the files a build made,
/// and the diagnostics its pages show over their content, as the terminal
/// prints them.
struct PreviewSnapshot: Sendable {
    /// Counts the versions of this preview, from 1.
    var generation: Int
    /// File contents by path relative to the site's root.
    var files: [String: [UInt8]]
    /// What is wrong in each chapter, by the path of its page.
    var pageProblems: [String: [String]] = [:]
    /// What is wrong with the course as a whole (its theme, `course.json`, the
    /// library, a chapter that has no page): shown on every page.
    var courseProblems: [String] = []
    /// What a page says of its chapter while it still runs, by the page's path.
    var pageNotices: [String: String] = [:]

    static let indexPage = "index.html"

    /// The diagnostics shown on the page at `path`: the course's, then the
    /// chapter's; the index page shows every chapter's.
    func problems(on path: String) -> [String] {
        if path == Self.indexPage {
            return courseProblems + pageProblems.keys.sorted().flatMap { pageProblems[$0]! }
        }
        return courseProblems + (pageProblems[path] ?? [])
    }

    /// The paths whose content as served differs from `old`'s: files changed,
    /// added or removed, and pages whose diagnostics or notice changed.
    func changes(since old: PreviewSnapshot) -> Set<String> {
        var changed = Set<String>()
        for path in Set(files.keys).union(old.files.keys) {
            let shown = path.hasSuffix(".html") && (problems(on: path) != old.problems(on: path) || pageNotices[path] != old.pageNotices[path])
            if shown || !Self.same(files[path], old.files[path]) {
                changed.insert(path)
            }
        }
        return changed
    }

    /// Whether two files (or their absence) are equal, by `memcmp`: the
    /// standard library's `==` on arrays, compiled into the debug build that
    /// `swift run lecture preview` runs, compares byte by byte, and took a
    /// tenth of each save's site build.
    private static func same(_ a: [UInt8]?, _ b: [UInt8]?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}
