#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Threads that run the blocks of ``RowBlocks/forEach(_:)`` with the
/// calling thread, and between two batches of blocks wait for the next one
/// by spinning for a while (``spinRounds``) before they sleep, as OpenMP's
/// runtimes and OpenBLAS's threads do.
///
/// Why not `DispatchQueue.concurrentPerform`: its
/// threads sleep as soon as a batch is done, and on this project's 2-core
/// virtual machine waking one costs tens of microseconds (27 to 45 µs lost
/// per batch of 32 blocks of 3 µs each, against 3 to 20 µs with workers that
/// spin), while a training step of the two-layer benchmark runs two batches
/// of about half a millisecond each. Measured on that benchmark, medians of
/// 9 to 15 interleaved runs of each build, in four rounds: 0.27 s against
/// 0.31, 0.26 against 0.31, 0.29 against 0.37 and 0.34 against 0.36.
/// Spinning 2.5 or 50 µs instead of 10 made no difference beyond the noise;
/// 200 µs was slower in one round.
///
/// The workers are as many as the processors the process may run on (its
/// affinity mask, so that `taskset -c 0` gives none; a CPU quota of a
/// control group is not seen), less the calling thread; they start at the
/// first batch and live as long as the process.
/// A batch's blocks are taken in increasing order by whichever thread is
/// free, so the blocks must write only to their own memory; which thread
/// runs which block never changes a result.
final class BlockWorkers: @unchecked Sendable {
    /// The workers of the process.
    static let shared = BlockWorkers(workers: processorCount() - 1)

    /// About 10 µs of checking for a new batch (half a nanosecond each here)
    /// before a worker sleeps.
    static let spinRounds = 20_000

    /// One batch: its blocks, the next block to take, and those not yet done.
    private final class Batch: @unchecked Sendable {
        let count: Int
        let body: (Int) -> Void
        let next = Atomic<Int>(0)
        let remaining: Atomic<Int>

        init(count: Int, body: @escaping (Int) -> Void) {
            self.count = count
            self.body = body
            remaining = Atomic(count)
        }

        /// Whether a block is left to take.
        var hasBlocksLeft: Bool { next.load(ordering: .relaxed) < count }

        /// Takes and runs blocks until none is left.
        func run() {
            while true {
                let b = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard b < count else { return }
                body(b)
                remaining.wrappingSubtract(1, ordering: .releasing)
            }
        }
    }

    let workers: Int
    /// The number of batches published, changed only under `mutex`; workers
    /// spin on it, and wait on `condition` for it to change.
    private let published = Atomic<Int>(0)
    /// The batches whose callers have not returned, oldest first, under `mutex`.
    private var batches: [Batch] = []
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var started = false

    private init(workers: Int) {
        self.workers = max(0, workers)
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    /// Calls `body` with 0..<count, on the workers and the calling thread;
    /// returns when every call has returned. Several threads may call it at
    /// once: each runs its own batch to the end, and a free worker takes
    /// blocks of the oldest batch that has some left. A worker that comes to
    /// a batch late finds no block left and does not call `body`, which it
    /// may still hold for a moment after this returns; nothing else keeps
    /// `body` then.
    func run(_ count: Int, _ body: @escaping (Int) -> Void) {
        guard workers > 0, count > 1 else {
            for b in 0..<count {
                body(b)
            }
            return
        }
        let batch = Batch(count: count, body: body)
        pthread_mutex_lock(mutex)
        if !started {
            started = true
            for _ in 0..<workers {
                startWorker()
            }
        }
        batches.append(batch)
        published.wrappingAdd(1, ordering: .releasing)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
        batch.run()
        // The last blocks, on the workers: a spin, then yielding the processor.
        var rounds = 0
        while batch.remaining.load(ordering: .acquiring) > 0 {
            rounds += 1
            if rounds > Self.spinRounds {
                sched_yield()
            }
        }
        pthread_mutex_lock(mutex)
        batches.removeAll { $0 === batch }
        pthread_mutex_unlock(mutex)
    }

    private func startWorker() {
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        if pthread_create(&thread, nil, { context in BlockWorkers.start(context) }, context) == 0 {
            pthread_detach(thread)
        }
        #else
        var thread: pthread_t?
        if pthread_create(&thread, nil, { context in BlockWorkers.start(context) }, context) == 0, let thread {
            pthread_detach(thread)
        }
        #endif
        // A worker that could not start leaves its blocks to the callers.
    }

    /// A new thread's entry: the workers' loop, for the pool in `context`.
    private static func start(_ context: UnsafeMutableRawPointer?) -> Never {
        Unmanaged<BlockWorkers>.fromOpaque(context!).takeRetainedValue().work()
    }

    /// A worker: takes blocks of the oldest batch that has some left, and
    /// when none has, waits for a new batch.
    private func work() -> Never {
        while true {
            // A batch published after this read changes the count, so the
            // wait below cannot miss it.
            let seen = published.load(ordering: .acquiring)
            if let batch = oldestBatchWithBlocksLeft() {
                batch.run()
                continue
            }
            var rounds = 0
            while published.load(ordering: .acquiring) == seen && rounds < Self.spinRounds {
                rounds += 1
            }
            pthread_mutex_lock(mutex)
            while published.load(ordering: .acquiring) == seen {
                pthread_cond_wait(condition, mutex)
            }
            pthread_mutex_unlock(mutex)
        }
    }

    private func oldestBatchWithBlocksLeft() -> Batch? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return batches.first { $0.hasBlocksLeft }
    }

    /// The processors this process may run on: on Linux the bits of the
    /// affinity mask that `/proc/self/status` shows as `Cpus_allowed` (the C
    /// library's `sched_getaffinity` is a GNU extension that Swift does not
    /// import), elsewhere the processors online.
    private static func processorCount() -> Int {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard let file = fopen("/proc/self/status", "r") else { return online }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("Cpus_allowed:") else { continue }
            let count = text.dropFirst("Cpus_allowed:".count).reduce(0) { count, character in
                count + (character.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            return count > 0 ? min(count, online) : online
        }
        return online
    }
}
