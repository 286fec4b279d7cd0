import Foundation
import Testing
@testable import Literate

/// A chapter is compiled with the module maps and include folders of the
/// course library's C modules, as SwiftPM passed them to the library: both
/// spellings of an include folder, and a module map after an include folder
/// given in two arguments, must come through whole.
@Suite struct CourseLibraryFlagsTests {
    static let compile = ["/usr/bin/swiftc", "-module-name", "LectureKit", "-O",
                          "-Xcc", "-fmodule-map-file=/b/CLookup.build/module.modulemap",
                          "-Xcc", "-I", "-Xcc", "/src/CLookup/include",
                          "-Xcc", "-fmodule-map-file=/b/checkouts/shims/module.modulemap",
                          "-Xcc", "-I/b/checkouts/shims/include", "-Xcc", "-fPIC", "-Xcc", "-g", "-j2"]

    @Test func includeFoldersAndModuleMapsComeThroughWhole() {
        #expect(CourseLibrary.moduleFlags(in: Self.compile) == [
            "-Xcc", "-fmodule-map-file=/b/CLookup.build/module.modulemap",
            "-Xcc", "-I", "-Xcc", "/src/CLookup/include",
            "-Xcc", "-fmodule-map-file=/b/checkouts/shims/module.modulemap",
            "-Xcc", "-I/b/checkouts/shims/include",
        ])
    }

    @Test func readFromTheBuildDescription() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/.build", withIntermediateDirectories: true)
        let arguments = String(decoding: try JSONEncoder().encode(Self.compile), as: UTF8.self)
        let description = """
        commands:
          "C.LectureKit-x86_64-unknown-linux-gnu-release.module":
            tool: shell
            description: "Compiling Swift Module 'LectureKit' (1 sources)"
            args: \(arguments)

        """
        try description.write(toFile: folder + "/.build/release.yaml", atomically: true, encoding: .utf8)
        #expect(CourseLibrary.clangFlags(ofBuildIn: folder) == CourseLibrary.moduleFlags(in: Self.compile))
        #expect(CourseLibrary.clangFlags(ofBuildIn: folder).contains("-fmodule-map-file=/b/checkouts/shims/module.modulemap"))
    }
}
