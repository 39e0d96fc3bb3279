/// The stepping engine of one integration method, driven by ``ODEIntegrator``.
///
/// A stepper owns its method's state and workspace (allocated once, at creation) and exposes the
/// small contract every method can meet, explicit or implicit, one-step or multistep (the
/// contract of SUNDIALS' one-step mode): take one step attempt that never passes a limit time,
/// say whether it was accepted, and interpolate the solution anywhere in the last accepted step.
/// Output times, root finding, stop times, restarts and step limits live in the driver, so every
/// method gets them alike.
public protocol ODEStepper<Problem>: AnyObject {
    associatedtype Problem: ODEProblem

    /// The problem being solved.
    var problem: Problem { get }
    /// End of the last accepted step; the time of `state`.
    var time: Double { get }
    /// Start of the last accepted step (equal to `time` right after `reset`).
    var previousTime: Double { get }
    /// The solution at `time`. Valid until the next call of `attemptStep` or `reset`.
    var state: UnsafeBufferPointer<Double> { get }
    /// Signed size of the next step attempt.
    var nextStepSize: Double { get }
    /// Work done since the stepper was created.
    var statistics: SolverStatistics { get }
    /// The component with the largest weighted error in the last step attempt.
    var limitingComponent: Int { get }

    /// Starts (or restarts) integration at `time` from `state`, in the direction of the sign of
    /// `direction`: evaluates `f`, chooses the first step, and forgets all step history, so a
    /// restart after a discontinuity behaves exactly like a new solve.
    func reset(time: Double, state: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError)

    /// Makes one step attempt that ends no later than `limit` (in the direction of integration;
    /// a step that would nearly reach it is stretched or shortened to end exactly on it, and then
    /// `time == limit` exactly). Returns `true` if the step was accepted.
    func attemptStep(limit: Double) throws(ODESolverError) -> Bool

    /// Writes the solution at `t ∈ [previousTime, time]` into `output` from the method's
    /// continuous extension. At the end points the stored states are returned exactly.
    func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>)
}
