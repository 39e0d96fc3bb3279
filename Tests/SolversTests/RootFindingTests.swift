import Foundation
import Testing
import Solvers

/// Roots of event functions located on the dense output.
@Suite struct RootFindingTests {
    /// `y = e^(−t)` crosses 1/2 at `ln 2`.
    static let decayToHalf = ODEFunction(dimension: 1, names: ["y"], rootFunctionCount: 1, roots: { _, y, g in
        g[0] = y[0] - 0.5
    }) { _, y, dydt in dydt[0] = -y[0] }

    @Test(arguments: SolverMethod.allCases)
    func rootLocatedToTenDigits(method: SolverMethod) throws {
        let options = SolverOptions(relativeTolerance: 1e-12, absoluteTolerance: 1e-14)
        let solution = try solve(Self.decayToHalf, initialState: [1], from: 0, outputTimes: [2], method: method, options: options)
        #expect(solution.roots.count == 1)
        let root = try #require(solution.roots.first)
        #expect(abs(root.event.time - log(2.0)) < 1e-10, "root at \(root.event.time), exact \(log(2.0))")
        #expect(root.event.functions == [0])
        #expect(root.event.signs == [-1])
        #expect(abs(root.state[0] - 0.5) < 1e-11)
        #expect(solution.times == [2], "the solve continues past a root")
    }

    /// The root does not depend on where the output times fall.
    @Test func rootIndependentOfOutputTimes() throws {
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        let coarse = try solve(Self.decayToHalf, initialState: [1], from: 0, outputTimes: [5], options: options)
        let fine = try solve(Self.decayToHalf, initialState: [1], from: 0, outputTimes: (1...50).map { Double($0) * 0.1 }, options: options)
        #expect(abs(coarse.roots[0].event.time - fine.roots[0].event.time) < 1e-13)
    }

    /// The oscillator's position `cos t` has zeros at `π/2 + kπ`; only the decreasing ones
    /// (`π/2 + 2kπ`) are reported when asked for, each to 1e-10, and every one when not.
    @Test(arguments: SolverMethod.allCases)
    func directionFilterAndRepeatedRoots(method: SolverMethod) throws {
        let problem = ODEFunction(dimension: 2, rootFunctionCount: 2, roots: { _, y, g in
            g[0] = y[0]
            g[1] = y[1]  // velocity −sin t: zeros at kπ
        }) { _, y, dydt in
            dydt[0] = y[1]
            dydt[1] = -y[0]
        }
        var options = SolverOptions(relativeTolerance: 1e-12, absoluteTolerance: 1e-12)
        options.rootDirections = [.decreasing, .either]
        let solution = try solve(problem, initialState: [1, 0], from: 0, outputTimes: [20], method: method, options: options)
        let positionRoots = solution.roots.filter { $0.event.functions.contains(0) }.map(\.event.time)
        let velocityRoots = solution.roots.filter { $0.event.functions.contains(1) }.map(\.event.time)
        let expectedPosition = (0...2).map { Double.pi / 2 + 2 * Double.pi * Double($0) }
        let expectedVelocity = (1...6).map { Double.pi * Double($0) }
        #expect(positionRoots.count == expectedPosition.count)
        #expect(velocityRoots.count == expectedVelocity.count, "y[1] = 0 at t = 0 is not a crossing")
        for (found, exact) in zip(positionRoots, expectedPosition) { #expect(abs(found - exact) < 1e-10) }
        for (found, exact) in zip(velocityRoots, expectedVelocity) { #expect(abs(found - exact) < 1e-10) }
        let times = solution.roots.map(\.event.time)
        #expect(times == times.sorted(), "roots reported in time order")
    }

    /// `stopAtRoots` ends the solve at the first root.
    @Test func terminalRoot() throws {
        let solution = try solve(Self.decayToHalf, initialState: [1], from: 0, outputTimes: [1, 2, 3], stopAtRoots: true)
        #expect(solution.stoppedAtRoot)
        #expect(solution.times == [], "the root comes before the first output time")
        #expect(solution.roots.count == 1)
    }

    /// The driver returns the root first, then carries on to the target on the next call.
    @Test func integratorReturnsRootThenTarget() throws {
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        let stepper = try ExplicitRungeKuttaStepper<ODEFunction, DormandPrince54>(problem: Self.decayToHalf, options: options)
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: [1])
        guard case .root(let event) = try integrator.advance(to: 3) else {
            Issue.record("expected a root first")
            return
        }
        #expect(integrator.time == event.time)
        #expect(try integrator.advance(to: 3) == .reachedTarget)
        #expect(integrator.time == 3)
        #expect(abs(integrator.state[0] - exp(-3)) < 1e-10)
    }
}
