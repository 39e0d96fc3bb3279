import Foundation
import Testing
import Solvers

/// Fixed-step runs show each method's order of convergence, and single steps the order of its
/// continuous extension.
@Suite struct ConvergenceOrderTests {
    /// Two problems with closed-form solutions on `[0, 10]`: the non-autonomous scalar
    /// `y' = y cos t` (`y = e^(sin t)`) and the harmonic oscillator (a system).
    static let problems: [(name: String, problem: ODEFunction, y0: [Double], exact: [Double])] = [
        ("y' = y cos t", ODEFunction(dimension: 1) { t, y, dydt in dydt[0] = y[0] * cos(t) }, [1], [exp(sin(10))]),
        ("oscillator", TestProblems.oscillator, [1, 0], [cos(10), -sin(10)]),
    ]

    /// Global errors at `t = 10` of fixed-step runs with `steps` steps each, and the step sizes.
    func fixedStepErrors(_ method: SolverMethod, problem: Int, steps: [Int]) throws -> (sizes: [Double], errors: [Double]) {
        let (_, ode, y0, exact) = Self.problems[problem]
        var sizes: [Double] = []
        var errors: [Double] = []
        for count in steps {
            var options = SolverOptions()
            options.fixedStepSize = 10 / Double(count)
            let solution = try solve(ode, initialState: y0, from: 0, outputTimes: [10], method: method, options: options)
            #expect(solution.statistics.acceptedSteps == count)
            sizes.append(10 / Double(count))
            errors.append(maxDifference(solution.states[0], exact))
        }
        return (sizes, errors)
    }

    /// Step counts grow by √2, keeping errors between 1e-7 and 1e-12: in the asymptotic range,
    /// above round-off.
    @Test(arguments: [0, 1])
    func dormandPrinceConvergesWithOrderFive(problem: Int) throws {
        let (sizes, errors) = try fixedStepErrors(.dopri5, problem: problem, steps: [56, 80, 113, 160, 226, 320])
        #expect(errors.allSatisfy { $0 > 1e-13 }, "keep above round-off: \(errors)")
        let slope = logLogSlope(sizes, errors)
        #expect(abs(slope - 5) <= 0.3, "\(Self.problems[problem].name): observed order \(slope); errors \(errors)")
    }

    @Test(arguments: [0, 1])
    func vernerConvergesWithOrderSeven(problem: Int) throws {
        let (sizes, errors) = try fixedStepErrors(.vern7, problem: problem, steps: [40, 56, 80, 113])
        #expect(errors.allSatisfy { $0 > 1e-13 }, "keep above round-off: \(errors)")
        let slope = logLogSlope(sizes, errors)
        #expect(abs(slope - 7) <= 0.3, "\(Self.problems[problem].name): observed order \(slope); errors \(errors)")
    }

    /// The largest error of the continuous extension over one step of size `h` from a point on
    /// the exact solution, sampled at interior points.
    func oneStepInterpolationError<S: ExplicitRungeKuttaScheme>(_ scheme: S.Type, h: Double) throws -> Double {
        var options = SolverOptions()
        options.fixedStepSize = h
        let stepper = try ExplicitRungeKuttaStepper<ODEFunction, S>(problem: TestProblems.limitCycle, options: options)
        let start = 0.3
        let y0 = TestProblems.limitCycleSolution(x0: 0.2, at: start)
        try y0.withUnsafeBufferPointer { try stepper.reset(time: start, state: $0, direction: 1) }
        #expect(try stepper.attemptStep(limit: .infinity))
        var worst = 0.0
        var output = [0.0, 0.0]
        for theta in stride(from: 0.05, through: 0.95, by: 0.05) {
            let t = start + theta * h
            output.withUnsafeMutableBufferPointer { stepper.interpolate(at: t, into: $0) }
            worst = max(worst, maxDifference(output, TestProblems.limitCycleSolution(x0: 0.2, at: t)))
        }
        return worst
    }

    /// DOPRI5's interpolant has order 4: its local error falls like h⁵.
    @Test func dormandPrinceDenseOutputHasOrderFour() throws {
        let sizes = [0.4, 0.2, 0.1, 0.05]
        let errors = try sizes.map { try oneStepInterpolationError(DormandPrince54.self, h: $0) }
        let slope = logLogSlope(sizes, errors)
        #expect(slope > 4.7, "local interpolation error ∝ h^\(slope); errors \(errors)")
    }

    /// Verner's interpolant: local error falls at least like h⁷ (it is of order 6 or better).
    @Test func vernerDenseOutputHasHighOrder() throws {
        let sizes = [0.8, 0.4, 0.2, 0.1]
        let errors = try sizes.map { try oneStepInterpolationError(Verner76.self, h: $0) }
        let slope = logLogSlope(sizes, errors)
        #expect(slope > 6.7, "local interpolation error ∝ h^\(slope); errors \(errors)")
    }
}
