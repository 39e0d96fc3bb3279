import Foundation
import Testing
import Solvers
import ReferenceProblems

/// Orders of the stiff methods, and agreement between analytic and finite-difference Jacobians.
@Suite struct StiffMethodOrderTests {
    /// RODAS5 with fixed steps converges with order 5 (`y' = y cos t` and the oscillator on
    /// `[0, 10]`, step counts growing by √2).
    @Test(arguments: [0, 1])
    func rodasConvergesWithOrderFive(problem: Int) throws {
        let (name, ode, y0, exact) = ConvergenceOrderTests.problems[problem]
        var sizes: [Double] = []
        var errors: [Double] = []
        for count in [40, 56, 80, 113, 160] {
            var options = SolverOptions()
            options.fixedStepSize = 10 / Double(count)
            let solution = try solve(ode, initialState: y0, from: 0, outputTimes: [10], method: .rodas5, options: options)
            sizes.append(10 / Double(count))
            errors.append(maxDifference(solution.states[0], exact))
        }
        #expect(errors.allSatisfy { $0 > 1e-13 }, "\(errors)")
        let slope = logLogSlope(sizes, errors)
        #expect(abs(slope - 5) <= 0.3, "\(name): observed order \(slope); errors \(errors)")
    }

    /// RODAS5's continuous extension has order 4: the error over one step falls like h⁵.
    @Test func rodasDenseOutputHasOrderFour() throws {
        var errors: [Double] = []
        let sizes = [0.2, 0.1, 0.05, 0.025]
        for h in sizes {
            var options = SolverOptions()
            options.fixedStepSize = h
            let stepper = try Rodas5Stepper(problem: TestProblems.limitCycle, options: options)
            let start = 0.3
            let y0 = TestProblems.limitCycleSolution(x0: 0.2, at: start)
            try y0.withUnsafeBufferPointer { try stepper.reset(time: start, state: $0, direction: 1) }
            #expect(try stepper.attemptStep(limit: .infinity))
            var worst = 0.0
            var output = [0.0, 0.0]
            for theta in stride(from: 0.1, through: 0.9, by: 0.1) {
                output.withUnsafeMutableBufferPointer { stepper.interpolate(at: start + theta * h, into: $0) }
                worst = max(worst, maxDifference(output, TestProblems.limitCycleSolution(x0: 0.2, at: start + theta * h)))
            }
            errors.append(worst)
        }
        let slope = logLogSlope(sizes, errors)
        #expect(slope > 4.7, "interpolation error ∝ h^\(slope); \(errors)")
    }

    /// Dense output of the stiff methods between steps agrees with a tight solve on VDPOL.
    @Test(arguments: [SolverMethod.rodas5, .bdf, .auto])
    func stiffDenseOutputMatchesTightSolve(method: SolverMethod) throws {
        let times = (1...40).map { Double($0) * 7.3 }
        let loose = SolverOptions(relativeTolerance: 1e-7, absoluteTolerance: 1e-7)
        let tight = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-11)
        let a = try solve(VanDerPol(), initialState: [2, 0], from: 0, outputTimes: times, method: method, options: loose)
        let b = try solve(VanDerPol(), initialState: [2, 0], from: 0, outputTimes: times, method: .rodas5, options: tight)
        for index in times.indices {
            let scale = max(1, abs(b.states[index][1]))
            #expect(maxDifference(a.states[index], b.states[index]) / scale < 1e-3, "t = \(times[index])")
        }
    }

    /// Solving with a finite-difference Jacobian gives the same solution as with the analytic
    /// one, to the tolerance.
    @Test(arguments: [SolverMethod.rodas5, .bdf])
    func finiteDifferenceJacobianSolveMatchesAnalytic(method: SolverMethod) throws {
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let analytic = try solve(Oregonator(), initialState: [1, 2, 3], from: 0, outputTimes: [50], method: method, options: options)
        let differences = try solve(FiniteDifferenceJacobian(Oregonator()), initialState: [1, 2, 3], from: 0, outputTimes: [50], method: method, options: options)
        #expect(analytic.statistics.jacobianEvaluations > 0)
        for (x, y) in zip(analytic.states[0], differences.states[0]) {
            #expect(abs(x - y) / abs(y) < 1e-5)
        }
        #expect(differences.statistics.rhsEvaluations > analytic.statistics.rhsEvaluations)
    }
}
