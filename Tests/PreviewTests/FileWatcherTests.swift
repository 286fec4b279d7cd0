import Foundation
@testable import LecturePreview
import Synchronization
import Testing

/// The watcher reports what editors do to files, with inotify and by polling.
@Suite(.serialized)
struct FileWatcherTests {
    /// What a watcher reported, batch by batch.
    final class Reports: Sendable {
        let batches = Mutex<[Set<String>]>([])

        /// Waits until every path of `paths` was reported, or `timeout` seconds.
        func waitFor(_ paths: Set<String>, timeout: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let seen = batches.withLock { $0.reduce(into: Set<String>()) { $0.formUnion($1) } }
                if paths.isSubset(of: seen) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        var all: Set<String> { batches.withLock { $0.reduce(into: Set<String>()) { $0.formUnion($1) } } }

        func clear() { batches.withLock { $0 = [] } }
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/lectures", withIntermediateDirectories: true)
        try Data("# One\n".utf8).write(to: URL(fileURLWithPath: path + "/lectures/01-one.md"))
        try Data("// manifest\n".utf8).write(to: URL(fileURLWithPath: path + "/Package.swift"))
        try Data("// other\n".utf8).write(to: URL(fileURLWithPath: path + "/README.md"))
        return path
    }

    @Test(arguments: [FileWatcher.Method.inotify, .polling])
    func editsRenamesDeletionsAndNewFoldersAreReported(method: FileWatcher.Method) throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reports = Reports()
        let watcher = FileWatcher(WatchList(folders: [root + "/lectures"], files: [root + "/Package.swift"]), method: method) { batch in
            reports.batches.withLock { $0.append(batch) }
        }
        defer { watcher.stop() }
        #expect(watcher.method == method)
        let chapter = root + "/lectures/01-one.md"

        // Written in place.
        try Data("# One, edited\n".utf8).write(to: URL(fileURLWithPath: chapter))
        #expect(reports.waitFor([chapter]))

        // Saved as vim and VS Code do: a new file renamed over the old one.
        reports.clear()
        try Data("# One, renamed in\n".utf8).write(to: URL(fileURLWithPath: root + "/lectures/.01-one.md.swp"))
        #expect(rename(root + "/lectures/.01-one.md.swp", chapter) == 0)
        #expect(reports.waitFor([chapter]))
        #expect(!reports.all.contains(root + "/lectures/.01-one.md.swp"))

        // A new folder with a file, then a file in it.
        reports.clear()
        try FileManager.default.createDirectory(atPath: root + "/lectures/data", withIntermediateDirectories: false)
        try Data("1,2\n".utf8).write(to: URL(fileURLWithPath: root + "/lectures/data/points.csv"))
        #expect(reports.waitFor([root + "/lectures/data/points.csv"]))
        reports.clear()
        try Data("3,4\n".utf8).write(to: URL(fileURLWithPath: root + "/lectures/data/more.csv"))
        #expect(reports.waitFor([root + "/lectures/data/more.csv"]))

        // Deleted.
        reports.clear()
        try FileManager.default.removeItem(atPath: chapter)
        #expect(reports.waitFor([chapter]))

        // A single watched file, and its neighbour, which is not watched.
        reports.clear()
        try Data("// other, edited\n".utf8).write(to: URL(fileURLWithPath: root + "/README.md"))
        try Data("// manifest, edited\n".utf8).write(to: URL(fileURLWithPath: root + "/Package.swift"))
        #expect(reports.waitFor([root + "/Package.swift"]))
        #expect(!reports.all.contains(root + "/README.md"))
    }

    @Test func oneSaveArrivesAsOneBatchWithInotify() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reports = Reports()
        let watcher = FileWatcher(WatchList(folders: [root + "/lectures"]), method: .inotify) { batch in
            reports.batches.withLock { $0.append(batch) }
        }
        defer { watcher.stop() }
        // What `sed -i` does: a temporary file, written, renamed over the chapter.
        let temporary = root + "/lectures/sedX1b2c3"
        try Data("# One, by sed\n".utf8).write(to: URL(fileURLWithPath: temporary))
        #expect(rename(temporary, root + "/lectures/01-one.md") == 0)
        #expect(reports.waitFor([root + "/lectures/01-one.md"]))
        Thread.sleep(forTimeInterval: 0.1)
        #expect(reports.batches.withLock { $0.count } == 1)
    }

    @Test func aStoppedWatcherReportsNothingMore() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reports = Reports()
        let watcher = FileWatcher(WatchList(folders: [root + "/lectures"])) { batch in
            reports.batches.withLock { $0.append(batch) }
        }
        watcher.stop()
        try Data("# One, edited\n".utf8).write(to: URL(fileURLWithPath: root + "/lectures/01-one.md"))
        #expect(!reports.waitFor([root + "/lectures/01-one.md"], timeout: 0.6))
    }
}
