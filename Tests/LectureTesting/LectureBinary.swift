import Foundation

/// Runs the built `lecture` binary as a user would: in a folder, with its
/// standard output and error written to files (a child that fills one pipe
/// while the test reads the other would hang).
public enum LectureBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The binary next to the test bundle in the build folder.
    public static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lecture").path
    }

    /// The package the tests belong to, which the binary was built from.
    public static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The runner's cache that every test shares (this package's own), so the
    /// course library is built once for all the test courses.
    public static var sharedCache: String { packageRoot + "/.build-lecture" }

    /// Runs `lecture ARGUMENTS` in `directory`, with `NO_COLOR` and `CI` set,
    /// the shared cache, and `environment` added.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: directory, environment: environment)
        process.process.waitUntilExit()
        return try process.result()
    }

    /// A `lecture` process that runs while the test goes on.
    public struct Running {
        public let process: Process
        let out: URL
        let err: URL

        public func result() throws -> Result {
            Result(status: process.terminationStatus,
                   standardOutput: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                   standardError: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
        }
    }

    /// Starts `lecture ARGUMENTS` in `directory` and returns at once.
    public static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment.merging(["LECTURE_CACHE": sharedCache]) { $1 }.merging(environment) { $1 }
        variables["NO_COLOR"] = "1"
        variables["CI"] = "true"
        process.environment = variables
        let name = UUID().uuidString.prefix(8)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-out-\(name)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-err-\(name)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
