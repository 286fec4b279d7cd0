/// The rows 0..<n of a batch cut into ``count`` blocks of consecutive rows,
/// for kernels that work on the blocks at the same time. The cut depends only
/// on n (and on whether it is wanted at all), never on the machine, so that
/// sums formed block by block and then added in block order are the same
/// everywhere.
struct RowBlocks {
    /// The number of blocks a cut batch has: enough that threads share the
    /// work evenly even when one of them gets only part of a core (on a
    /// machine shared with other work, the threads that finish first take
    /// the blocks left), few enough that each block is long.
    static let parallelCount = 32

    /// The number of rows.
    let rows: Int
    /// The number of blocks: ``parallelCount``, or 1 for a batch not cut.
    let count: Int

    /// The rows of a batch of `rows`, cut if `parallel` (and `rows` is at
    /// least ``parallelCount``).
    init(rows: Int, parallel: Bool) {
        self.rows = rows
        count = parallel && rows >= RowBlocks.parallelCount ? RowBlocks.parallelCount : 1
    }

    /// The rows of block `b`: the first `rows % count` blocks have one row
    /// more than the others.
    func range(_ b: Int) -> Range<Int> {
        let (size, extra) = rows.quotientAndRemainder(dividingBy: count)
        let start = b * size + min(b, extra)
        return start..<start + size + (b < extra ? 1 : 0)
    }

    /// Calls `body` with every block number, on several threads at once when
    /// there is more than one block (``BlockWorkers``); returns when all have
    /// returned. Blocks must write only to their own memory.
    func forEach(_ body: @escaping (Int) -> Void) {
        if count == 1 {
            body(0)
        } else {
            BlockWorkers.shared.run(count, body)
        }
    }
}
