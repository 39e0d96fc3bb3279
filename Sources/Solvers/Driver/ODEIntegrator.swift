/// The stepping driver shared by every method: it advances a ``ODEStepper`` to requested times,
/// locates roots of the problem's root functions, stops exactly at discontinuities, and restarts.
///
/// Its contract is SUNDIALS CVODE's (`CVode` in normal mode with `CVodeSetStopTime` and
/// `CVodeRootInit`):
/// - `advance(to:)` steps past the target as the method likes and returns the solution at the
///   target from the method's continuous extension, so output times never shorten steps;
/// - a root found before the target is returned first, at the first time on the far side of the
///   sign change (located to a few ulps of `t` by the Illinois method on the dense output), and the
///   next call carries on from there;
/// - `stopTime` is a time no step may pass — a dose, an infusion edge, a covariate change — and
///   the step that reaches it ends on it exactly, so the state there is the method's own solution,
///   not an interpolant;
/// - `restart(state:)` replaces the state at the current time and restarts the method with no
///   memory of past steps: integrating to a discontinuity and restarting there gives the same
///   numbers as two separate solves.
///
/// Each call of `advance(to:)` may make at most `SolverOptions.maximumSteps` step attempts.
public final class ODEIntegrator<Stepper: ODEStepper> {
    /// The method's stepper (for its statistics and diagnostics).
    public let stepper: Stepper
    /// The time of `state`: the last target, root or restart reached.
    private var _time: Double
    public var time: Double { _time }
    /// The integration direction: +1 forwards, −1 backwards.
    public let direction: Double
    /// A time no step may pass, or `nil`. Setting it is allowed at any time.
    public var stopTime: Double? {
        get { _stopTime }
        set { _stopTime = newValue }
    }
    private var _stopTime: Double?

    private let n: Int
    private let options: SolverOptions
    private let output: UnsafeMutablePointer<Double>
    private let rootFinder: RootFinder?

    /// Starts integrating `stepper.problem` from `(t0, y0)` in the direction of `direction`
    /// (positive: forwards).
    public init(stepper: Stepper, options: SolverOptions, t0: Double, y0: [Double], direction: Double = 1) throws(ODESolverError) {
        let problem = stepper.problem
        try options.validate(dimension: problem.dimension, rootCount: problem.rootFunctionCount)
        guard !direction.isNaN, direction != 0 else { throw .invalidInput("direction must be positive or negative, got \(direction)") }
        self.stepper = stepper
        self.options = options
        self.n = problem.dimension
        self.direction = direction > 0 ? 1 : -1
        self._time = t0
        output = .allocate(capacity: n)
        output.initialize(repeating: 0, count: n)
        let rootCount = problem.rootFunctionCount
        rootFinder = rootCount > 0
            ? RootFinder(count: rootCount, dimension: n, directions: options.rootDirections ?? Array(repeating: .either, count: rootCount))
            : nil
        try y0.withUnsafeBufferPointer { (buffer) throws(ODESolverError) in
            try stepper.reset(time: t0, state: buffer, direction: self.direction)
        }
        output.update(from: stepper.state.baseAddress!, count: n)
        rootFinder?.start(at: t0, state: stepper.state, problem: problem, statistics: &rootEvaluations)
    }

    deinit { output.deallocate() }

    private var rootEvaluations = 0

    /// The solution at `time`.
    public var state: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: output, count: n) }

    /// The state at `time` as a new array.
    public var stateArray: [Double] { Array(state) }

    /// Work done so far, including root-function evaluations.
    public var statistics: SolverStatistics {
        var s = stepper.statistics
        s.rootFunctionEvaluations = rootEvaluations
        return s
    }

    /// Advances to `target` and returns why it stopped: the target reached, a root found before
    /// it, or the stop time reached before it. On return `time` and `state` say where it stopped.
    @discardableResult
    public func advance(to target: Double) throws(ODESolverError) -> AdvanceOutcome {
        guard target.isFinite else { throw .invalidInput("the target time must be finite, got \(target)") }
        guard (target - time) * direction >= 0 else {
            throw .invalidInput("the target time \(target) lies behind the current time \(time) in the direction of integration")
        }
        let stop = stopTime
        if let stop, !stop.isFinite { throw .invalidInput("the stop time must be finite, got \(stop)") }
        let limit = stop.flatMap { ($0 - time) * direction >= 0 ? $0 : nil } ?? direction * .infinity
        var attempts = 0
        while true {
            let stepEnd = stepper.time
            let targetInStep = (stepEnd - target) * direction >= 0
            let searchEnd = targetInStep ? target : stepEnd
            if let rootFinder, let event = rootFinder.search(upTo: searchEnd, stepper: stepper, statistics: &rootEvaluations) {
                _time = event.time
                output.update(from: rootFinder.stateAtRoot, count: n)
                return .root(event)
            }
            if targetInStep {
                stepper.interpolate(at: target, into: UnsafeMutableBufferPointer(start: output, count: n))
                _time = target
                return .reachedTarget
            }
            if stepEnd == limit {
                output.update(from: stepper.state.baseAddress!, count: n)
                _time = stepEnd
                return .reachedStopTime
            }
            guard attempts < options.maximumSteps else {
                let component = stepper.limitingComponent
                throw .tooManySteps(
                    time: stepEnd, stepSize: stepper.nextStepSize, limit: options.maximumSteps,
                    component: component, name: stepper.problem.componentName(component))
            }
            attempts += 1
            _ = try stepper.attemptStep(limit: limit)
        }
    }

    /// Replaces the state at the current `time` (for a dose or any other jump) and restarts the
    /// method there, as a new solve would start.
    public func restart(state newState: [Double]) throws(ODESolverError) {
        try newState.withUnsafeBufferPointer { (buffer) throws(ODESolverError) in
            try stepper.reset(time: time, state: buffer, direction: direction)
        }
        output.update(from: stepper.state.baseAddress!, count: n)
        rootFinder?.start(at: time, state: stepper.state, problem: stepper.problem, statistics: &rootEvaluations)
    }

    /// Restarts at the current time with the current state (after a change to the problem's
    /// parameters, for instance).
    public func restart() throws(ODESolverError) {
        try restart(state: stateArray)
    }
}

/// Why ``ODEIntegrator/advance(to:)`` returned.
public enum AdvanceOutcome: Equatable, Sendable {
    /// The target time was reached.
    case reachedTarget
    /// A root function changed sign before the target.
    case root(RootEvent)
    /// The stop time was reached before the target.
    case reachedStopTime
}

/// A located sign change of one or more root functions.
public struct RootEvent: Equatable, Sendable {
    /// The first representable time found beyond the sign change (within a few ulps of the root).
    public var time: Double
    /// The root functions that changed sign there, in increasing index order.
    public var functions: [Int]
    /// For each entry of `functions`: +1 if it went from negative to positive, −1 otherwise.
    public var signs: [Int]
}
