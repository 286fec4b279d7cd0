import Foundation
import Literate
import Synchronization

/// A one-line status on standard error while a cell runs longer than a second, on
/// a terminal only: which cell, and for how long.
final class StatusLine: Sendable {
    private struct State {
        var cell: Int?
        var since = Date()
        var shown = false
    }

    private let lecture: Lecture
    private let enabled: Bool
    private let state = Mutex(State())

    init(lecture: Lecture, enabled: Bool) {
        self.lecture = lecture
        self.enabled = enabled
    }

    func update(_ phase: ChapterRunner.Phase) {
        guard enabled else { return }
        state.withLock { state in
            guard case .running(let cell) = phase, let cell else { return }
            if cell != state.cell {
                state.cell = cell
                state.since = Date()
            }
            let elapsed = Date().timeIntervalSince(state.since)
            guard elapsed >= 1 else { return }
            let line = lecture.cells[cell].fence.openLine
            let text = "running cell \(cell + 1) (\(lecture.path):\(line)) for \(Int(elapsed)) s"
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
            state.shown = true
        }
    }

    /// Removes the status line.
    func clear() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            state.shown = false
        }
    }
}
