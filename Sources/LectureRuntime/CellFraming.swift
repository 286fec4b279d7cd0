#if canImport(Glibc)
@preconcurrency import Glibc  // stdout is a C global; only the main thread writes it.
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import CellOutput

// What a generated chapter program calls between its cells. The names start with
// an underscore: lecture code never calls them.

/// Whether the program runs under the lecture runner, which reads the events it
/// writes; a chapter exported as a plain Swift package prints text only.
let framed = getenv("LECTURE_FRAMING").map { String(cString: $0) == "1" } ?? false

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

/// Flushes what the last cell printed.
public func _endChapter() {
    fflush(stdout)
}

/// Writes an event line into the output stream, after any text already printed;
/// outside the runner, only what a reader should see: a display's text.
func emit(_ event: CellEvent) {
    if framed {
        print(event.line, terminator: "")
    } else if case .display(let display) = event {
        print(display.text)
    }
    fflush(stdout)
}
