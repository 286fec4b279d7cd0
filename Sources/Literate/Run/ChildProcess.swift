import Foundation

/// Runs a program in a child process with a time limit, collecting what it prints.
struct ChildProcess {
    struct Result: Codable, Sendable {
        /// The exit status, or the signal number when `signaled`.
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var standardOutput: String
        var standardError: String
        var seconds: Double

        var succeeded: Bool { !signaled && !timedOut && status == 0 }
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String] = [:]
    var directory: String?
    var timeout: Double?
    /// Called about ten times a second with what the program printed so far.
    var watch: (@Sendable (String) -> Void)?

    /// Runs the program to its end, or kills it at the time limit. Its output goes to
    /// files rather than pipes, so a chatty child never blocks on a full pipe.
    func run() async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("lecture-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var timedOut = false
        var lastLook = start
        while process.isRunning {
            if let watch, Date().timeIntervalSince(lastLook) > 0.1 {
                lastLook = Date()
                watch(String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self))
            }
            if let timeout, Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                break
            }
            try? await Task.sleep(for: .milliseconds(4))
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            standardOutput: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            standardError: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
            seconds: Date().timeIntervalSince(start)
        )
    }
}
