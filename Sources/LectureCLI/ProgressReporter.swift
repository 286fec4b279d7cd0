import Foundation
import Literate
import Synchronization

/// Shows what each chapter is doing on standard error: on a terminal, one line per
/// chapter updated in place (compiling, running, done, with times), under a
/// line of what else is going on (the library's build); in a pipe or in CI, one
/// plain line per chapter when it is done.
final class ProgressReporter: Sendable {
    private struct State {
        var transient: String?
        var lines: [String: String] = [:]
        var drawn = 0
        var started: [String: Date] = [:]
    }

    private let chapters: [String]
    private let live: Bool
    private let state = Mutex(State())

    init(chapters: [String]) {
        self.chapters = chapters
        let environment = ProcessInfo.processInfo.environment
        live = isatty(STDERR_FILENO) != 0 && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    func handle(_ event: CourseRunner.Event) {
        state.withLock { state in
            switch event {
            case .phase(let chapter, let phase):
                state.transient = nil
                if state.started[chapter] == nil { state.started[chapter] = Date() }
                guard live else { return }
                state.lines[chapter] = "\(chapter): \(phase == .compiling ? "compiling" : "running")…"
            case .finished(let chapter, let seconds, let compiling, let running):
                let parts = [(compiling, "compiling"), (running, "running")].filter { $0.0 >= 0.05 }
                    .map { "\(String(format: "%.1f", $0.0)) s \($0.1)" }
                let line = "\(chapter): done in \(String(format: "%.1f", seconds)) s" + (parts.isEmpty ? " (cached)" : " (\(parts.joined(separator: ", ")))")
                guard live else { return printError(line) }
                state.lines[chapter] = line
            }
            redraw(&state)
        }
    }

    /// A line of its own, above the live display.
    func note(_ message: String) {
        state.withLock { state in
            clear(&state)
            printError(message)
            redraw(&state)
        }
    }

    /// A line updated in place on a terminal (`building the course library:
    /// step [24/81]`), shown until the chapters start; nothing in a pipe.
    func transient(_ message: String) {
        guard live else { return }
        state.withLock { state in
            state.transient = message
            redraw(&state)
        }
    }

    /// Leaves the last state of the display on screen.
    func finish() {
        state.withLock { state in
            if state.transient != nil {
                state.transient = nil
                redraw(&state)
            }
            state.drawn = 0
        }
    }

    private func clear(_ state: inout State) {
        guard live, state.drawn > 0 else { return }
        FileHandle.standardError.write(Data("\u{1B}[\(state.drawn)A\u{1B}[J".utf8))
        state.drawn = 0
    }

    private func redraw(_ state: inout State) {
        guard live else { return }
        clear(&state)
        let lines = (state.transient.map { [$0] } ?? []) + chapters.compactMap { state.lines[$0] }
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        state.drawn = lines.count
    }
}
