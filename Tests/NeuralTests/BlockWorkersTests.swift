#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Neural
import Synchronization
import Testing

/// The threads behind `RowBlocks.forEach`: every block of a batch runs once,
/// before `run` returns, also when several threads hand batches to the
/// workers at the same time; with more than one processor the workers do
/// take blocks.
@Suite struct BlockWorkersTests {
    /// Per block of one batch: how often it ran, and how many blocks ran
    /// after `run` had returned.
    final class Tally: Sendable {
        private let state: Mutex<(runs: [Int], returned: Bool, late: Int)>

        init(_ count: Int) {
            state = Mutex((Array(repeating: 0, count: count), false, 0))
        }

        func record(_ b: Int) {
            state.withLock { state in
                state.runs[b] += 1
                if state.returned {
                    state.late += 1
                }
            }
        }

        func markReturned() { state.withLock { $0.returned = true } }
        var runs: [Int] { state.withLock { $0.runs } }
        var late: Int { state.withLock { $0.late } }
    }

    /// The threads that ran blocks other than the caller.
    final class Threads: Sendable {
        private let others = Mutex(0)
        let caller = pthread_self()

        func record() {
            if pthread_equal(pthread_self(), caller) == 0 {
                others.withLock { $0 += 1 }
            }
        }

        var count: Int { others.withLock { $0 } }
    }

    @Test func everyBlockRunsOnceBeforeRunReturnsWithBatchesFromFourThreads() async {
        let results = await withTaskGroup(of: (wrong: Int, late: Int).self) { group in
            for caller in 0..<4 {
                group.addTask {
                    var wrong = 0, late = 0
                    var tallies: [Tally] = []
                    for round in 0..<500 {
                        let count = 2 + (round * 7 + caller) % 63
                        let tally = Tally(count)
                        BlockWorkers.shared.run(count) { b in tally.record(b) }
                        tally.markReturned()
                        if tally.runs != Array(repeating: 1, count: count) {
                            wrong += 1
                        }
                        tallies.append(tally)
                    }
                    // Workers that joined a batch late must not have run a block.
                    late = tallies.reduce(0) { $0 + $1.late }
                    return (wrong, late)
                }
            }
            var all: [(wrong: Int, late: Int)] = []
            for await result in group {
                all.append(result)
            }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.wrong == 0 }, "batches with a block run twice or never: \(results)")
        #expect(results.allSatisfy { $0.late == 0 }, "blocks run after run returned: \(results)")
    }

    @Test func theWorkersTakeBlocksWhenThereAreSeveralProcessors() throws {
        try #require(BlockWorkers.shared.workers > 0, "one processor: the calling thread runs every block")
        let threads = Threads()
        // Eight blocks of 5 ms: a worker, spinning or woken, takes some.
        BlockWorkers.shared.run(8) { _ in
            usleep(5000)
            threads.record()
        }
        #expect(threads.count > 0)
    }

    @Test func aSingleBlockRunsOnTheCallingThread() {
        let threads = Threads()
        BlockWorkers.shared.run(1) { _ in threads.record() }
        #expect(threads.count == 0)
    }
}
