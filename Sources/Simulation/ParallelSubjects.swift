import Dispatch
import Foundation

/// Runs independent per-subject work on all cores and hands the results back in subject order,
/// as they come, so output streams as if computed serially while memory stays flat in the number
/// of subjects (at most a window of results is held).
///
/// Each subject's computation must not depend on the others (its own runtime, its own random
/// stream), so the results — and anything written from them — are identical whatever the
/// thread count.
public enum ParallelSubjects {
    /// Calls `compute` for subjects `0..<count` on `threads` threads (at least 1) and `emit` with
    /// each result in subject order, on the calling thread.
    ///
    /// The workers take subjects in order as they finish the last one and run ahead of `emit` by
    /// at most `batchSize` subjects (default 32 per thread): nobody waits at batch boundaries, and
    /// `emit` (writing, formatting) overlaps the computing of later subjects. The first error, in
    /// subject order, stops the run: no later subject is started, the running ones finish, the
    /// subjects before it are emitted, and it is rethrown.
    public static func run<Result: Sendable>(
        count: Int, threads: Int, batchSize: Int? = nil,
        compute: @Sendable (Int) throws -> Result, emit: (Int, Result) throws -> Void
    ) throws {
        let threads = max(1, min(threads, count))
        guard threads > 1 else {
            for index in 0..<count { try emit(index, try compute(index)) }
            return
        }
        let window = max(1, batchSize ?? threads * 32)
        try withoutActuallyEscaping(compute) { compute in
            let pipeline = ReorderWindow<Result>(count: count, window: window)
            let group = DispatchGroup()
            let work = UncheckedCompute(compute: compute)
            for _ in 0..<threads {
                DispatchQueue.global().async(group: group) {
                    while let index = pipeline.claim() {
                        pipeline.store(Swift.Result { try work.compute(index) }, at: index)
                    }
                }
            }
            defer {
                pipeline.stop()
                group.wait()
            }
            for index in 0..<count {
                try emit(index, try pipeline.take(index).get())
            }
        }
    }
}

/// The compute closure handed to the workers, which finish before `run` returns.
private struct UncheckedCompute<Result>: @unchecked Sendable {
    let compute: (Int) throws -> Result
}

/// Results computed ahead of the emitting thread, in a ring of `window` slots: workers claim
/// subjects in increasing order while the claimed one is less than `window` past the next to be
/// emitted, and the emitting thread takes each subject's result in order.
private final class ReorderWindow<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Swift.Result<Result, any Error>?]
    private let count: Int
    private let window: Int
    private var nextToClaim = 0
    private var nextToEmit = 0
    private var stopped = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
        slots = Array(repeating: nil, count: window)
    }

    /// The next subject to compute, waiting while the window is full; `nil` when every subject
    /// is claimed or the run stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextToClaim < count, nextToClaim >= nextToEmit + window { condition.wait() }
        guard !stopped, nextToClaim < count else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    func store(_ result: Swift.Result<Result, any Error>, at index: Int) {
        condition.lock()
        slots[index % window] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Subject `index`'s result (the next to emit), waiting until it is computed.
    func take(_ index: Int) -> Swift.Result<Result, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while slots[index % window] == nil { condition.wait() }
        let result = slots[index % window]!
        slots[index % window] = nil
        nextToEmit = index + 1
        if case .failure = result { stopped = true }
        condition.broadcast()
        return result
    }

    /// No subject is claimed after this.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
