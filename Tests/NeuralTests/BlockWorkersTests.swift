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
    /// Per block of one batch, how often it ran: plain memory that each
    /// block writes alone, as the kernels' blocks do, so that a block run
    /// twice at once, or after `run` returned, is also a race that
    /// ThreadSanitizer reports. (`Mutex` of the Synchronization module is
    /// not seen by ThreadSanitizer on Linux, which reported its accesses as
    /// races.)
    final class Tally: @unchecked Sendable {
        private let runs: UnsafeMutableBufferPointer<Int>

        init(_ count: Int) {
            runs = .allocate(capacity: count)
            runs.initialize(repeating: 0)
        }

        deinit { runs.deallocate() }

        func record(_ b: Int) { runs[b] += 1 }
        var counts: [Int] { Array(runs) }
    }

    /// The threads that ran blocks other than the caller.
    final class Threads: Sendable {
        private let others = Atomic(0)
        let caller = pthread_self()

        func record() {
            if pthread_equal(pthread_self(), caller) == 0 {
                others.wrappingAdd(1, ordering: .relaxed)
            }
        }

        var count: Int { others.load(ordering: .relaxed) }
    }

    @Test func everyBlockRunsOnceBeforeRunReturnsWithBatchesFromFourThreads() async {
        let results = await withTaskGroup(of: (wrong: Int, late: Int).self) { group in
            for caller in 0..<4 {
                group.addTask {
                    var wrong = 0
                    var tallies: [Tally] = []
                    for round in 0..<500 {
                        let count = 2 + (round * 7 + caller) % 63
                        let tally = Tally(count)
                        BlockWorkers.shared.run(count) { b in tally.record(b) }
                        if tally.counts != Array(repeating: 1, count: count) {
                            wrong += 1
                        }
                        tallies.append(tally)
                    }
                    // Workers that joined a batch late must not have run a
                    // block since: every count is still 1.
                    let late = tallies.count { $0.counts.contains { $0 != 1 } }
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
        #expect(results.allSatisfy { $0.late == 0 }, "batches with a block run after run returned: \(results)")
    }

    /// With one processor (`taskset -c 0`) there are no workers to check.
    @Test(.enabled(if: BlockWorkers.shared.workers > 0, "one processor: the calling thread runs every block"))
    func theWorkersTakeBlocksWhenThereAreSeveralProcessors() {
        let threads = Threads()
        // Two blocks; if the caller takes one, it holds it until a worker
        // has taken the other, or 10 s have passed: on a loaded machine a
        // worker may wait long for a processor, but it must come. A worker
        // that is quicker than the caller may take both.
        BlockWorkers.shared.run(2) { _ in
            threads.record()
            var waited = 0
            while pthread_equal(pthread_self(), threads.caller) != 0 && threads.count == 0 && waited < 10_000 {
                usleep(1000)
                waited += 1
            }
        }
        #expect(threads.count > 0)
    }

    @Test func aSingleBlockRunsOnTheCallingThread() {
        let threads = Threads()
        BlockWorkers.shared.run(1) { _ in threads.record() }
        #expect(threads.count == 0)
    }

    /// Once `run` has returned, nothing keeps `body`, and what it captured,
    /// but a worker that joined the batch late, for a moment.
    @Test func whatABodyCapturedIsFreedOnceRunHasReturned() {
        final class Captured: Sendable {}
        weak var released: Captured?
        do {
            let captured = Captured()
            released = captured
            BlockWorkers.shared.run(4) { _ in withExtendedLifetime(captured) {} }
        }
        var waited = 0
        while released != nil && waited < 1000 {
            usleep(1000)
            waited += 1
        }
        #expect(released == nil, "still held after 1 s")
    }
}
