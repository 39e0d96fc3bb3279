import RealModule

/// Adaptive (or fixed-step) integration with an embedded explicit Runge–Kutta pair.
///
/// - Step-size control: a PI controller on the weighted RMS error norm (Gustafsson 1991; the
///   form of Hairer's DOPRI5, *Solving ODEs I*, §IV.2): after an accepted step
///   `h_new = h · clamp(s · err^(−β₁) · err_prev^(β₂))` with `k = q + 1`, `β₂ = 0.2/k`,
///   `β₁ = 1/k − 0.75 β₂` (for DOPRI5 `β₁ = 0.17`, `β₂ = 0.04`, Hairer's values); after a rejection
///   the plain `err^(−1/k)` rule, and no growth on the step that follows it.
/// - First step: Hairer's algorithm (*Solving ODEs I*, §II.4, "Starting Step Size").
/// - A step whose stages or result are not finite is rejected and retried 4× smaller; if that
///   drives the step below what `Double` resolves, the solve ends with an error naming the
///   component (`ODESolverError.nonFiniteDerivative` or `.nonFiniteState`).
///
/// All storage is allocated once at creation; a step allocates nothing.
public final class ExplicitRungeKuttaStepper<Problem: ODEProblem, Scheme: ExplicitRungeKuttaScheme>: ODEStepper {
    public let problem: Problem
    public private(set) var time = 0.0
    public private(set) var previousTime = 0.0
    public private(set) var nextStepSize = 0.0
    public private(set) var statistics = SolverStatistics()
    public private(set) var limitingComponent = 0

    private let n: Int
    private let options: SolverOptions
    private let weights: ErrorWeights
    private let storage: UnsafeMutablePointer<Double>
    private var yPrevious: UnsafeMutablePointer<Double>
    private var yCurrent: UnsafeMutablePointer<Double>
    private var yTrial: UnsafeMutablePointer<Double>
    private let stages: UnsafeMutablePointer<Double>
    private let endDerivative: UnsafeMutablePointer<Double>
    private let errorEstimate: UnsafeMutablePointer<Double>
    private let scratch: UnsafeMutablePointer<Double>
    private let dense: UnsafeMutablePointer<Double>

    private var direction = 1.0
    private var lastStepSize = 0.0
    private var previousErrorNorm = 1e-4
    private var lastAttemptRejected = false
    private var stageZeroIsCurrent = true
    private var densePrepared = false
    private var nonFiniteCause: ODESolverError?

    private let beta1: Double
    private let beta2: Double
    private let rejectExponent: Double

    /// Creates a stepper for `problem` with storage for its dimension. Call ``reset(time:state:direction:)``
    /// (or let ``ODEIntegrator`` do it) before stepping.
    public init(problem: Problem, options: SolverOptions) throws(ODESolverError) {
        try options.validate(dimension: problem.dimension, rootCount: problem.rootFunctionCount)
        self.problem = problem
        self.options = options
        n = problem.dimension
        weights = ErrorWeights(dimension: n, options: options)
        let vectors = 6 + Scheme.stageBufferCount + Scheme.denseBufferCount
        storage = .allocate(capacity: vectors * n)
        storage.initialize(repeating: 0, count: vectors * n)
        yPrevious = storage
        yCurrent = storage + n
        yTrial = storage + 2 * n
        errorEstimate = storage + 3 * n
        scratch = storage + 4 * n
        let stageStart = storage + 6 * n
        stages = stageStart
        if let endStage = Scheme.lastStageIsEndDerivative {
            endDerivative = stageStart + endStage * n
        } else {
            endDerivative = storage + 5 * n
        }
        dense = stageStart + Scheme.stageBufferCount * n
        let k = Double(Scheme.errorEstimatorOrder + 1)
        beta2 = 0.2 / k
        beta1 = 1 / k - 0.75 * beta2
        rejectExponent = 1 / k
    }

    deinit {
        storage.deallocate()
        weights.deallocate()
    }

    public var state: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: yCurrent, count: n) }

    @inline(__always)
    private func evaluate(_ t: Double, _ y: UnsafeMutablePointer<Double>, into dydt: UnsafeMutablePointer<Double>) {
        problem.derivatives(
            t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: dydt, count: n))
        statistics.rhsEvaluations += 1
    }

    public func reset(time t0: Double, state y0: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError) {
        guard y0.count == n else {
            throw .invalidInput("the initial state has \(y0.count) components but the problem has \(n)")
        }
        guard t0.isFinite else { throw .invalidInput("the initial time must be finite, got \(t0)") }
        if let bad = y0.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteInitialState(component: bad, name: problem.componentName(bad), value: y0[bad])
        }
        self.direction = direction < 0 ? -1 : 1
        time = t0
        previousTime = t0
        for i in 0..<n { yCurrent[i] = y0[i]; yPrevious[i] = y0[i] }
        evaluate(t0, yCurrent, into: stages)
        if let bad = firstNonFinite(stages, count: n) {
            throw .nonFiniteDerivative(time: t0, stepSize: 0, component: bad, name: problem.componentName(bad), value: stages[bad])
        }
        stageZeroIsCurrent = true
        densePrepared = false
        lastAttemptRejected = false
        previousErrorNorm = 1e-4
        lastStepSize = 0
        nonFiniteCause = nil
        let magnitude = options.fixedStepSize ?? options.initialStepSize ?? initialStepMagnitude()
        nextStepSize = self.direction * min(magnitude, options.maximumStepSize)
    }

    /// Hairer's starting step: `h₀ = 0.01‖y₀‖/‖f₀‖`, one explicit Euler step to estimate the
    /// second derivative, and `h₁ = (0.01 / max(‖f₀‖, ‖f'‖))^(1/(p+1))`; the smaller of `100 h₀`, `h₁`.
    private func initialStepMagnitude() -> Double {
        let d0 = weights.norm(yCurrent, scaledBy: yCurrent)
        let d1 = weights.norm(stages, scaledBy: yCurrent)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, options.maximumStepSize)
        for i in 0..<n { scratch[i] = yCurrent[i] + direction * h0 * stages[i] }
        evaluate(time + direction * h0, scratch, into: yTrial)
        for i in 0..<n { errorEstimate[i] = (yTrial[i] - stages[i]) / h0 }
        let d2 = weights.norm(errorEstimate, scaledBy: yCurrent)
        guard d2.isFinite else { return h0 }
        let largest = max(d1, d2)
        let h1 = largest <= 1e-15
            ? max(1e-6, h0 * 1e-3)
            : Double.pow(0.01 / largest, 1 / Double(Scheme.order + 1))
        return min(100 * h0, h1)
    }

    public func attemptStep(limit: Double) throws(ODESolverError) -> Bool {
        if !stageZeroIsCurrent {
            stages.update(from: endDerivative, count: n)
            stageZeroIsCurrent = true
        }
        densePrepared = false

        var h = nextStepSize
        var landsOnLimit = false
        if limit.isFinite, (time + 1.01 * h - limit) * direction >= 0 {
            h = limit - time
            landsOnLimit = true
        }
        let smallest = 4 * max(time.ulp, (time + h).ulp)
        guard abs(h) > smallest, h != 0 else {
            if let cause = nonFiniteCause { throw cause }
            throw .stepSizeUnderflow(time: time, stepSize: h, component: limitingComponent, name: problem.componentName(limitingComponent))
        }

        statistics.rhsEvaluations += Scheme.step(
            problem, t: time, h: h, n: n, y: yCurrent, stages: stages, yNew: yTrial,
            errorEstimate: errorEstimate, scratch: scratch)
        let (errorNorm, worst) = weights.norm(errorEstimate, scaledBy: yCurrent, yTrial)
        limitingComponent = worst

        guard errorNorm.isFinite, firstNonFinite(yTrial, count: n) == nil else {
            try recordNonFiniteAttempt(h: h)
            return false
        }

        if options.fixedStepSize == nil, errorNorm > 1 {
            statistics.rejectedSteps += 1
            lastAttemptRejected = true
            let factor = max(options.minimumStepRatio, options.safetyFactor * Double.pow(errorNorm, -rejectExponent))
            nextStepSize = h * factor
            return false
        }

        // Accept.
        previousTime = time
        time = landsOnLimit ? limit : time + h
        lastStepSize = h
        swap(&yPrevious, &yCurrent)
        swap(&yCurrent, &yTrial)
        if Scheme.lastStageIsEndDerivative == nil {
            evaluate(time, yCurrent, into: endDerivative)
        }
        stageZeroIsCurrent = false
        statistics.acceptedSteps += 1
        nonFiniteCause = nil
        if let bad = firstNonFinite(endDerivative, count: n) {
            throw .nonFiniteDerivative(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: endDerivative[bad])
        }

        if let fixed = options.fixedStepSize {
            nextStepSize = direction * fixed
        } else {
            var factor = errorNorm == 0
                ? options.maximumStepRatio
                : options.safetyFactor * Double.pow(errorNorm, -beta1) * Double.pow(previousErrorNorm, beta2)
            factor = min(options.maximumStepRatio, max(options.minimumStepRatio, factor))
            if lastAttemptRejected { factor = min(factor, 1) }
            previousErrorNorm = max(errorNorm, 1e-4)
            nextStepSize = direction * min(abs(h) * factor, options.maximumStepSize)
        }
        lastAttemptRejected = false
        return true
    }

    /// Rejects an attempt whose result is not finite, remembering which component failed so that
    /// an eventual step-size underflow reports it.
    private func recordNonFiniteAttempt(h: Double) throws(ODESolverError) {
        let cause: ODESolverError
        if let bad = firstNonFinite(stages, count: n * Scheme.stepStageCount) {
            let component = bad % n
            cause = .nonFiniteDerivative(time: time, stepSize: h, component: component, name: problem.componentName(component), value: stages[bad])
        } else if let bad = firstNonFinite(yTrial, count: n) {
            cause = .nonFiniteState(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: yTrial[bad])
        } else {
            let bad = firstNonFinite(errorEstimate, count: n) ?? limitingComponent
            cause = .nonFiniteState(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: errorEstimate[bad])
        }
        statistics.rejectedSteps += 1
        if options.fixedStepSize != nil { throw cause }
        nonFiniteCause = cause
        lastAttemptRejected = true
        nextStepSize = h * 0.25
    }

    public func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count == n, "output has \(output.count) elements, the state \(n)")
        let out = output.baseAddress!
        if t == time || lastStepSize == 0 {
            out.update(from: yCurrent, count: n)
            return
        }
        if t == previousTime {
            out.update(from: yPrevious, count: n)
            return
        }
        precondition(!stageZeroIsCurrent || densePrepared, "dense output requested after the stages were overwritten")
        if !densePrepared {
            statistics.rhsEvaluations += Scheme.prepareDenseOutput(
                problem, t: previousTime, h: lastStepSize, n: n, y0: yPrevious, y1: yCurrent,
                stages: stages, endDerivative: endDerivative, dense: dense, scratch: scratch)
            densePrepared = true
        }
        let theta = (t - previousTime) / lastStepSize
        Scheme.interpolate(theta: theta, h: lastStepSize, n: n, y0: yPrevious, stages: stages, dense: dense, output: out)
    }
}
