import Foundation

/// Runs the built `lecture` binary, as a user would, in a folder of its own.
struct LectureBinary {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The binary next to the test bundle in the build folder.
    static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lecture").path
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(environment) { $1 }) { $1 }
        process.environment?["CI"] = "true"
        let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: try String(contentsOf: out, encoding: .utf8),
                      standardError: try String(contentsOf: err, encoding: .utf8))
    }
}

/// A temporary course: a folder with a `lectures/` folder of the given files.
struct Course {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lectures"), withIntermediateDirectories: true)
        for (name, text) in files {
            try write(name, text)
        }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("lectures/" + name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("lectures/" + name), encoding: .utf8)
    }

    func lecture(_ arguments: String...) throws -> LectureBinary.Result {
        try LectureBinary.run(arguments, in: root)
    }
}
