import ArgumentParser
import Foundation
import Literate
import Site

/// `lecture preview`: serves the course on 127.0.0.1 and shows each saved edit
/// in the open pages. The server is a program of its own, `lecture-preview`
/// (the only one that links an HTTP server library), which this command
/// replaces itself with; when it is not beside this binary it is built first,
/// once, so that students who never preview never build it.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the course on 127.0.0.1 and show each saved edit in the open pages.",
        discussion: """
        Builds the site into a private temporary folder (never _site/), serves it
        at http://127.0.0.1:PORT/ (the address is printed), and watches the
        lectures, course.json, the theme and the library's sources. On a save,
        the chapters whose inputs changed run again, their pages, the navigation
        and the search index are rebuilt, and each open page that changed reloads
        where it was scrolled to. A chapter that fails shows its diagnostics over
        the page, as the terminal prints them, and the other cells' last good
        output; fixing it clears them. Only files of the site are served, only on
        the loopback address. Ctrl-C stops the server, the chapter programs and
        the watcher, and removes the temporary site.

        Examples:
          lecture preview
          lecture preview --port 0          # a free port
          lecture preview --lectures other-course/lectures

        Exit status: 2 when it cannot start (the port is taken, a bad theme or
        course.json); 128 + the signal's number when stopped.
        """
    )

    @OptionGroup var options: PreviewOptions

    func run() throws {
        // A folder that is no course package is said here, before any build.
        do { _ = try options.coursePackage() } catch { throw Failure.usage(error.description) }
        let server = try Self.server()
        let arguments = [server] + options.arguments
        // The server sets its own signal handling: start it from the defaults.
        for signal in [SIGINT, SIGTERM, SIGHUP] { Foundation.signal(signal, SIG_DFL) }
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        let pointers = arguments.map { strdup($0) } + [nil]
        execv(server, pointers)
        throw Failure.usage("preview: cannot start '\(server)': \(String(cString: strerror(errno)))")
    }

    static let serverName = "lecture-preview"

    /// `lecture-preview` beside this binary, built first when this binary is in
    /// a SwiftPM build folder (`SCRATCH/TRIPLE/CONFIGURATION/`) without it.
    static func server() throws(Failure) -> String {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = binary.deletingLastPathComponent()
        let server = folder.appendingPathComponent(serverName).path
        if FileManager.default.isExecutableFile(atPath: server) { return server }
        let configuration = folder.lastPathComponent
        let scratch = folder.deletingLastPathComponent().deletingLastPathComponent().path
        guard ["debug", "release"].contains(configuration) else {
            throw .usage("preview: no \(serverName) beside '\(binary.path)'; build it with: swift build --product \(serverName)")
        }
        printError("preview: building \(serverName), the preview's server, once (\(configuration))")
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--package-path", BuildCache.defaultPackageRoot, "--scratch-path", scratch,
                           "-c", configuration, "--product", serverName]
        build.standardOutput = FileHandle.standardError
        do {
            try build.run()
            build.waitUntilExit()
        } catch {
            throw .usage("preview: cannot run swift build: \(error.localizedDescription)")
        }
        guard build.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: server) else {
            throw .usage("preview: building \(serverName) failed; build it with: swift build --product \(serverName)")
        }
        return server
    }
}

/// The options of `lecture preview`, which `lecture-preview` reads as well.
public struct PreviewOptions: ParsableArguments {
    @OptionGroup var course: CourseOptions
    @OptionGroup var jobsOption: JobsOption

    @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1 to serve on; 0 picks a free one.", valueName: "n"))
    public var port = 8000

    @Option(name: .long, help: ArgumentHelp("The theme folder (default: the lecture companion's site/ folder).", valueName: "dir"))
    public var theme: String?

    @Option(name: .long, help: ArgumentHelp("Where KaTeX is installed.", valueName: "dir"))
    public var katex = KaTeXAssets.defaultFolder

    @Option(name: .long, help: ArgumentHelp("Seconds a chapter program may run, and compile (at least 60), before it is stopped (default: the chapter's own limit, or 300).", valueName: "seconds"))
    public var timeout: Double?

    @Flag(name: .long, help: "Look for changes every 0.25 s instead of being told by the kernel (inotify), for folders whose changes inotify does not see.")
    public var poll = false

    public init() {}

    public var jobs: Int { jobsOption.jobs }

    /// The course package these options name.
    public func coursePackage() throws(Diagnostic) -> CoursePackage {
        try CoursePackage.locate(course.packagePath, lectures: course.lectures)
    }

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        if let timeout, !ChapterRunner.isTimeout(timeout) { throw ValidationError("--timeout must be a positive number of seconds, at most a year (31536000)") }
    }

    /// The command line that gives these options to `lecture-preview`.
    var arguments: [String] {
        var arguments = ["--jobs", String(jobs), "--port", String(port), "--katex", katex]
        if let packagePath = course.packagePath { arguments += ["--package-path", packagePath] }
        if let lectures = course.lecturesOption { arguments += ["--lectures", lectures] }
        if let theme { arguments += ["--theme", theme] }
        if let timeout { arguments += ["--timeout", String(timeout)] }
        if poll { arguments.append("--poll") }
        return arguments
    }
}
