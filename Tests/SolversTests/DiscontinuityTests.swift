import Foundation
import Testing
import Solvers

/// Stopping exactly at a time, changing the state and restarting — how doses are given.
@Suite struct DiscontinuityTests {
    /// Integrating to a stop time, jumping the state and restarting gives exactly the numbers of
    /// two separate solves: one to the stop time, and a fresh one from the jumped state.
    @Test(arguments: SolverMethod.allCases)
    func restartEqualsTwoSeparateSolves(method: SolverMethod) throws {
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let y0 = [0.2, 0.0]
        let jumpTime = 3.7
        let after = [4.0, 5.5, 8.0]

        let combined = try method.withStepper(for: TestProblems.limitCycle, options: options) { (stepper) throws(ODESolverError) in
            try Self.runWithJump(stepper, options: options, y0: y0, jumpTime: jumpTime, outputs: after)
        }

        let first = try solve(TestProblems.limitCycle, initialState: y0, from: 0, outputTimes: [jumpTime], method: method, options: options)
        var jumped = first.states[0]
        jumped[0] += 1.5
        let second = try solve(TestProblems.limitCycle, initialState: jumped, from: jumpTime, outputTimes: after, method: method, options: options)

        #expect(combined.atJump == first.states[0], "the state at the stop time is the method's own, bit for bit")
        #expect(combined.outputs == second.states, "after the restart, bit for bit a fresh solve")
    }

    static func runWithJump<S: ODEStepper>(
        _ stepper: S, options: SolverOptions, y0: [Double], jumpTime: Double, outputs: [Double]
    ) throws(ODESolverError) -> (atJump: [Double], outputs: [[Double]]) {
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: y0)
        integrator.stopTime = jumpTime
        let outcome = try integrator.advance(to: outputs.last!)
        precondition(outcome == .reachedStopTime && integrator.time == jumpTime)
        let atJump = integrator.stateArray
        var jumped = atJump
        jumped[0] += 1.5
        try integrator.restart(state: jumped)
        integrator.stopTime = outputs.last  // as `solve` does: the last step ends on the last output
        var states: [[Double]] = []
        for t in outputs {
            _ = try integrator.advance(to: t)
            states.append(integrator.stateArray)
        }
        return (atJump, states)
    }

    /// No step passes the stop time: a right-hand side that is wrong beyond it is never
    /// evaluated there.
    @Test func noEvaluationBeyondStopTime() throws {
        let latest = LatestTime()
        let problem = ODEFunction(dimension: 1) { t, y, dydt in
            latest.record(t)
            dydt[0] = -y[0]
        }
        let options = SolverOptions()
        let stepper = try ExplicitRungeKuttaStepper<ODEFunction, DormandPrince54>(problem: problem, options: options)
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: [1])
        integrator.stopTime = 2.5
        #expect(try integrator.advance(to: 10) == .reachedStopTime)
        #expect(integrator.time == 2.5)
        #expect(latest.value <= 2.5)
        #expect(abs(integrator.state[0] - exp(-2.5)) < 1e-6)
    }

    /// A week of daily doses of a one-compartment bolus model: the amount just after the last
    /// dose equals the geometric sum `D Σ e^(−k·24j)`.
    @Test func repeatedBolusDoses() throws {
        let k = 0.1
        let problem = ODEFunction(dimension: 1, names: ["central"]) { _, y, dydt in dydt[0] = -k * y[0] }
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        let stepper = try ExplicitRungeKuttaStepper<ODEFunction, Verner76>(problem: problem, options: options)
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: [100])
        for day in 1...6 {
            integrator.stopTime = 24 * Double(day)
            #expect(try integrator.advance(to: 1000) == .reachedStopTime)
            try integrator.restart(state: [integrator.state[0] + 100])
        }
        let expected = (0...6).map { 100 * exp(-k * 24 * Double($0)) }.reduce(0, +)
        #expect(abs(integrator.state[0] - expected) < 1e-8)
    }
}

/// The largest time a right-hand side was called with (the closures are `@Sendable`).
final class LatestTime: @unchecked Sendable {
    private(set) var value = -Double.infinity
    func record(_ t: Double) { value = max(value, t) }
}
