import Foundation
import Synchronization

/// Calls back with the paths that changed under a ``WatchList``, in batches: the
/// changes of one save (an editor's write, rename and delete) arrive together,
/// once no further change came for ``quietPeriod``.
///
/// It uses inotify when the kernel offers it, so a change is seen at once, and
/// otherwise polls every ``pollInterval``, so a change is seen within that (and
/// one that is undone within it is missed). A reported path may be a folder
/// (one that appeared or went away, or a watched folder whose events the kernel
/// dropped): anything under it may have changed.
public final class FileWatcher: Sendable {
    public enum Method: String, Sendable {
        case inotify, polling
    }

    public let method: Method
    /// Milliseconds a batch waits for more changes before it is delivered.
    public static let quietPeriod: Int32 = 20
    /// Seconds between two looks when polling.
    public static let pollInterval = 0.25

    /// Whether a stop was asked for, shared with the watcher's thread.
    private final class Stopping: Sendable {
        let asked = Mutex(false)
    }

    private let stopping = Stopping()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts watching `list` on a thread of its own; `onChange` is called on
    /// that thread. `method` forces one; by default inotify, or polling when
    /// inotify cannot be had (no inotify, or its limit of watches reached).
    public init(_ list: WatchList, method: Method? = nil, onChange: @escaping @Sendable (Set<String>) -> Void) {
        // Both take their first look at the files here, before any change can be missed.
        let inotify = method == .polling ? nil : InotifyWatcher(list)
        let polling = inotify == nil ? PollingWatcher(list) : nil
        self.method = inotify == nil ? .polling : .inotify
        let isStopping = { @Sendable [stopping] in stopping.asked.withLock { $0 } }
        let thread = Thread { [finished] in
            inotify?.run(until: isStopping, onChange: onChange)
            polling?.run(until: isStopping, onChange: onChange)
            finished.signal()
        }
        thread.name = "lecture-preview-watcher"
        thread.start()
    }

    /// Stops watching and waits until the watcher's thread has ended (within a
    /// tenth of a second); no call of `onChange` begins after it returns.
    public func stop() {
        let first = stopping.asked.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { finished.wait() }
    }

    deinit {
        stop()
    }
}
