import Foundation
import Literate

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
        let watcher = FileWatcher(settings.inputs.watchList, method: method) { delivery.yield($0) }
        let stop = { @Sendable in
            watcher.stop()
            RunningChildren.killAll()
            BuildCache().removeOwnScratch()
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
        let course = PreviewCourse(settings, folder: folder, server: server, log: log)
        let first: PreviewSnapshot
        do { first = try await course.start() } catch {
            log.problem(error.description)
            stop()
            exit(2)
        }
        let pages = first.files.keys.filter { $0.hasSuffix(".html") }.count
        log.status("preview: serving \(pages) page\(pages == 1 ? "" : "s") at \(address) (the site is in \(folder.path));"
            + " watching \(settings.inputs.watchList.folders.count) folders with \(watcher.method.rawValue); Ctrl-C stops")
        for await batch in batches {
            await course.changed(batch)
        }
        interrupts.forEach { $0.cancel() }
        stop()
        exit(0)
    }
}
