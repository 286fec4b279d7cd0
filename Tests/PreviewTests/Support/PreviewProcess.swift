import Foundation
import LectureTesting

/// `lecture preview --port 0` running on a workspace's course, as an author
/// starts it, with what it printed read as it goes (from files: a child that
/// fills one pipe while the test reads the other would hang).
struct PreviewProcess {
    let process: Process
    let output: URL
    let errors: URL
    let port: UInt16
    /// The temporary folder the preview said it keeps its site in.
    let siteFolder: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts the preview and waits until it serves (the first build may build
    /// the library the chapters link: minutes on a fresh machine).
    static func start(in workspace: Workspace, arguments: [String] = [], environment: [String: String] = [:],
                      timeout: Double = 900) throws -> PreviewProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LectureBinary.path)
        process.arguments = ["preview", "--port", "0"] + arguments
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment
            .merging(["NO_COLOR": "1", "CI": "true", "LECTURE_CACHE": LectureBinary.sharedCache]) { $1 }
            .merging(environment) { $1 }
        let output = workspace.root.appendingPathComponent("preview-stdout.txt")
        let errors = workspace.root.appendingPathComponent("preview-stderr.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("preview: serving ") }),
               let port = line.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//).flatMap({ UInt16($0.1) }),
               let folder = line.firstMatch(of: /the site is in ([^)]+)\)/).map({ String($0.1) }) {
                return PreviewProcess(process: process, output: output, errors: errors, port: port, siteFolder: folder)
            }
            guard process.isRunning else {
                let problems = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                throw Failure(description: "the preview ended with status \(process.terminationStatus):\n\(printed)\(problems)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw Failure(description: "the preview did not serve within \(Int(timeout)) s")
    }

    var standardOutput: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    func get(_ target: String) throws -> LoopbackHTTP.Response {
        try LoopbackHTTP.get(target, port: port)
    }

    /// The session and version a page was served from, as its script subscribes with them.
    func subscription(of page: String) throws -> (session: String, since: Int) {
        let body = try get("/" + page).body
        guard let match = body.firstMatch(of: /_preview\/events\?session=([0-9a-z]+)&since=(\d+)/), let since = Int(match.2) else {
            throw Failure(description: "\(page) has no reload script")
        }
        return (String(match.1), since)
    }

    func listen(from page: String) throws -> EventListener {
        let (session, since) = try subscription(of: page)
        return try EventListener(port: port, session: session, since: since)
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the end: the exit status.
    func interrupt() -> Int32 {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
