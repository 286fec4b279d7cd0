import CellOutput
import Foundation
import Synchronization

/// Follows a running program's events file for progress displays: which cell
/// started last, and the records so far, for a look at the cells that are
/// done. It reads only what was appended since it last looked.
final class EventProgress: Sendable {
    private struct State {
        var offset: UInt64 = 0
        var pending: [UInt8] = []
        var records: [EventRecord] = []
        var lastCell: Int?
    }

    private let path: String
    private let state = Mutex(State())

    init(path: String) {
        self.path = path
    }

    /// The records the program wrote so far (whole lines only), the cell that
    /// started last, and whether a cell started since the last look.
    func read() -> (records: [EventRecord], lastCell: Int?, cellStarted: Bool) {
        state.withLock { state in
            guard let handle = FileHandle(forReadingAtPath: path) else { return (state.records, state.lastCell, false) }
            defer { try? handle.close() }
            try? handle.seek(toOffset: state.offset)
            let data = (try? handle.readToEnd()) ?? Data()
            state.offset += UInt64(data.count)
            state.pending += data
            guard let end = state.pending.lastIndex(of: 0x0A) else { return (state.records, state.lastCell, false) }
            var started = false
            for record in EventRecord.records(in: Array(state.pending[...end])) {
                if case .cellStarted(let index) = record.event {
                    state.lastCell = index
                    started = true
                }
                state.records.append(record)
            }
            state.pending.removeFirst(end + 1)
            return (state.records, state.lastCell, started)
        }
    }
}
