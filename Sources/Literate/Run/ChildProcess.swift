import Foundation
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a program in a process group of its own, with a time limit and a limit on
/// what it may write, through swift-subprocess (which waits for the child
/// without polling). A timeout, a program that writes too much, the
/// cancellation of the task that runs it, or an interrupt of the tool
/// (``RunningChildren``) ends the whole group: the program and every process
/// it started.
struct ChildProcess: Sendable {
    struct Result: Codable, Sendable, Equatable {
        /// The exit status, or the signal number when `signaled`.
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        /// It wrote more than its output limit and was stopped.
        var outputExceeded: Bool
        var seconds: Double
        /// The task that ran it was cancelled, and it was stopped (never
        /// recorded: a run kept in the cache is one that was not).
        var cancelled = false

        var succeeded: Bool { !signaled && !timedOut && !outputExceeded && !cancelled && status == 0 }

        enum CodingKeys: String, CodingKey {
            case status, signaled, timedOut, outputExceeded, seconds
        }
    }

    var executable: String
    var arguments: [String] = []
    /// Variables added to (or, when nil, removed from) the tool's environment;
    /// without `inheritsEnvironment`, the program's whole environment.
    var environment: [String: String?] = [:]
    /// Whether the program starts from the tool's environment.
    var inheritsEnvironment = true
    var directory: String?
    var timeout: Double?
    /// Bytes the program may write to the files of its standard output and
    /// error together before it is stopped.
    var outputLimit: Int?
    /// Called every `watchInterval` while the program runs, when the time
    /// and output limits are looked at.
    var watch: (@Sendable () -> Void)?
    var watchInterval: Duration

    init(executable: String, arguments: [String] = [], environment: [String: String?] = [:], inheritsEnvironment: Bool = true,
         directory: String? = nil, timeout: Double? = nil, outputLimit: Int? = nil, watchInterval: Duration = .milliseconds(100),
         watch: (@Sendable () -> Void)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.inheritsEnvironment = inheritsEnvironment
        self.directory = directory
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.watch = watch
        self.watchInterval = watchInterval
    }

    /// Runs the program with its standard output and error written to the files
    /// at `standardOutput` and `standardError` (made anew), and its standard
    /// input empty.
    func run(standardOutput: String, standardError: String) async throws -> Result {
        let out = try FileDescriptor.open(FilePath(standardOutput), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
        let err = try FileDescriptor.open(FilePath(standardError), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
        let sizes = { @Sendable () -> Int in
            [standardOutput, standardError].reduce(0) { total, path in
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
            }
        }
        return try await launch(output: .fileDescriptor(out, closeAfterSpawningProcess: true),
                                error: .fileDescriptor(err, closeAfterSpawningProcess: true), written: sizes)
    }

    /// Runs the program and returns what it wrote to its standard output and
    /// error, together (at most `limit` bytes of each are kept).
    func capture(limit: Int = 4_000_000) async throws -> (Result, String) {
        let (result, output, errors) = try await captureSeparately(limit: limit)
        return (result, output + errors)
    }

    /// Runs the program and returns what it wrote to its standard output, and
    /// to its standard error.
    func captureSeparately(limit: Int = 4_000_000) async throws -> (Result, standardOutput: String, standardError: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lecture-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        RunningChildren.addScratch(folder)
        defer { RunningChildren.removeScratch(folder) }
        let result = try await run(standardOutput: folder + "/out", standardError: folder + "/err")
        let texts = [folder + "/out", folder + "/err"].map { path in
            String(decoding: (FileManager.default.contents(atPath: path) ?? Data()).suffix(limit), as: UTF8.self)
        }
        return (result, texts[0], texts[1])
    }

    private func launch(output: FileDescriptorOutput, error: FileDescriptorOutput, written: @escaping @Sendable () -> Int) async throws -> Result {
        let options = { () -> PlatformOptions in
            var options = PlatformOptions()
            options.processGroupID = 0
            return options
        }()
        let start = ContinuousClock.now
        let state = LaunchState()
        let variables = Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })
        let programEnvironment: Environment = inheritsEnvironment
            ? .inherit.updating(variables) : .custom(variables.compactMapValues { $0 })
        let execution = try await withThrowingTaskGroup(of: TerminationStatus?.self) { tasks in
            tasks.addTask {
                let result = try await Subprocess.run(
                    .path(FilePath(executable)), arguments: Arguments(arguments),
                    environment: programEnvironment, workingDirectory: directory.map { FilePath($0) },
                    platformOptions: options, input: .none, output: output, error: error
                ) { execution in
                    let pid = execution.processIdentifier.value
                    state.group.withLock { $0 = pid }
                    RunningChildren.add(pid)
                }
                state.group.withLock { pid in
                    if let pid { RunningChildren.remove(pid) }
                    pid = nil
                }
                return result.terminationStatus
            }
            tasks.addTask {
                // The watchdog: progress, the time limit and the output limit.
                while !Task.isCancelled {
                    try? await Task.sleep(for: watchInterval)
                    guard !Task.isCancelled else { break }
                    watch?()
                    let late = timeout.map { ContinuousClock.now - start > .seconds($0) } ?? false
                    let verbose = outputLimit.map { written() > $0 } ?? false
                    guard late || verbose else { continue }
                    state.ended.withLock { $0 = (late, verbose && !late, false) }
                    state.group.withLock { pid in
                        if let pid { kill(-pid, SIGKILL) }
                    }
                    return nil
                }
                // Cancelled: by the caller while the program runs (its group
                // is still known), or once it ended (it no longer is).
                state.group.withLock { pid in
                    if let pid {
                        kill(-pid, SIGKILL)
                        state.ended.withLock { $0.cancelled = true }
                    }
                }
                return nil
            }
            var status: TerminationStatus?
            for try await finished in tasks where finished != nil {
                status = finished
                tasks.cancelAll()
            }
            return status
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let (timedOut, exceeded, cancelled) = state.ended.withLock { $0 }
        let (status, signaled): (Int32, Bool) = switch execution {
        case .exited(let code)?: (code, false)
        case .signaled(let signal)?: (signal, true)
        default: (-1, false)
        }
        return Result(status: status, signaled: signaled, timedOut: timedOut, outputExceeded: exceeded, seconds: seconds, cancelled: cancelled)
    }
}

/// What the launching task and its watchdog share: the child's process group,
/// and why the watchdog ended it.
private final class LaunchState: Sendable {
    let group = Mutex<pid_t?>(nil)
    let ended = Mutex<(timedOut: Bool, exceeded: Bool, cancelled: Bool)>((false, false, false))
}

/// The process groups of the children that are running, so that an interrupt
/// of the tool (Ctrl-C, SIGTERM) ends them too: each child runs in a group of
/// its own, which the terminal's signals do not reach. The one process-wide
/// registry of the tool, as signals are process-wide.
public enum RunningChildren {
    /// The running children's process groups, and whether ``killAll()`` has
    /// been called, after which every child is killed as it registers.
    private static let groups = Mutex<(running: Set<pid_t>, stopping: Bool)>(([], false))
    private static let scratch = Mutex<Set<String>>([])

    /// A scratch folder in use, removed by ``killAll()``.
    static func addScratch(_ folder: String) {
        scratch.withLock { _ = $0.insert(folder) }
    }

    static func removeScratch(_ folder: String) {
        scratch.withLock { _ = $0.remove(folder) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func add(_ group: pid_t) {
        groups.withLock { groups in
            if groups.stopping {
                kill(-group, SIGKILL)
            } else {
                groups.running.insert(group)
            }
        }
    }

    static func remove(_ group: pid_t) {
        groups.withLock { _ = $0.running.remove(group) }
    }

    /// Whether ``killAll()`` was called: a run that ends now was stopped, and
    /// says nothing of its chapter.
    public static var stopping: Bool { groups.withLock { $0.stopping } }

    /// Kills every running child's process group, and every child that
    /// registers from now on, and removes the scratch folders in use: for a
    /// tool that exits next. It waits 50 ms for children started just before
    /// to register (and be killed), so that none outlives the tool.
    public static func killAll() {
        let killRegistered = {
            groups.withLock { groups in
                groups.stopping = true
                for group in groups.running { kill(-group, SIGKILL) }
                groups.running.removeAll()
            }
        }
        killRegistered()
        usleep(50_000)
        killRegistered()
        scratch.withLock { all in
            for folder in all { try? FileManager.default.removeItem(atPath: folder) }
            all.removeAll()
        }
    }
}
