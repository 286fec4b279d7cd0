import Foundation
import Literate
import Synchronization

/// `lecture preview` from start to end: listens on 127.0.0.1 (before any
/// build, so that a port that is taken is said at once), watches the course's
/// inputs, builds every chapter, serves the site, then rebuilds what each save
/// changed until an interrupt. SIGINT, SIGTERM or SIGHUP stop the watcher and
/// the chapter programs and compilers that run (with their process groups),
/// remove the run's scratch folders and the site's temporary folder, and exit
/// with 128 + the signal's number.
///
/// Exit status: 2 when the preview cannot start (the port is taken, the theme
/// or `course.json` is wrong); a failing chapter never stops it.
public enum PreviewSession {
    public static func run(_ settings: PreviewSettings, port: UInt16, watch method: FileWatcher.Method? = nil,
                           log: PreviewLog = .terminal) async -> Never {
        let folder: SiteFolder
        do { folder = try SiteFolder.make() } catch {
            log.problem("preview: cannot make a temporary folder for the site: \(error.localizedDescription)")
            exit(2)
        }
        let server: PreviewServer
        let listening: UInt16
        do {
            server = try PreviewServer(port: port, snapshot: PreviewSnapshot(generation: 0, files: [:]))
            listening = try await server.start()
        } catch {
            log.problem("preview: cannot listen on \(PreviewServer.host):\(port): \(error.localizedDescription)")
            folder.remove()
            exit(2)
        }
        let address = "http://\(PreviewServer.host):\(listening)/"
        let (batches, delivery) = AsyncStream.makeStream(of: Set<String>.self)
        let course = PreviewCourse(settings, folder: folder, server: server, log: log)
        // What is known before the library is prepared is watched at once; the
        // runtime package's theme and sources once it says where it is.
        let watchers = Watchers()
        let early = await course.inputs.watchList
        watchers.add(FileWatcher(early, method: method) { delivery.yield($0) })
        let stop = { @Sendable in
            watchers.stop()
            RunningChildren.killAll()
            folder.remove()
        }
        let interrupts = [SIGINT, SIGTERM, SIGHUP].map { signal in
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                stop()
                exit(128 + signal)
            }
            source.resume()
            return source
        }
        log.status("preview: building the course for \(address)")
        let first: PreviewSnapshot
        do { first = try await course.start() } catch {
            log.problem(error.description)
            stop()
            exit(2)
        }
        let complete = await course.inputs.watchList
        let late = complete.subtracting(early)
        if !late.isEmpty { watchers.add(FileWatcher(late, method: method) { delivery.yield($0) }) }
        let pages = first.files.keys.filter { $0.hasSuffix(".html") }.count
        log.status("preview: serving \(pages) page\(pages == 1 ? "" : "s") at \(address) (the site is in \(folder.path));"
            + " watching \(complete.folders.count) folders with \(watchers.method); Ctrl-C stops")
        for await batch in batches {
            await course.changed(batch)
        }
        interrupts.forEach { $0.cancel() }
        stop()
        exit(0)
    }
}

/// The preview's watchers, stopped together.
private final class Watchers: Sendable {
    private let all = Mutex<[FileWatcher]>([])

    func add(_ watcher: FileWatcher) {
        all.withLock { $0.append(watcher) }
    }

    /// How they watch: `inotify`, `polling`, or both.
    var method: String {
        Set(all.withLock { $0.map(\.method.rawValue) }).sorted().joined(separator: " and ")
    }

    func stop() {
        all.withLock { $0 }.forEach { $0.stop() }
    }
}
