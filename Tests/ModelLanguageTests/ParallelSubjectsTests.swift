import Foundation
import Synchronization
import Testing
import Simulation

/// `ParallelSubjects.run`: results in subject order whatever order the workers finish in, at most
/// a window of them ahead of the emitter, and the first error in subject order rethrown after the
/// subjects before it.
@Suite struct ParallelSubjectsTests {
    struct Failure: Error, Equatable { let index: Int }

    /// Work whose duration varies from subject to subject, so workers finish out of order.
    static func work(_ index: Int) -> Int {
        var x = UInt64(index) &+ 1
        for _ in 0..<(((index * 7919) % 13) * 2_000) { x = x &* 6364136223846793005 &+ 1442695040888963407 }
        return index * 2 + Int(x % 2)  // depends on the loop, so it is not optimised away
    }

    @Test(arguments: [1, 2, 3, 8], [nil, 1, 3, 64])
    func emitsEveryResultInOrder(threads: Int, window: Int?) throws {
        var emitted: [Int] = []
        var values: [Int] = []
        try ParallelSubjects.run(count: 200, threads: threads, batchSize: window, compute: { Self.work($0) }, emit: { index, value in
            emitted.append(index)
            values.append(value)
        })
        #expect(emitted == Array(0..<200))
        #expect(values == (0..<200).map(Self.work))
    }

    /// Workers never run further ahead of the emitter than the window allows.
    @Test func workersStayWithinTheWindow() throws {
        let emittedSoFar = Atomic<Int>(0)
        let furthestAhead = Atomic<Int>(0)
        try ParallelSubjects.run(count: 300, threads: 4, batchSize: 5, compute: { index in
            let ahead = index - emittedSoFar.load(ordering: .sequentiallyConsistent)
            furthestAhead.max(ahead)
            return Self.work(index)
        }, emit: { index, _ in emittedSoFar.store(index + 1, ordering: .sequentiallyConsistent) })
        // The emitter moves the window when it takes a result, just before `emit` records it.
        #expect(furthestAhead.load(ordering: .sequentiallyConsistent) <= 5)
    }

    /// The first failing subject in subject order is the error, after every subject before it;
    /// a later failure that a worker met first does not win.
    @Test(arguments: [1, 2, 4])
    func firstErrorInSubjectOrderIsRethrown(threads: Int) {
        var emitted: [Int] = []
        #expect(throws: Failure(index: 40)) {
            try ParallelSubjects.run(count: 100, threads: threads, compute: { index in
                if index == 40 || index == 41 || index == 90 { throw Failure(index: index) }
                return Self.work(index)
            }, emit: { index, _ in emitted.append(index) })
        }
        #expect(emitted == Array(0..<40))
    }

    /// An error from `emit` stops the run and is rethrown.
    @Test func emitErrorStopsTheRun() {
        var emitted = 0
        #expect(throws: Failure(index: 7)) {
            try ParallelSubjects.run(count: 1_000, threads: 2, compute: { Self.work($0) }, emit: { index, _ in
                if index == 7 { throw Failure(index: 7) }
                emitted += 1
            })
        }
        #expect(emitted == 7)
    }

    @Test func noSubjectsIsNoWork() throws {
        try ParallelSubjects.run(count: 0, threads: 4, compute: { $0 }, emit: { _, _ in Issue.record("nothing to emit") })
    }
}

extension Atomic where Value == Int {
    /// Raises the stored value to `candidate` if it is larger.
    func max(_ candidate: Int) {
        var current = load(ordering: .sequentiallyConsistent)
        while candidate > current {
            let (exchanged, original) = compareExchange(expected: current, desired: candidate, ordering: .sequentiallyConsistent)
            if exchanged { return }
            current = original
        }
    }
}
