import Foundation
import LectureTesting
import Testing

/// A course is a Swift package: the example course in `Examples/`, which
/// imports swift-numerics and a library target of its own, through the built
/// binary, from wherever the binary is.
@Suite(.serialized) struct CoursePackageTests {
    static let example = URL(fileURLWithPath: LectureBinary.packageRoot).appendingPathComponent("Examples/numerics-course")

    /// A copy of the example course in a folder of its own (its dependency on
    /// this package by a path that still holds), with its own cache.
    static func exampleCopy() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("course-copy-\(UUID().uuidString)")
        let copy = parent.appendingPathComponent("numerics-course")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "lectures"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let manifest = copy.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: ".package(path: \"../..\")", with: ".package(path: \"\(LectureBinary.packageRoot)\")")
        try Data(text.utf8).write(to: manifest)
        return copy
    }

    func lecture(_ arguments: [String], in folder: URL, cache: URL? = nil) throws -> LectureBinary.Result {
        try LectureBinary.run(arguments, in: folder, environment: ["LECTURE_CACHE": (cache ?? folder.appendingPathComponent(".build-lecture")).path])
    }

    @Test func theExampleCourseVerifiesFromItsOwnFolder() throws {
        let result = try lecture(["verify"], in: Self.example)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "verify: 2 passed, 0 failed\n")
    }

    @Test func aCopiedBinaryVerifiesACourseElsewhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("installed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let installed = folder.appendingPathComponent("lecture")
        try FileManager.default.copyItem(atPath: LectureBinary.path, toPath: installed.path)
        let process = Process()
        process.executableURL = installed
        process.arguments = ["verify", "--package-path", Self.example.path]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["CI": "true", "LECTURE_CACHE": Self.example.appendingPathComponent(".build-lecture").path]) { $1 }
        let out = folder.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        let printed = try String(contentsOf: out, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("verify: 2 passed, 0 failed"))
    }

    @Test func editingTheCoursesLibraryRebuildsOnlyTheChaptersThatImportIt() throws {
        let copy = try Self.exampleCopy()
        #expect(try lecture(["verify"], in: copy).status == 0)
        let source = copy.appendingPathComponent("Sources/Polynomials/Polynomial.swift")
        try Data((try String(contentsOf: source, encoding: .utf8) + "\n// A comment that changes the library's sources.\n").utf8).write(to: source)
        let edited = try lecture(["verify", "--verbose"], in: copy)
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(edited.standardError.contains("building the course library"), "\(edited.standardError)")
        #expect(edited.standardError.contains("lectures/02-newtons-method.md: compiling the chapter: the library changed"), "\(edited.standardError)")
        #expect(!edited.standardError.contains("01-roots-of-unity.md: compiling"), "chapter 1 does not import Polynomials\n\(edited.standardError)")

        // A new dependency changes what the library is made of.
        let manifest = copy.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "        .package(url: \"https://github.com/apple/swift-numerics\", exact: \"1.1.1\"),",
                                           with: "        .package(url: \"https://github.com/apple/swift-numerics\", exact: \"1.1.1\"),\n        .package(url: \"https://github.com/apple/swift-algorithms\", from: \"1.2.1\"),").utf8).write(to: manifest)
        try Data(#"{"title": "Numbers", "imports": ["Algorithms"]}"#.utf8).write(to: copy.appendingPathComponent("lectures/course.json"))
        let added = try lecture(["verify", "--verbose"], in: copy)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardError.contains("building the course library (Algorithms"), "\(added.standardError)")
        #expect(added.standardError.contains("01-roots-of-unity.md: compiling the chapter"), "every chapter imports the new product\n\(added.standardError)")
    }

    @Test func anUnknownImportIsAnErrorAtItsLine() throws {
        let course = try Workspace(["01-a.md": "# A\n\n```swift\nprint(1)\n```\n", "course.json": "{\n  \"title\": \"A\",\n  \"imports\": [\"Neural\", \"Nope\"]\n}\n"])
        let result = try course.lecture("verify")
        #expect(result.status == 2)
        #expect(result.standardError.contains("lectures/course.json:3:1: error: no library product 'Nope' in the course package or its dependencies; the products are: Charts, LectureRuntime, Neural"),
                "\(result.standardError)")
        #expect(try course.read("01-a.md") == "# A\n\n```swift\nprint(1)\n```\n")
    }

    @Test func aFolderThatIsNotAPackageSaysWhatToWrite() throws {
        let course = try Workspace(["01-a.md": "# A\n"])
        try FileManager.default.removeItem(at: course.root.appendingPathComponent("Package.swift"))
        let result = try course.lecture("verify")
        #expect(result.status == 2)
        #expect(result.standardError.contains("is not a Swift package") && result.standardError.contains("dependencies: [.package("), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: course.root.appendingPathComponent("Package.swift").path))
    }

    @Test func aPackageWithoutTheRuntimeSaysWhatToAdd() throws {
        let course = try Workspace(["01-a.md": "# A\n\n```swift\nprint(1)\n```\n"])
        let manifest = "// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: \"Alone\")\n"
        try Data(manifest.utf8).write(to: course.root.appendingPathComponent("Package.swift"))
        let result = try course.lecture("verify")
        #expect(result.status == 2)
        #expect(result.standardError.contains("Package.swift:1:1: error: the course package does not depend on the lecture companion"), "\(result.standardError)")
        #expect(result.standardError.contains(".package(path: \"\(LectureBinary.packageRoot)\")"))
        #expect(try String(contentsOf: course.root.appendingPathComponent("Package.swift"), encoding: .utf8) == manifest)
    }

    /// A library that stops building is named as the trouble; put back as it
    /// was, it builds again (the failed build removed modules of the last good
    /// one), and its chapters compile.
    @Test func aCourseLibraryThatDoesNotBuildIsNamedAsSuchAndBuildsAgainWhenMended() throws {
        let chapter = "# A\n\n<!-- lecture imports=Broken -->\n\n```swift\nimport Broken\nprint(x)\n```\n```output\n1\n```\n"
        let course = try Workspace(["01-a.md": chapter])
        let manifest = "// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: \"Course\", products: [.library(name: \"Broken\", targets: [\"Broken\"])], dependencies: [.package(path: \"\(LectureBinary.packageRoot)\")], targets: [.target(name: \"Broken\")])\n"
        try Data(manifest.utf8).write(to: course.root.appendingPathComponent("Package.swift"))
        try FileManager.default.createDirectory(at: course.root.appendingPathComponent("Sources/Broken"), withIntermediateDirectories: true)
        let source = course.root.appendingPathComponent("Sources/Broken/Broken.swift")
        let cache = ["LECTURE_CACHE": course.root.appendingPathComponent(".build-lecture").path]
        try Data("public let x: Int = 1\n".utf8).write(to: source)
        let good = try course.lecture("verify", environment: cache)
        #expect(good.status == 0, "\(good.standardError)")

        try Data("public let x: Int = \"not a number\"\n".utf8).write(to: source)
        let result = try course.lecture("verify", environment: cache)
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: the course's library does not build: this is the course package or its dependencies, not a chapter"), "\(result.standardError)")
        #expect(result.standardError.contains("Broken.swift:1:21: error: cannot convert value of type 'String' to specified type 'Int'"))

        try Data("public let x: Int = 1\n".utf8).write(to: source)
        try course.write("01-a.md", chapter.replacingOccurrences(of: "print(x)", with: "print(x * 2)").replacingOccurrences(of: "```output\n1\n", with: "```output\n2\n"))
        let mended = try course.lecture("verify", environment: cache)
        #expect(mended.status == 0, "\(mended.standardError)")
    }

    @Test func shardsSplitTheChaptersOnce() throws {
        var files: [String: String] = [:]
        for number in 1...7 { files["0\(number)-c.md"] = "# C\(number)\n" }
        let course = try Workspace(files)
        var seen: [String] = []
        for shard in 1...3 {
            let result = try course.lecture("verify", "--shard", "\(shard)/3")
            #expect(result.status == 0, "\(result.standardError)")
            seen += result.standardError.split(separator: "\n").compactMap { line in line.split(separator: ":").first.map(String.init) }
                .filter { $0.hasSuffix("-c") }
        }
        #expect(seen.sorted() == (1...7).map { "0\($0)-c" }, "every chapter in exactly one shard")
        #expect(try course.lecture("verify", "--shard", "4/3").status == 2)
    }

    @Test func theWorkflowIsValidYAMLThatShardsTheCourse() throws {
        let workflow = LectureBinary.packageRoot + "/.github/workflows/course.yml"
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", """
            import sys, yaml
            workflow = yaml.safe_load(open(sys.argv[1]))
            matrix = workflow['jobs']['verify']['strategy']['matrix']['shard']
            steps = ' '.join(step.get('run', '') for step in workflow['jobs']['verify']['steps'])
            assert '--shard ${{ matrix.shard }}/%d' % len(matrix) in steps, steps
            assert any(step.get('uses', '').startswith('actions/deploy-pages') for step in workflow['jobs']['publish']['steps'])
            """, workflow]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "the workflow parses as YAML, verifies in shards and publishes to Pages")
    }
}
