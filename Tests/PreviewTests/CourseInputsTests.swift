import Foundation
@testable import LecturePreview
import Testing

/// What a changed path means for the site, and which changes are real.
struct CourseInputsTests {
    let inputs = CourseInputs(lectures: "/course/lectures", packageRoot: "/course", runtimePackage: "/tool")

    @Test func eachKindOfInputIsToldApart() {
        var expected = CourseInputs.Changes()
        expected.chapters = ["/course/lectures/01-one.md"]
        expected.chapterList = true
        #expect(inputs.changes(["/course/lectures/01-one.md"]) == expected)

        #expect(inputs.changes(["/course/lectures/course.json"]).courseInfo)
        #expect(inputs.changes(["/course/lectures/course.json"]).chapters.isEmpty)
        #expect(inputs.changes(["/course/lectures/data/iris.csv"]) == CourseInputs.Changes(lectureFiles: true))
        #expect(inputs.changes(["/course/lectures/notes/01-draft.md"]) == CourseInputs.Changes(lectureFiles: true))
        #expect(inputs.changes(["/tool/site/assets/style.css"]) == CourseInputs.Changes(theme: true))
        #expect(inputs.changes(["/tool/Sources/Neural/Matrix.swift"]) == CourseInputs.Changes(library: true))
        #expect(inputs.changes(["/tool/Package.swift"]) == CourseInputs.Changes(library: true))
        #expect(inputs.changes(["/course/Sources/Polynomials/Polynomial.swift"]) == CourseInputs.Changes(library: true))
        #expect(inputs.changes(["/course/Package.resolved"]) == CourseInputs.Changes(library: true))
        #expect(inputs.changes(["/tool/README.md"]).isEmpty)
        #expect(inputs.changes(["/course/lectures-old/01-one.md"]).isEmpty)
    }

    @Test func aWatchedFolderThatWentAwayStandsForAllItHeld() {
        let changes = inputs.changes(["/course/lectures"])
        #expect(changes.chapterList && changes.courseInfo && changes.lectureFiles)
        #expect(inputs.changes(["/tool/site"]).theme)
        #expect(inputs.changes(["/tool/Sources/Charts"]).library)
    }

    @Test func theWatchListHoldsTheLecturesTheThemeAndTheLibraries() {
        #expect(inputs.watchList.folders == ["/course/lectures", "/tool/site", "/course/Sources", "/tool/Sources"])
        #expect(inputs.watchList.files == ["/course/Package.swift", "/course/Package.resolved", "/tool/Package.swift", "/tool/Package.resolved"])
        // Before the library says where the runtime is, and for a course that is the companion itself.
        let early = CourseInputs(lectures: "/tool/lectures", packageRoot: "/tool")
        #expect(early.watchList.folders == ["/tool/lectures", "/tool/Sources"])
        var given = CourseInputs(lectures: "/tool/lectures", packageRoot: "/tool", theme: "/themes/plain", runtimePackage: "/tool")
        #expect(given.watchList.folders == ["/tool/lectures", "/themes/plain", "/tool/Sources"])
        given.theme = nil
        #expect(given.watchList.subtracting(early.watchList).folders == ["/tool/site"])
    }

    @Test func anEditorsPassingFileIsNoChangeButADeletedFileIs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["01-one.md", "data/a.csv", "data/b.csv"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        var known = KnownFiles(WatchList(folders: [root]))
        #expect(known.changes([root + "/sedA1B2C3", root + "/4913"]).isEmpty)
        #expect(known.changes([root + "/01-one.md"]) == [root + "/01-one.md"])
        try FileManager.default.removeItem(atPath: root + "/01-one.md")
        #expect(known.changes([root + "/01-one.md"]) == [root + "/01-one.md"])
        #expect(known.changes([root + "/01-one.md"]).isEmpty)
        try FileManager.default.removeItem(atPath: root + "/data")
        #expect(known.changes([root + "/data"]) == [root + "/data"])
    }
}
