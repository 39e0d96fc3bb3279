/// The solution of an initial value problem at requested output times, with the roots met on
/// the way and the work it took.
public struct ODESolution: Sendable {
    /// The method that produced it.
    public var method: SolverMethod
    /// Output times, in the order reached.
    public var times: [Double]
    /// The state at each output time (`states[i][j]` is component `j` at `times[i]`).
    public var states: [[Double]]
    /// Roots of the problem's root functions, in the order found, each with the state there.
    public var roots: [(event: RootEvent, state: [Double])]
    /// Work counts.
    public var statistics: SolverStatistics
    /// Whether the solve ended early at a root (see `stopAtRoots`).
    public var stoppedAtRoot: Bool

    /// The state component `component` over all output times.
    public func component(_ component: Int) -> [Double] { states.map { $0[component] } }
}

/// Solves `dy/dt = f(t, y)`, `y(t0) = y0` and returns the solution at `outputTimes`.
///
/// - Parameters:
///   - problem: the right-hand side (and optional root functions).
///   - initialState: `y(t0)`.
///   - t0: the initial time.
///   - outputTimes: times to report, monotone in one direction from `t0` (forwards or backwards);
///     the last one is where integration ends, and it is reached exactly by the last step. Values
///     come from the method's dense output; steps are never shortened to hit them.
///   - method: the integration method.
///   - options: tolerances and step controls.
///   - stopAtRoots: end the solve at the first root (the state there is the last root's).
/// - Throws: ``ODESolverError`` for bad input and for every failure of the integration.
public func solve<P: ODEProblem>(
    _ problem: P,
    initialState: [Double],
    from t0: Double,
    outputTimes: [Double],
    method: SolverMethod = .auto,
    options: SolverOptions = SolverOptions(),
    stopAtRoots: Bool = false
) throws(ODESolverError) -> ODESolution {
    guard let last = outputTimes.last else { throw .invalidInput("no output times given") }
    guard t0.isFinite else { throw .invalidInput("the initial time must be finite, got \(t0)") }
    let direction: Double = last < t0 ? -1 : 1
    var previous = t0
    for (index, time) in outputTimes.enumerated() {
        guard time.isFinite else { throw .invalidInput("output time \(index) is \(time); output times must be finite") }
        guard (time - previous) * direction >= 0 else {
            throw .invalidInput("output time \(index) (\(time)) is out of order; output times must run monotonically from t0 = \(t0)")
        }
        previous = time
    }
    return try method.withStepper(for: problem, options: options) { (stepper) throws(ODESolverError) in
        try runSolve(stepper, options: options, t0: t0, y0: initialState, outputTimes: outputTimes,
                     direction: direction, method: method, stopAtRoots: stopAtRoots)
    }
}

private func runSolve<S: ODEStepper>(
    _ stepper: S, options: SolverOptions, t0: Double, y0: [Double], outputTimes: [Double],
    direction: Double, method: SolverMethod, stopAtRoots: Bool
) throws(ODESolverError) -> ODESolution {
    let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: t0, y0: y0, direction: direction)
    integrator.stopTime = outputTimes.last
    var solution = ODESolution(
        method: method, times: [], states: [], roots: [], statistics: SolverStatistics(), stoppedAtRoot: false)
    solution.times.reserveCapacity(outputTimes.count)
    solution.states.reserveCapacity(outputTimes.count)
    outputs: for target in outputTimes {
        while true {
            switch try integrator.advance(to: target) {
            case .reachedTarget, .reachedStopTime:
                solution.times.append(integrator.time)
                solution.states.append(integrator.stateArray)
                continue outputs
            case .root(let event):
                solution.roots.append((event, integrator.stateArray))
                if stopAtRoots {
                    solution.stoppedAtRoot = true
                    break outputs
                }
            }
        }
    }
    solution.statistics = integrator.statistics
    return solution
}
