import Dispatch

/// Runs independent per-subject work on all cores and hands the results back in subject order,
/// batch by batch, so output streams as if computed serially while memory stays flat in the
/// number of subjects (one batch of results at a time).
///
/// Each subject's computation must not depend on the others (its own runtime, its own random
/// stream), so the results — and anything written from them — are identical whatever the
/// thread count.
public enum ParallelSubjects {
    /// Calls `compute` for subjects `0..<count` on `threads` threads (at least 1) and `emit` with
    /// each result in subject order. The first error stops the run and is rethrown after the
    /// running batch finishes. Batches hold `batchSize` subjects (default 32 per thread): the
    /// threads wait for each other only at a batch's end, so a batch several subjects deep per
    /// thread keeps that wait a small part of the work.
    public static func run<Result: Sendable>(
        count: Int, threads: Int, batchSize: Int? = nil,
        compute: @Sendable (Int) throws -> Result, emit: (Int, Result) throws -> Void
    ) throws {
        let threads = max(1, threads)
        let batch = max(1, batchSize ?? threads * 32)
        var start = 0
        while start < count {
            let end = min(count, start + batch)
            let slots = ResultSlots<Result>(count: end - start)
            if threads == 1 {
                for index in start..<end { slots.store(Swift.Result { try compute(index) }, at: index - start) }
            } else {
                let first = start
                DispatchQueue.concurrentPerform(iterations: end - start) { offset in
                    slots.store(Swift.Result { try compute(first + offset) }, at: offset)
                }
            }
            for offset in 0..<(end - start) {
                try emit(start + offset, try slots.take(offset).get())
            }
            start = end
        }
    }
}

/// Per-batch result storage written by concurrent workers, each to its own slot.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var slots: [Swift.Result<Result, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    /// Each index is written by exactly one worker, and read only after all have finished.
    func store(_ result: Swift.Result<Result, any Error>, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }
    func take(_ index: Int) -> Swift.Result<Result, any Error> { slots[index]! }
}
