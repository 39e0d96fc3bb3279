import Foundation
import Testing
import Solvers

/// Adaptive solves against closed-form solutions.
@Suite struct AnalyticSolutionTests {
    /// How far above the tolerance a method's global error may lie on these smooth problems:
    /// one-step methods with local extrapolation stay near it; BDF's error accumulates over its
    /// many small steps and lies one to two orders higher.
    static func slack(_ method: SolverMethod) -> Double { method == .bdf ? 100 : 1 }

    @Test(arguments: SolverMethod.allCases)
    func exponentialDecay(method: SolverMethod) throws {
        let times = (1...20).map { Double($0) * 0.5 }
        let options = SolverOptions(relativeTolerance: 1e-9, absoluteTolerance: 1e-12)
        let solution = try solve(TestProblems.decay(), initialState: [1], from: 0, outputTimes: times, method: method, options: options)
        #expect(solution.times == times)
        for (t, state) in zip(solution.times, solution.states) {
            let exact = exp(-t)
            #expect(abs(state[0] - exact) / exact < 1e-7 * Self.slack(method), "t = \(t)")
        }
    }

    /// A 3 × 3 linear system against its matrix exponential.
    @Test(arguments: SolverMethod.allCases)
    func linearSystemMatchesMatrixExponential(method: SolverMethod) throws {
        let y0 = [1.0, -0.5, 2.0]
        let times = [0.1, 0.7, 1.5, 3.0, 6.0]
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        let solution = try solve(TestProblems.secondDifference, initialState: y0, from: 0, outputTimes: times, method: method, options: options)
        for (t, state) in zip(solution.times, solution.states) {
            let exact = TestProblems.secondDifferenceSolution(y0, at: t)
            #expect(maxDifference(state, exact) < 1e-8 * Self.slack(method), "t = \(t): \(state) vs \(exact)")
        }
    }

    /// The harmonic oscillator over 100 periods keeps phase and amplitude.
    @Test(arguments: SolverMethod.allCases)
    func harmonicOscillatorOverManyPeriods(method: SolverMethod) throws {
        let end = 200 * Double.pi
        let times = (1...400).map { end * Double($0) / 400 }
        let options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-11)
        let solution = try solve(TestProblems.oscillator, initialState: [1, 0], from: 0, outputTimes: times, method: method, options: options)
        var worst = 0.0
        for (t, state) in zip(solution.times, solution.states) {
            worst = max(worst, maxDifference(state, [cos(t), -sin(t)]))
        }
        #expect(worst < 1e-7 * Self.slack(method))
        let last = solution.states.last!
        #expect(abs(last[0] * last[0] + last[1] * last[1] - 1) < 1e-8 * Self.slack(method), "energy drift")
    }

    /// Integration backwards in time: from `y(2) = e^(−2)` to `t = 0`.
    @Test(arguments: SolverMethod.allCases)
    func backwardIntegration(method: SolverMethod) throws {
        let times = [1.5, 1.0, 0.25, 0.0]
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        let solution = try solve(TestProblems.decay(), initialState: [exp(-2)], from: 2, outputTimes: times, method: method, options: options)
        for (t, state) in zip(solution.times, solution.states) {
            #expect(abs(state[0] - exp(-t)) < 1e-9 * Self.slack(method), "t = \(t)")
        }
    }

    /// Global error follows the tolerance: it stays within a small multiple of it and falls
    /// in proportion as the tolerance is tightened (log-log slope near 1).
    @Test(arguments: SolverMethod.allCases)
    func globalErrorTracksTolerance(method: SolverMethod) throws {
        let tolerances = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]
        var errors: [Double] = []
        for tolerance in tolerances {
            let options = SolverOptions(relativeTolerance: .scalar(tolerance), absoluteTolerance: .scalar(tolerance))
            let solution = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: [10], method: method, options: options)
            let error = maxDifference(solution.states[0], TestProblems.limitCycleSolution(x0: 0.2, at: 10))
            errors.append(error)
            #expect(error < 1000 * tolerance * Self.slack(method), "tolerance \(tolerance): error \(error)")
        }
        let slope = logLogSlope(tolerances, errors)
        #expect(slope > 0.6 && slope < 1.4, "error ∝ tol^\(slope); errors \(errors)")
    }

    /// Per-component tolerances: equal values behave exactly like the scalar, and tightening
    /// one component makes the solver work harder.
    @Test func perComponentTolerances() throws {
        let scalar = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
        let vector = SolverOptions(relativeTolerance: [1e-6, 1e-6], absoluteTolerance: [1e-9, 1e-9])
        let tighter = SolverOptions(relativeTolerance: [1e-6, 1e-10], absoluteTolerance: [1e-9, 1e-13])
        let a = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: [5], options: scalar)
        let b = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: [5], options: vector)
        let c = try solve(TestProblems.limitCycle, initialState: [0.2, 0], from: 0, outputTimes: [5], options: tighter)
        #expect(a.states == b.states)
        #expect(a.statistics == b.statistics)
        #expect(c.statistics.acceptedSteps > 2 * a.statistics.acceptedSteps)
    }

    /// The reported right-hand-side count is the number of calls actually made, and DOPRI5 makes
    /// six per attempted step plus two to start (f₀ and the starting-step probe).
    @Test func statisticsCountEveryCall() throws {
        for method in SolverMethod.allCases {
            let problem = CountingProblem(TestProblems.limitCycle)
            let solution = try solve(problem, initialState: [0.2, 0], from: 0, outputTimes: [1, 2, 3, 4], method: method)
            #expect(solution.statistics.rhsEvaluations == problem.calls)
            if method == .dopri5 {
                #expect(problem.calls == 2 + 6 * solution.statistics.attemptedSteps)
            }
        }
    }
}
