import RealModule

/// Pieces every stepper's `reset` and step loop share.
enum StepperSupport {
    /// Dense output at an end point of the last step is the stored state itself: copies
    /// `current` when `t` is the step's end (or no step has been taken), `previous` when it is
    /// the step's start, and returns whether it did.
    @inline(__always)
    static func copyEndPoint(
        at t: Double, time: Double, previousTime: Double, lastStepSize: Double,
        current: UnsafePointer<Double>, previous: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<Double>
    ) -> Bool {
        if t == time || lastStepSize == 0 {
            out.update(from: current, count: n)
            return true
        }
        if t == previousTime {
            out.update(from: previous, count: n)
            return true
        }
        return false
    }

    /// Checks an initial point: the size, a finite time, and finite components.
    static func validateStart<P: ODEProblem>(
        _ problem: P, time: Double, state: UnsafeBufferPointer<Double>
    ) throws(ODESolverError) {
        guard state.count == problem.dimension else {
            throw .invalidInput("the initial state has \(state.count) components but the problem has \(problem.dimension)")
        }
        guard time.isFinite else { throw .invalidInput("the initial time must be finite, got \(time)") }
        if let bad = state.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteInitialState(component: bad, name: problem.componentName(bad), value: state[bad])
        }
    }

    /// Throws ``ODESolverError/nonFiniteDerivative(time:stepSize:component:name:value:)`` if
    /// `derivative` has a NaN or infinite component.
    static func checkDerivative<P: ODEProblem>(
        _ problem: P, _ derivative: UnsafeMutablePointer<Double>, time: Double, stepSize: Double
    ) throws(ODESolverError) {
        if let bad = firstNonFinite(derivative, count: problem.dimension) {
            throw .nonFiniteDerivative(
                time: time, stepSize: stepSize, component: bad, name: problem.componentName(bad), value: derivative[bad])
        }
    }

    /// Hairer's starting step (*Solving ODEs I*, §II.4, "Starting Step Size"):
    /// `h₀ = 0.01‖y₀‖/‖f₀‖` (or 1e-6 when either is tiny), one explicit Euler step of size `h₀`
    /// to estimate the second derivative `‖f'‖ ≈ ‖f(t₀ + h₀, y₀ + h₀f₀) − f₀‖/h₀`, then
    /// `h₁ = (0.01 / max(‖f₀‖, ‖f'‖))^(1/(p+1))` and the result `min(100 h₀, h₁, hmax)`.
    /// Norms are the weighted RMS norm of the tolerances. Makes one right-hand-side evaluation.
    ///
    /// - Parameters:
    ///   - f0: `f(t, y)`, already evaluated.
    ///   - scratch1, scratch2: `n`-vectors of workspace.
    static func initialStepMagnitude<P: ODEProblem>(
        _ problem: P, weights: ErrorWeights, time: Double, state y: UnsafeMutablePointer<Double>,
        derivative f0: UnsafeMutablePointer<Double>, direction: Double, order: Int, maximumStepSize: Double,
        scratch1: UnsafeMutablePointer<Double>, scratch2: UnsafeMutablePointer<Double>
    ) -> Double {
        let n = problem.dimension
        let d0 = weights.norm(y, scaledBy: y)
        let d1 = weights.norm(f0, scaledBy: y)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, maximumStepSize)
        for i in 0..<n { scratch1[i] = y[i] + direction * h0 * f0[i] }
        problem.derivatives(
            t: time + direction * h0, y: UnsafeBufferPointer(start: scratch1, count: n),
            dydt: UnsafeMutableBufferPointer(start: scratch2, count: n))
        for i in 0..<n { scratch2[i] = (scratch2[i] - f0[i]) / h0 }
        let d2 = weights.norm(scratch2, scaledBy: y)
        guard d2.isFinite else { return h0 }
        let largest = max(d1, d2)
        let h1 = largest <= 1e-15 ? max(1e-6, h0 * 1e-3) : Double.pow(0.01 / largest, 1 / Double(order + 1))
        return min(100 * h0, h1, maximumStepSize)
    }

    /// Whether a step of size `h` from `time` is too small to change `time` reliably.
    @inlinable
    static func isUnderflow(_ h: Double, at time: Double) -> Bool {
        h == 0 || abs(h) <= 4 * max(time.ulp, (time + h).ulp)
    }

    /// Finds which component's derivative is not finite when a step from the finite state `y` at
    /// `time` failed: probes `f(time + θh, y)` for `θ = 1, ½`. Implicit methods mix components in
    /// their linear solves, so the first non-finite stage component need not be the culprit; a
    /// probe from the finite state shows the component whose formula fails. Returns `nil` if both
    /// probes are finite. Makes up to two right-hand-side evaluations.
    static func probeNonFiniteDerivative<P: ODEProblem>(
        _ problem: P, time: Double, stepSize h: Double, state y: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>, evaluations: inout Int
    ) -> ODESolverError? {
        let n = problem.dimension
        for fraction in [1.0, 0.5] {
            let t = time + fraction * h
            problem.derivatives(
                t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: scratch, count: n))
            evaluations += 1
            if let bad = firstNonFinite(scratch, count: n) {
                return .nonFiniteDerivative(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: scratch[bad])
            }
        }
        return nil
    }
}
