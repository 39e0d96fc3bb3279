/// Why a solve stopped without reaching its target. Every case says where (time, step size) and
/// what (the component and its value), so a user can act on it; the solvers never return NaN or
/// infinity silently.
public enum ODESolverError: Error, Equatable, Sendable {
    /// An argument is unusable (tolerances, sizes, times); the message says which and why.
    case invalidInput(String)
    /// The initial state has a NaN or infinite component.
    case nonFiniteInitialState(component: Int, name: String, value: Double)
    /// The right-hand side returned NaN or infinity at an accepted point of the solution.
    case nonFiniteDerivative(time: Double, stepSize: Double, component: Int, name: String, value: Double)
    /// The solution itself became NaN or infinite (it blew up), and shrinking the step did not help.
    case nonFiniteState(time: Double, stepSize: Double, component: Int, name: String, value: Double)
    /// The step size needed for the tolerance fell below what `Double` can resolve at `time`
    /// (typically a singularity, a discontinuity the solver was not told about, or a stiff problem
    /// given to an explicit method). `component` is the one with the largest weighted error.
    case stepSizeUnderflow(time: Double, stepSize: Double, component: Int, name: String)
    /// `limit` step attempts were made in one call without reaching the target. `component` is the
    /// one with the largest weighted error in the last step (the one limiting the step size).
    case tooManySteps(time: Double, stepSize: Double, limit: Int, component: Int, name: String)
}

extension ODESolverError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidInput(let message):
            "invalid input: \(message)"
        case let .nonFiniteInitialState(component, name, value):
            "the initial state of \(name) (component \(component)) is \(value); a finite number is needed"
        case let .nonFiniteDerivative(time, stepSize, component, name, value):
            "the derivative of \(name) (component \(component)) is \(value) at t = \(time) (step size \(stepSize)); check the model for division by zero, log or sqrt of a negative number, or overflow"
        case let .nonFiniteState(time, stepSize, component, name, value):
            "the solution for \(name) (component \(component)) became \(value) after t = \(time) (step size \(stepSize)); the solution may blow up there"
        case let .stepSizeUnderflow(time, stepSize, component, name):
            "step size \(stepSize) at t = \(time) is too small to make progress; \(name) (component \(component)) limits the step: a singularity, an unannounced discontinuity, or a stiff problem for an explicit method"
        case let .tooManySteps(time, stepSize, limit, component, name):
            "\(limit) steps taken without reaching the target, stopped at t = \(time) with step size \(stepSize); \(name) (component \(component)) limits the step. Raise maximumSteps, loosen the tolerances, or use a stiff method"
        }
    }
}
