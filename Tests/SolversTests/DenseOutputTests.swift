import Foundation
import Testing
import Solvers

/// Output times come from the continuous extension and never shorten steps.
@Suite struct DenseOutputTests {
    /// Values at many off-step times agree with a tight-tolerance solve and with the exact
    /// solution to the order of the tolerance.
    @Test(arguments: SolverMethod.allCases)
    func offStepValuesMatchTightSolve(method: SolverMethod) throws {
        let times = (1...97).map { Double($0) * 0.1031 }
        let options = SolverOptions(relativeTolerance: 1e-7, absoluteTolerance: 1e-9)
        let dense = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: times, method: method, options: options)
        let tight = SolverOptions(relativeTolerance: 1e-13, absoluteTolerance: 1e-15)
        let reference = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: times, method: .vern7, options: tight)
        for index in times.indices {
            let exact = TestProblems.limitCycleSolution(x0: 0.2, at: times[index])
            #expect(maxDifference(reference.states[index], exact) < 1e-11)
            #expect(maxDifference(dense.states[index], reference.states[index]) < 1e-5, "t = \(times[index])")
        }
    }

    /// Asking for more output times does not change the steps taken: the same accepted and
    /// rejected steps, and identical values at the shared final time.
    @Test(arguments: SolverMethod.allCases)
    func outputTimesDoNotChangeSteps(method: SolverMethod) throws {
        let options = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
        let sparse = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: [10], method: method, options: options)
        let many = (1...1000).map { Double($0) * 0.01 }
        let denseRun = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: many, method: method, options: options)
        #expect(sparse.statistics.acceptedSteps == denseRun.statistics.acceptedSteps)
        #expect(sparse.statistics.rejectedSteps == denseRun.statistics.rejectedSteps)
        #expect(sparse.states.last! == denseRun.states.last!)
        #expect(denseRun.statistics.acceptedSteps < 200, "1000 outputs from far fewer steps")
    }

    /// An output time equal to the start returns the initial state exactly.
    @Test func outputAtInitialTime() throws {
        let solution = try solve(TestProblems.oscillator, initialState: [0.3, 0.7], from: 1, outputTimes: [1, 2])
        #expect(solution.states[0] == [0.3, 0.7])
    }
}
