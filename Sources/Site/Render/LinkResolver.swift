import Foundation
import Literate

/// Resolves and checks the targets of a chapter's links and images.
///
/// - A target with a scheme (`https:`, `mailto:`) or starting with `//` leaves the
///   site and is written as it is; so is a fragment of the same page (`#x`).
/// - A link to another chapter, `03-backpropagation.md#the-chain-rule`, becomes
///   `03-backpropagation.html#the-chain-rule`; the fragment must be a heading of
///   that chapter, or it is an error.
/// - Any other relative target (an image, a data file, a Markdown file that is not
///   a chapter) is a file of the course: it must exist, it must be inside the
///   course folder, and the site gets a copy at the same relative path.
struct LinkResolver {
    /// The anchor ids of each chapter, by chapter id.
    var anchors: [String: Set<String>]
    /// The folder of the course's lectures.
    var courseFolder: String
    var fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }

    enum Resolution: Equatable {
        case href(String)
        /// A file of the course: the target to write, and its path relative to
        /// the course folder, which the site copies.
        case file(href: String, path: String)
        case broken(String)
    }

    func resolve(_ url: String) -> Resolution {
        if Self.isExternal(url) || url.hasPrefix("#") || url.isEmpty { return .href(url) }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let path = target.removingPercentEncoding ?? target
        guard !path.hasPrefix("/") else {
            return .broken("link to '\(url)', an absolute path; link to files of the course with paths relative to the lecture")
        }
        // Chapters are files of the course folder, so their links start there.
        let relative = Self.normalized((courseFolder as NSString).appendingPathComponent(path), under: courseFolder)
        guard let relative else {
            return .broken("link to '\(url)', which leaves the course folder '\(courseFolder)'")
        }
        if path.hasSuffix(".md"), !relative.contains("/"), case let chapter = String(relative.dropLast(3)), let known = anchors[chapter] {
            guard let fragment, !fragment.isEmpty else { return .href(chapter + ".html") }
            let anchor = fragment.removingPercentEncoding ?? fragment
            guard known.contains(anchor) else {
                let hint = Self.closest(anchor, in: known.sorted()).map { "; did you mean '#\($0)'?" } ?? ""
                return .broken("link to '#\(anchor)', which is not a heading of \(chapter).md\(hint)")
            }
            return .href(chapter + ".html#" + fragment)
        }
        guard fileExists((courseFolder as NSString).appendingPathComponent(relative)) else {
            if path.hasSuffix(".md") {
                return .broken("link to '\(target)', which is not a chapter of the course (chapters: \(anchors.keys.sorted().map { $0 + ".md" }.joined(separator: ", "))) nor a file in its folder")
            }
            return .broken("link to '\(url)', but there is no file '\(relative)' in the course folder '\(courseFolder)'")
        }
        // A symbolic link of the course folder must not bring a file from outside into the site.
        let real = Self.realPath((courseFolder as NSString).appendingPathComponent(relative))
        guard Self.normalized(real, under: Self.realPath(courseFolder)) != nil else {
            return .broken("link to '\(url)', a symbolic link to '\(real)', which is outside the course folder '\(courseFolder)'")
        }
        return .file(href: url, path: relative)
    }

    /// `path` with every symbolic link on the way followed.
    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// `path` relative to `folder` with `.` and `..` steps taken, or nil when it
    /// is not inside `folder`.
    static func normalized(_ path: String, under folder: String) -> String? {
        func components(_ text: String) -> [String]? {
            var result: [String] = []
            for part in text.split(separator: "/") where part != "." {
                if part == ".." {
                    guard !result.isEmpty, result.last != ".." else { return nil }
                    result.removeLast()
                } else {
                    result.append(String(part))
                }
            }
            return result
        }
        guard let full = components(path), let base = components(folder),
              full.count > base.count, Array(full.prefix(base.count)) == base else { return nil }
        return full.dropFirst(base.count).joined(separator: "/")
    }

    /// Whether `url` leaves the site: it has a scheme (`https:`, `mailto:`) or
    /// starts with `//`.
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The anchor of `known` that shares the longest prefix with `anchor`, if
    /// it shares at least half of it.
    private static func closest(_ anchor: String, in known: [String]) -> String? {
        let scored = known.map { candidate in (candidate, zip(candidate, anchor).prefix { $0 == $1 }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 * 2 >= anchor.count, best.1 > 0 else { return nil }
        return best.0
    }
}
