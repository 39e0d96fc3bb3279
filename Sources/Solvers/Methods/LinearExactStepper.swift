/// Exact propagation of linear autonomous systems `y' = A y + b` (compartment models with
/// constant inputs between events): each step, and each output, is `y(t + Δ) = e^{AΔ} y(t) +
/// ∫₀^Δ e^{As} b ds`, computed as one matrix exponential of the augmented generator
/// `[[A, b], [0, 0]]·Δ` (``MatrixExponential``) and cached per interval length, so regular
/// output grids cost a matrix-vector product each. No error control is needed: there is no
/// truncation error, only rounding.
///
/// `A` is the problem's Jacobian (analytic, or by differences) and `b = f(t, 0)`, both taken at
/// each reset — a dose or an infusion edge restarts the method, and with it picks up the new
/// input. At each reset the problem is checked to be linear (`f(y) = A y + b` at a second point);
/// a nonlinear or time-dependent problem is refused with an error, never solved wrongly.
public final class LinearExactStepper<Problem: ODEProblem>: ODEStepper {
    public let problem: Problem
    public private(set) var time = 0.0
    public private(set) var previousTime = 0.0
    public private(set) var nextStepSize = 1.0
    public private(set) var statistics = SolverStatistics()
    public let limitingComponent = 0

    private let n: Int
    private let options: SolverOptions
    private var generator: [Double] = []        // (n+1)² augmented matrix, column-major
    private var cache: [UInt64: [Double]] = [:]
    private var current: [Double] { didSet { stateBuffer.update(from: current, count: n) } }
    private let stateBuffer: UnsafeMutablePointer<Double>
    private var previous: [Double]
    /// The last interpolated point, to propagate from on regular grids.
    private var lastOutput: (time: Double, state: [Double])?
    private var direction = 1.0
    private let jacobian: JacobianWorkspace
    private let weights: ErrorWeights

    public init(problem: Problem, options: SolverOptions) throws(ODESolverError) {
        try options.validate(dimension: problem.dimension, rootCount: problem.rootFunctionCount)
        self.problem = problem
        self.options = options
        n = problem.dimension
        stateBuffer = .allocate(capacity: n)
        stateBuffer.initialize(repeating: 0, count: n)
        current = Array(repeating: 0, count: n)
        previous = current
        jacobian = JacobianWorkspace(dimension: n)
        weights = ErrorWeights(dimension: n, options: options)
    }

    deinit {
        weights.deallocate()
        stateBuffer.deallocate()
    }

    public var state: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: stateBuffer, count: n) }

    private func evaluate(_ t: Double, _ y: [Double]) -> [Double] {
        var dydt = [Double](repeating: 0, count: n)
        y.withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { problem.derivatives(t: t, y: ys, dydt: $0) } }
        statistics.rhsEvaluations += 1
        return dydt
    }

    public func reset(time t0: Double, state y0: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError) {
        try StepperSupport.validateStart(problem, time: t0, state: y0)
        guard problem.isAutonomous else {
            throw .invalidInput("the exact linear method needs an autonomous model (no t on the right-hand side); use auto")
        }
        self.direction = direction < 0 ? -1 : 1
        time = t0
        previousTime = t0
        current = Array(y0)
        previous = current
        lastOutput = nil
        // A and b.
        let b = evaluate(t0, [Double](repeating: 0, count: n))
        var f0 = evaluate(t0, current)
        var y = current
        try f0.withUnsafeMutableBufferPointer { (fb) throws(ODESolverError) in
            try StepperSupport.checkDerivative(problem, fb.baseAddress!, time: t0, stepSize: 0)
            let evaluations = y.withUnsafeMutableBufferPointer { yb in
                jacobian.evaluate(problem, t: t0, y: yb.baseAddress!, f: fb.baseAddress!, stepSize: 1, weights: weights)
            }
            statistics.rhsEvaluations += evaluations
        }
        statistics.jacobianEvaluations += 1
        let a = Array(UnsafeBufferPointer(start: jacobian.jacobian, count: n * n))
        // Linearity check at a second point: f(y) must equal A y + b.
        let probe = current.enumerated().map { $0.element * 1.37 + 0.5 + Double($0.offset) * 0.1 }
        let fProbe = evaluate(t0, probe)
        for i in 0..<n {
            var predicted = b[i]
            for j in 0..<n { predicted += a[i + j * n] * probe[j] }
            let scale = abs(fProbe[i]) + abs(predicted) + 1e-300
            guard abs(fProbe[i] - predicted) <= 1e-6 * scale + 1e-12 else {
                throw .invalidInput("the exact linear method needs a linear model, but \(problem.componentName(i))'s derivative is not linear in the state; use auto")
            }
        }
        let m = n + 1
        var augmented = [Double](repeating: 0, count: m * m)
        for j in 0..<n { for i in 0..<n { augmented[i + j * m] = a[i + j * n] } }
        for i in 0..<n { augmented[i + n * m] = b[i] }
        if augmented != generator {
            generator = augmented
            cache.removeAll(keepingCapacity: true)
        }
        nextStepSize = self.direction * (options.initialStepSize ?? max(1, abs(t0)))
    }

    /// `e^{MΔ}` for the augmented generator, cached by Δ.
    private func transition(_ delta: Double) -> [Double] {
        if let cached = cache[delta.bitPattern] { return cached }
        let m = n + 1
        let scaled = generator.map { $0 * delta }
        let result = MatrixExponential.exp(scaled, dimension: m)
        statistics.luDecompositions += 1
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        cache[delta.bitPattern] = result
        return result
    }

    private func propagate(_ y: [Double], by delta: Double) -> [Double] {
        if delta == 0 { return y }
        let e = transition(delta)
        let m = n + 1
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = e[i + n * m]
            for j in 0..<n { sum += e[i + j * m] * y[j] }
            out[i] = sum
        }
        return out
    }

    public func attemptStep(limit: Double) throws(ODESolverError) -> Bool {
        var h = nextStepSize
        if limit.isFinite { h = limit - time }
        guard h != 0 else { throw .stepSizeUnderflow(time: time, stepSize: h, component: 0, name: problem.componentName(0)) }
        let next = propagate(current, by: h)
        if let bad = firstNonFiniteIndex(next) {
            throw .nonFiniteState(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: next[bad])
        }
        previous = current
        current = next
        previousTime = time
        time = limit.isFinite ? limit : time + h
        statistics.acceptedSteps += 1
        nextStepSize = 2 * h
        return true
    }

    private func firstNonFiniteIndex(_ values: [Double]) -> Int? { values.firstIndex { !$0.isFinite } }

    public func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>) {
        let result: [Double]
        if t == time {
            result = current
        } else if let last = lastOutput, (t - last.time) * direction >= 0, (last.time - previousTime) * direction >= 0 {
            result = propagate(last.state, by: t - last.time)
        } else {
            result = propagate(previous, by: t - previousTime)
        }
        lastOutput = (t, result)
        for i in 0..<n { output[i] = result[i] }
    }
}
