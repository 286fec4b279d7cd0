#if canImport(Glibc)
@preconcurrency import Glibc  // stdout is a C global; only the main thread writes it.
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import CellOutput

// What a generated chapter program calls between its cells. The names start with
// an underscore: lecture code never calls them.

/// The runner's channel: the events file that `LECTURE_EVENTS` names, opened
/// for appending, or nil outside the runner (a chapter exported as a plain
/// Swift package prints text only). The file descriptor is made once and never
/// changes.
let channel: Int32? = {
    guard let path = getenv("LECTURE_EVENTS") else { return nil }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    return descriptor >= 0 ? descriptor : nil
}()

/// Prepares standard output: line-buffered, so the text of a cell that traps is not
/// lost in a buffer.
public func _beginChapter() {
    setvbuf(stdout, nil, _IOLBF, 0)
}

/// Marks the start of cell `index`.
public func _beginCell(_ index: Int) {
    emit(.cellStarted(index: index))
}

/// Reports the value of citation `index`, printed exactly (a `Double` as the
/// shortest text that reads back as the same value).
public func _cite(_ index: Int, _ value: () -> Any) {
    emit(.citation(index: index, value: String(describing: value())))
}

/// Marks the place of `// Prints` comment `index`.
public func _checkpoint(_ index: Int) {
    emit(.checkpoint(index: index))
}

/// Says that the program reached its end, after what the last cell printed.
public func _endChapter() {
    emit(.chapterEnded)
}

/// Writes an event to the channel, after flushing what the cells printed so
/// that the offset of standard output is where the event stands; outside the
/// runner (an exported chapter), only what a reader should see, as `lecture
/// run` prints it: a chart's drawing, then its text, numbered.
func emit(_ event: CellEvent) {
    fflush(stdout)
    guard let channel else {
        if case .display(let display) = event {
            if let drawing = display.terminal { print(TerminalColours.supported ? drawing : TerminalColours.removed(from: drawing)) }
            print(StandaloneNumbers.shared.numbered(display))
            fflush(stdout)
        }
        return
    }
    let offset = lseek(STDOUT_FILENO, 0, SEEK_CUR)
    let line = EventRecord(at: Int(max(offset, 0)), event: event).line
    line.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
            let count = write(channel, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 { if errno == EINTR { continue } else { return } }
            written += count
        }
    }
}

/// The numbers of an exported chapter's figures and tables, counted as the
/// program shows them, as `ChapterFigures` counts a run's: "Figure 2. The loss".
final class StandaloneNumbers: @unchecked Sendable {
    static let shared = StandaloneNumbers()
    /// Shown so far, by kind; only the chapter's one thread shows.
    private var counts: [String: Int] = [:]

    func numbered(_ display: Display) -> String {
        guard display.isNumbered else { return display.text }
        let kind = display.kind == .table ? "Table" : "Figure"
        counts[kind, default: 0] += 1
        return display.text(numbered: "\(kind) \(counts[kind]!)")
    }
}
