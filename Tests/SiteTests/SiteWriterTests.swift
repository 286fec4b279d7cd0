import Foundation
import Literate
import Testing
@testable import Site

/// The site is swapped in whole, or not at all.
@Suite struct SiteWriterTests {
    static func temporary() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    static func site(_ files: [String: String]) -> SiteFiles {
        var site = SiteFiles()
        for (path, text) in files { site.add(path, text) }
        site.add(SiteBuilder.marker, "site\n")
        return site
    }

    @Test func replacesTheWholeFolder() throws {
        let root = try Self.temporary()
        let target = root + "/_site"
        try SiteWriter.write(Self.site(["index.html": "one", "01-a.html": "a", "assets/x.css": "x"]), to: target)
        #expect(FileManager.default.contents(atPath: target + "/01-a.html") == Data("a".utf8))
        try SiteWriter.write(Self.site(["index.html": "two"]), to: target + "/")
        #expect(FileManager.default.contents(atPath: target + "/index.html") == Data("two".utf8))
        #expect(!FileManager.default.fileExists(atPath: target + "/01-a.html"), "files of removed chapters disappear")
        #expect(!FileManager.default.fileExists(atPath: target + "/assets"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["_site"], "no temporary folder is left behind")
    }

    @Test func aTargetThatIsASymbolicLinkStaysOneAndItsFolderIsReplaced() throws {
        let root = try Self.temporary()
        try SiteWriter.write(Self.site(["index.html": "one"]), to: root + "/real")
        try FileManager.default.createSymbolicLink(atPath: root + "/published", withDestinationPath: "real")
        try SiteWriter.write(Self.site(["index.html": "two"]), to: root + "/published")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/published") == "real", "the link is kept")
        #expect(FileManager.default.contents(atPath: root + "/real/index.html") == Data("two".utf8), "the folder it leads to is new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["published", "real"])
    }

    @Test func removesWhatAStoppedBuildLeft() throws {
        let root = try Self.temporary()
        // No process has this id (above the kernel's limit).
        try FileManager.default.createDirectory(atPath: root + "/._site.building-99999999", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/._site.old-99999999", withIntermediateDirectories: true)
        try SiteWriter.write(Self.site(["index.html": "x"]), to: root + "/_site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["_site"])
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let root = try Self.temporary()
        try Data("notes".utf8).write(to: URL(fileURLWithPath: root + "/notes.md"))
        #expect {
            try SiteWriter.write(Self.site(["index.html": "x"]), to: root)
        } throws: { error in
            (error as? Diagnostic)?.message.contains("it is not a site that 'lecture build' made") == true
        }
        #expect(FileManager.default.contents(atPath: root + "/notes.md") == Data("notes".utf8))
    }

    @Test func writesIntoAnEmptyOrNewFolder() throws {
        let root = try Self.temporary()
        try SiteWriter.write(Self.site(["index.html": "x"]), to: root)
        try SiteWriter.write(Self.site(["index.html": "y"]), to: root + "/deeper/site")
        #expect(FileManager.default.contents(atPath: root + "/deeper/site/index.html") == Data("y".utf8))
    }
}
