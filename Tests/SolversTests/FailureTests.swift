import Foundation
import Testing
import Solvers

/// Every failure ends the solve with an error that says where and what — never a NaN result.
@Suite struct FailureTests {
    /// A right-hand side that returns NaN beyond t = 1 (and is smooth before): every method
    /// closes in on t = 1 and reports the component whose derivative is NaN.
    @Test(arguments: SolverMethod.allCases)
    func nanDerivativeIsReported(method: SolverMethod) throws {
        let problem = ODEFunction(dimension: 2, names: ["drug", "effect"]) { t, y, dydt in
            dydt[0] = -y[0]
            dydt[1] = t <= 1 ? 1 : .nan
        }
        #expect {
            _ = try solve(problem, initialState: [1, 0], from: 0, outputTimes: [2], method: method)
        } throws: { error in
            guard case let .nonFiniteDerivative(time, stepSize, component, name, value) = error as? ODESolverError else { return false }
            return abs(time - 1) < 1e-6 && abs(stepSize) < 1e-6 && component == 1 && name == "effect" && value.isNaN
        }
    }

    /// A square-root singularity at t = 1 (the derivative of the solution is unbounded there, and
    /// NaN beyond): the solve ends at t = 1 naming the component, whether the method sees the NaN or
    /// only its step shrinking to nothing.
    @Test(arguments: SolverMethod.allCases)
    func singularityIsReported(method: SolverMethod) throws {
        let problem = ODEFunction(dimension: 2, names: ["drug", "effect"]) { t, y, dydt in
            dydt[0] = -y[0]
            dydt[1] = -1 / (1 - t).squareRoot()
        }
        #expect {
            _ = try solve(problem, initialState: [1, 0], from: 0, outputTimes: [2], method: method)
        } throws: { error in
            switch error as? ODESolverError {
            case let .nonFiniteDerivative(time, _, component, _, _), let .stepSizeUnderflow(time, _, component, _),
                 let .nonFiniteState(time, _, component, _, _):
                return abs(time - 1) < 1e-6 && component == 1
            default:
                return false
            }
        }
    }

    @Test func nanInitialStateIsReported() {
        #expect(throws: ODESolverError.nonFiniteInitialState(component: 1, name: "velocity", value: .infinity)) {
            _ = try solve(TestProblems.oscillator, initialState: [0, .infinity], from: 0, outputTimes: [1])
        }
    }

    @Test func nanInitialDerivativeIsReported() {
        let problem = ODEFunction(dimension: 1) { _, y, dydt in dydt[0] = (y[0] - 1) / (y[0] - 1) }
        #expect {
            _ = try solve(problem, initialState: [1], from: 0, outputTimes: [1])
        } throws: { error in
            guard case let .nonFiniteDerivative(time, _, component, _, _) = error as? ODESolverError else { return false }
            return time == 0 && component == 0
        }
    }

    /// `y' = y²` from 1 blows up at `t = 1`; the solver stops there with an error.
    @Test(arguments: SolverMethod.allCases)
    func blowUpEndsWithAnError(method: SolverMethod) {
        let problem = ODEFunction(dimension: 1, names: ["y"]) { _, y, dydt in dydt[0] = y[0] * y[0] }
        #expect {
            _ = try solve(problem, initialState: [1], from: 0, outputTimes: [2], method: method)
        } throws: { error in
            switch error as? ODESolverError {
            case let .stepSizeUnderflow(time, stepSize, component, _):
                return abs(time - 1) < 1e-3 && abs(stepSize) < 1e-10 && component == 0
            case let .nonFiniteState(time, _, component, _, _), let .nonFiniteDerivative(time, _, component, _, _):
                return abs(time - 1) < 1e-3 && component == 0
            default:
                return false
            }
        }
    }

    /// Overflow in a fixed-step run (no step control to back off) is reported at once.
    @Test func overflowInFixedStepRun() {
        let problem = ODEFunction(dimension: 2) { _, y, dydt in
            dydt[0] = -y[0]
            dydt[1] = 1000 * y[1]
        }
        var options = SolverOptions()
        options.fixedStepSize = 1
        #expect {
            _ = try solve(problem, initialState: [1, 1e300], from: 0, outputTimes: [3], options: options)
        } throws: { error in
            switch error as? ODESolverError {
            case let .nonFiniteState(time, stepSize, component, _, _), let .nonFiniteDerivative(time, stepSize, component, _, _):
                return time == 0 && stepSize == 1 && component == 1
            default:
                return false
            }
        }
    }

    /// A stiff problem given to an explicit method runs into the step limit, which names it; the
    /// stiff methods and `auto` solve it within the same limit.
    @Test(arguments: SolverMethod.allCases.filter(\.isExplicit))
    func stepLimitIsReported(method: SolverMethod) {
        let problem = ODEFunction(dimension: 2, names: ["slow", "fast"]) { t, y, dydt in
            dydt[0] = -y[0]
            dydt[1] = -1e6 * (y[1] - cos(t))
        }
        var options = SolverOptions()
        options.maximumSteps = 500
        #expect {
            _ = try solve(problem, initialState: [1, 0], from: 0, outputTimes: [10], method: method, options: options)
        } throws: { error in
            guard case let .tooManySteps(time, stepSize, limit, component, name) = error as? ODESolverError else { return false }
            return limit == 500 && time > 0 && time < 10 && abs(stepSize) < 1e-4 && component == 1 && name == "fast"
        }
    }

    @Test(arguments: SolverMethod.allCases.filter { !$0.isExplicit })
    func stiffMethodsSolveWhatExplicitOnesCannot(method: SolverMethod) throws {
        let problem = ODEFunction(dimension: 2, names: ["slow", "fast"]) { t, y, dydt in
            dydt[0] = -y[0]
            dydt[1] = -1e6 * (y[1] - cos(t))
        }
        var options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        options.maximumSteps = 500
        let solution = try solve(problem, initialState: [1, 0], from: 0, outputTimes: [10], method: method, options: options)
        // y₁ follows cos t with lag 1e-6: y₁ ≈ cos t + 1e-6 sin t.
        #expect(abs(solution.states[0][0] - exp(-10)) < 1e-7)
        #expect(abs(solution.states[0][1] - (cos(10) + 1e-6 * sin(10))) < 1e-6)
    }

    @Test func invalidInputsAreRejected() {
        let cases: [(SolverOptions, [Double], [Double])] = [
            (SolverOptions(relativeTolerance: -1e-6, absoluteTolerance: 1e-9), [1, 0], [1]),
            (SolverOptions(relativeTolerance: .scalar(.nan), absoluteTolerance: 1e-9), [1, 0], [1]),
            (SolverOptions(relativeTolerance: [1e-6], absoluteTolerance: 1e-9), [1, 0], [1]),
            (SolverOptions(relativeTolerance: [1e-6, 0], absoluteTolerance: [1e-9, 0]), [1, 0], [1]),
            (SolverOptions(), [1], [1]),
            (SolverOptions(), [1, 0], []),
            (SolverOptions(), [1, 0], [1, 0.5]),
            (SolverOptions(), [1, 0], [.nan]),
        ]
        for (options, y0, times) in cases {
            #expect {
                _ = try solve(TestProblems.oscillator, initialState: y0, from: 0, outputTimes: times, options: options)
            } throws: { error in
                guard case .invalidInput(let message) = error as? ODESolverError else { return false }
                return !message.isEmpty
            }
        }
        var bad = SolverOptions()
        bad.maximumSteps = 0
        #expect(throws: ODESolverError.self) { _ = try solve(TestProblems.oscillator, initialState: [1, 0], from: 0, outputTimes: [1], options: bad) }
        bad = SolverOptions()
        bad.rootDirections = [.increasing]
        #expect(throws: ODESolverError.self) { _ = try solve(TestProblems.oscillator, initialState: [1, 0], from: 0, outputTimes: [1], options: bad) }
    }

    @Test func targetBehindCurrentTimeIsRejected() throws {
        let options = SolverOptions()
        let stepper = try ExplicitRungeKuttaStepper<ODEFunction, DormandPrince54>(problem: TestProblems.oscillator, options: options)
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: 0, y0: [1, 0])
        try integrator.advance(to: 1)
        #expect(throws: ODESolverError.self) { try integrator.advance(to: 0.5) }
        #expect(throws: ODESolverError.self) { try integrator.advance(to: .infinity) }
    }

    /// Error messages carry the time, step size and component for a user to act on.
    @Test func messagesNameTheirContext() {
        let error = ODESolverError.tooManySteps(time: 2.5, stepSize: 1e-9, limit: 500, component: 1, name: "fast")
        #expect(error.description.contains("500"))
        #expect(error.description.contains("t = 2.5"))
        #expect(error.description.contains("fast"))
        #expect(error.description.contains("1e-09"))
    }
}
