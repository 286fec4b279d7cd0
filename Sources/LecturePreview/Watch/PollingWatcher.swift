import Foundation

/// Watches by looking: every ``FileWatcher/pollInterval`` it lists and stats
/// every watched file, and reports those that appeared, went away or changed
/// (identity, size or time of change), one batch per look.
struct PollingWatcher: Sendable {
    let list: WatchList
    let initial: [String: WatchList.Stamp]

    init(_ list: WatchList) {
        self.list = list
        initial = list.snapshot()
    }

    func run(until isStopping: () -> Bool, onChange: (Set<String>) -> Void) {
        var previous = initial
        while !isStopping() {
            // Short naps, so that a stop is noticed within a twentieth of a second.
            var slept = 0.0
            while slept < FileWatcher.pollInterval, !isStopping() {
                Thread.sleep(forTimeInterval: 0.05)
                slept += 0.05
            }
            guard !isStopping() else { return }
            let current = list.snapshot()
            var changed = Set(current.compactMap { path, stamp in previous[path] == stamp ? nil : path })
            changed.formUnion(previous.keys.filter { current[$0] == nil })
            previous = current
            if !changed.isEmpty { onChange(changed) }
        }
    }
}
