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
    private var _time: Double = 0.0
    public var time: Double { _time }
    private var _previousTime: Double = 0.0
    public var previousTime: Double { _previousTime }
    private var _nextStepSize: Double = 0.0
    public var nextStepSize: Double { _nextStepSize }
    private var _statistics: SolverStatistics = SolverStatistics()
    public var statistics: SolverStatistics { _statistics }
    private var _limitingComponent: Int = 0
    public var limitingComponent: Int { _limitingComponent }
    /// A first step size for the next `reset` only (used when ``AutoSwitchingStepper`` hands over).
    var stepSizeHint: Double?
    /// `h·ρ` of the last accepted step (see ``ExplicitRungeKuttaScheme/stiffnessProduct(h:n:stages:yNew:scratch:)``).
    private var _lastStiffnessProduct: Double = Double.nan
    public var lastStiffnessProduct: Double { _lastStiffnessProduct }

    private let n: Int
    /// Whether steps run on SIMD lanes (``ExplicitRungeKuttaScheme/stepInLanes(_:t:h:n:y:stages:yNew:errorEstimate:scratch:)``):
    /// a state of at most four components whose problem computes its right-hand side on lanes.
    private let stepsInLanes: Bool
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
    private var controller: StepSizeController
    private var stageZeroIsCurrent = true
    private var densePrepared = false
    private var nonFiniteCause: ODESolverError?
    /// Where the last non-finite attempt would have ended: accepted steps short of it keep its
    /// cause, so closing in on a singularity reports the singularity, not the small step.
    private var nonFiniteReach = 0.0

    /// Creates a stepper for `problem` with storage for its dimension. Call ``reset(time:state:direction:)``
    /// (or let ``ODEIntegrator`` do it) before stepping.
    public init(problem: Problem, options: SolverOptions) throws(ODESolverError) {
        try options.validate(dimension: problem.dimension, rootCount: problem.rootFunctionCount)
        self.problem = problem
        self.options = options
        n = problem.dimension
        stepsInLanes = n <= 4 && problem.providesLaneDerivatives
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
        controller = StepSizeController(errorOrder: Scheme.errorEstimatorOrder + 1, options: options)
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
        _statistics.rhsEvaluations += 1
    }

    public func reset(time t0: Double, state y0: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError) {
        try StepperSupport.validateStart(problem, time: t0, state: y0)
        self.direction = direction < 0 ? -1 : 1
        _time = t0
        _previousTime = t0
        for i in 0..<n { yCurrent[i] = y0[i]; yPrevious[i] = y0[i] }
        evaluate(t0, yCurrent, into: stages)
        try StepperSupport.checkDerivative(problem, stages, time: t0, stepSize: 0)
        stageZeroIsCurrent = true
        densePrepared = false
        controller.reset()
        lastStepSize = 0
        nonFiniteCause = nil
        let magnitude: Double
        if let given = options.fixedStepSize ?? stepSizeHint ?? options.initialStepSize {
            stepSizeHint = nil
            magnitude = given
        } else {
            magnitude = StepperSupport.initialStepMagnitude(
                problem, weights: weights, time: t0, state: yCurrent, derivative: stages, direction: self.direction,
                order: Scheme.order, maximumStepSize: options.maximumStepSize, scratch1: scratch, scratch2: yTrial)
            _statistics.rhsEvaluations += 1
        }
        _nextStepSize = self.direction * min(magnitude, options.maximumStepSize)
    }

    @inline(__always)
    public func attemptStep(limit: Double) throws(ODESolverError) -> Bool {
        if !stageZeroIsCurrent {
            for i in 0..<n { stages[i] = endDerivative[i] }
            stageZeroIsCurrent = true
        }
        densePrepared = false

        var h = nextStepSize
        var landsOnLimit = false
        if limit.isFinite, (time + 1.01 * h - limit) * direction >= 0 {
            h = limit - time
            landsOnLimit = true
        }
        guard !StepperSupport.isUnderflow(h, at: time) else {
            if let cause = nonFiniteCause { throw cause }
            throw .stepSizeUnderflow(time: time, stepSize: h, component: limitingComponent, name: problem.componentName(limitingComponent))
        }

        if stepsInLanes {
            _statistics.rhsEvaluations += Scheme.stepInLanes(
                problem, t: time, h: h, n: n, y: yCurrent, stages: stages, yNew: yTrial,
                errorEstimate: errorEstimate, scratch: scratch)
        } else {
            _statistics.rhsEvaluations += Scheme.step(
                problem, t: time, h: h, n: n, y: yCurrent, stages: stages, yNew: yTrial,
                errorEstimate: errorEstimate, scratch: scratch)
        }
        // ‖e‖ ≤ 1 is Σ ≤ n; the controller takes ln‖e‖ = ½(ln Σ − ln n), so neither the root nor
        // the division lies on the path from one step to the next.
        let (squares, worst) = weights.weightedSquares(errorEstimate, scaledBy: yCurrent, yTrial)
        _limitingComponent = worst

        guard squares.isFinite, firstNonFinite(yTrial, count: n) == nil else {
            try recordNonFiniteAttempt(h: h)
            return false
        }

        if options.fixedStepSize == nil, squares > Double(n) {
            _statistics.rejectedSteps += 1
            _nextStepSize = controller.rejected(stepSize: h, error: (squares / Double(n)).squareRoot())
            return false
        }

        // Accept.
        _lastStiffnessProduct = Scheme.stiffnessProduct(h: h, n: n, stages: stages, yNew: yTrial, scratch: scratch)
        _previousTime = time
        _time = landsOnLimit ? limit : time + h
        lastStepSize = h
        swap(&yPrevious, &yCurrent)
        swap(&yCurrent, &yTrial)
        if Scheme.lastStageIsEndDerivative == nil {
            evaluate(time, yCurrent, into: endDerivative)
        }
        stageZeroIsCurrent = false
        _statistics.acceptedSteps += 1
        if (time - nonFiniteReach) * direction >= 0 { nonFiniteCause = nil }
        try StepperSupport.checkDerivative(problem, endDerivative, time: time, stepSize: h)

        if let fixed = options.fixedStepSize {
            _nextStepSize = direction * fixed
        } else {
            _nextStepSize = controller.accepted(stepSize: h, logError: 0.5 * (Double.log(squares) - weights.logDimension))
        }
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
        _statistics.rejectedSteps += 1
        if options.fixedStepSize != nil { throw cause }
        nonFiniteCause = cause
        nonFiniteReach = time + h
        _nextStepSize = controller.rejected(stepSize: h, error: .nan)
    }

    public func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count == n, "output has \(output.count) elements, the state \(n)")
        let out = output.baseAddress!
        if StepperSupport.copyEndPoint(
            at: t, time: time, previousTime: previousTime, lastStepSize: lastStepSize,
            current: yCurrent, previous: yPrevious, count: n, into: out) { return }
        precondition(!stageZeroIsCurrent || densePrepared, "dense output requested after the stages were overwritten")
        if !densePrepared {
            _statistics.rhsEvaluations += Scheme.prepareDenseOutput(
                problem, t: previousTime, h: lastStepSize, n: n, y0: yPrevious, y1: yCurrent,
                stages: stages, endDerivative: endDerivative, dense: dense, scratch: scratch)
            densePrepared = true
        }
        let theta = (t - previousTime) / lastStepSize
        Scheme.interpolate(theta: theta, h: lastStepSize, n: n, y0: yPrevious, stages: stages, dense: dense, output: out)
    }
}
