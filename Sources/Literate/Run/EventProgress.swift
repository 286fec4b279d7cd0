import CellOutput
import Foundation
import Synchronization

/// Follows a running program's events file for progress displays: which cell
/// started last, and, until the one look it was asked for, the records so
/// far, for that look at the cells that are done. It reads only what was
/// appended since it last looked.
final class EventProgress: Sendable {
    private struct State {
        var offset: UInt64 = 0
        var pending: [UInt8] = []
        var records: [EventRecord] = []
        var lastCell: Int?
        var reportingAfter: Int?
    }

    private let path: String
    private let state: Mutex<State>

    /// Follows the events at `path`; ``read()`` says, once, when a cell after
    /// `reportingAfter` started.
    init(path: String, reportingAfter cell: Int? = nil) {
        self.path = path
        state = Mutex(State(reportingAfter: cell))
    }

    /// The cell that started last, and, at the first look since a cell after
    /// the one to report after started, every record the program wrote so
    /// far (whole lines only).
    func read() -> (lastCell: Int?, report: [EventRecord]?) {
        state.withLock { state in
            guard let handle = FileHandle(forReadingAtPath: path) else { return (state.lastCell, nil) }
            defer { try? handle.close() }
            try? handle.seek(toOffset: state.offset)
            let data = (try? handle.readToEnd()) ?? Data()
            state.offset += UInt64(data.count)
            state.pending += data
            guard let end = state.pending.lastIndex(of: 0x0A) else { return (state.lastCell, nil) }
            for record in EventRecord.records(in: Array(state.pending[...end])) {
                if case .cellStarted(let index) = record.event { state.lastCell = index }
                if state.reportingAfter != nil { state.records.append(record) }
            }
            state.pending.removeFirst(end + 1)
            guard let after = state.reportingAfter, let last = state.lastCell, last > after else { return (state.lastCell, nil) }
            state.reportingAfter = nil
            defer { state.records = [] }
            return (state.lastCell, state.records)
        }
    }
}
