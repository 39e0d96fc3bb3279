/// RODAS5: an 8-stage Rosenbrock method of order 5 with an embedded order-4 estimate, L-stable
/// and stiffly accurate, with a continuous extension of order 4 — the Rodas4/Rodas5 class the
/// stiff solvers of Hairer & Wanner and OrdinaryDiffEq.jl are built on.
///
/// In the transformed form (Hairer & Wanner, *Solving ODEs II*, §IV.7, eq. 7.25), with
/// `J = ∂f/∂y(t_n, y_n)` and `f_t = ∂f/∂t(t_n, y_n)` taken once per step and one LU factorisation of
/// `W = I/(γh) − J` per step size:
///
/// ```
/// Y_i = y_n + Σ_{j<i} a_ij U_j
/// W U_i = f(t_n + c_i h, Y_i) + d_i h f_t + Σ_{j<i} (C_ij/h) U_j,     i = 1…8
/// y_{n+1} = Y_8 + U_8,   error estimate U_8 (= y_{n+1} − embedded order-4 solution Y_8)
/// y(t_n + θh) = (1−θ) y_n + θ (y_{n+1} + (1−θ)(k₁ + θ(k₂ + θ k₃))),   k_r = Σ_j H_rj U_j
/// ```
///
/// Coefficients: G. Di Marzo, "RODAS5(4) — Méthodes de Rosenbrock d'ordre 5(4) adaptées aux
/// problèmes différentiels-algébriques", MSc thesis, Univ. Geneva (1993), in the transformed form
/// and with the dense-output matrix `H` as tabulated in OrdinaryDiffEq.jl (`Rodas5Tableau`); checked
/// here by the convergence tests (order 5, interpolant order 4).
///
/// The Jacobian is analytic when the problem provides one, else forward differences; `∂f/∂t` by a
/// forward difference unless the problem is autonomous.
public final class Rodas5Stepper<Problem: ODEProblem>: ODEStepper {
    public let problem: Problem
    public private(set) var time = 0.0
    public private(set) var previousTime = 0.0
    public private(set) var nextStepSize = 0.0
    public private(set) var statistics = SolverStatistics()
    public private(set) var limitingComponent = 0
    /// A first step size for the next `reset` only (used when ``AutoSwitchingStepper`` hands over).
    var stepSizeHint: Double?

    private typealias R = Rodas5Tableau

    private let n: Int
    private let options: SolverOptions
    private let weights: ErrorWeights
    private let jacobian: JacobianWorkspace
    private let lu: DenseLU
    private let storage: UnsafeMutablePointer<Double>
    private var yPrevious: UnsafeMutablePointer<Double>
    private var yCurrent: UnsafeMutablePointer<Double>
    private var yTrial: UnsafeMutablePointer<Double>
    private let stages: UnsafeMutablePointer<Double>   // U_1…U_8
    private let stageState: UnsafeMutablePointer<Double>
    private let derivative: UnsafeMutablePointer<Double>
    private let timeDerivative: UnsafeMutablePointer<Double>
    private let startDerivative: UnsafeMutablePointer<Double>
    private let dense: UnsafeMutablePointer<Double>    // k₁, k₂, k₃

    private var direction = 1.0
    private var lastStepSize = 0.0
    private var controller: StepSizeController
    private var jacobianIsCurrent = false
    /// The increment of the current `f_t` estimate; NaN when there is none for this step.
    private var timeDerivativeIncrement = Double.nan
    private var factoredStepSize = Double.nan
    private var densePrepared = false
    private var stagesValid = false
    private var nonFiniteCause: ODESolverError?

    public init(problem: Problem, options: SolverOptions) throws(ODESolverError) {
        try options.validate(dimension: problem.dimension, rootCount: problem.rootFunctionCount)
        self.problem = problem
        self.options = options
        n = problem.dimension
        weights = ErrorWeights(dimension: n, options: options)
        jacobian = JacobianWorkspace(dimension: n)
        lu = DenseLU(dimension: n)
        let vectors = 3 + R.stageCount + 4 + 3
        storage = .allocate(capacity: vectors * n)
        storage.initialize(repeating: 0, count: vectors * n)
        yPrevious = storage
        yCurrent = storage + n
        yTrial = storage + 2 * n
        stages = storage + 3 * n
        stageState = stages + R.stageCount * n
        derivative = stageState + n
        timeDerivative = derivative + n
        startDerivative = timeDerivative + n
        dense = startDerivative + n
        controller = StepSizeController(errorOrder: 5, options: options)
    }

    deinit {
        storage.deallocate()
        weights.deallocate()
    }

    public var state: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: yCurrent, count: n) }

    @inline(__always)
    private func evaluate(_ t: Double, _ y: UnsafeMutablePointer<Double>, into dydt: UnsafeMutablePointer<Double>) {
        problem.derivatives(t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: dydt, count: n))
        statistics.rhsEvaluations += 1
    }

    public func reset(time t0: Double, state y0: UnsafeBufferPointer<Double>, direction: Double) throws(ODESolverError) {
        try StepperSupport.validateStart(problem, time: t0, state: y0)
        self.direction = direction < 0 ? -1 : 1
        time = t0
        previousTime = t0
        for i in 0..<n { yCurrent[i] = y0[i]; yPrevious[i] = y0[i] }
        evaluate(t0, yCurrent, into: startDerivative)
        try StepperSupport.checkDerivative(problem, startDerivative, time: t0, stepSize: 0)
        controller.reset()
        lastStepSize = 0
        jacobianIsCurrent = false
        factoredStepSize = .nan
        densePrepared = false
        stagesValid = false
        nonFiniteCause = nil
        let magnitude: Double
        if let given = options.fixedStepSize ?? stepSizeHint ?? options.initialStepSize {
            stepSizeHint = nil
            magnitude = given
        } else {
            magnitude = StepperSupport.initialStepMagnitude(
                problem, weights: weights, time: t0, state: yCurrent, derivative: startDerivative, direction: self.direction,
                order: 4, maximumStepSize: options.maximumStepSize, scratch1: stageState, scratch2: derivative)
            statistics.rhsEvaluations += 1
        }
        nextStepSize = self.direction * min(magnitude, options.maximumStepSize)
    }

    /// Evaluates `J` at the start of the step (once per accepted step).
    private func prepareJacobian(h: Double) {
        statistics.rhsEvaluations += jacobian.evaluate(problem, t: time, y: yCurrent, f: startDerivative, stepSize: h, weights: weights)
        statistics.jacobianEvaluations += 1
        jacobianIsCurrent = true
        factoredStepSize = .nan
        timeDerivativeIncrement = .nan
    }

    /// Estimates `f_t = ∂f/∂t` at the start of the step by a forward difference of size
    /// `min(√ε·max(1e-5, |t|), |h|/2)`, kept inside the step so `f` is never evaluated past a stop
    /// time; recomputed only when a smaller step no longer contains the increment.
    private func prepareTimeDerivative(h: Double) {
        if problem.isAutonomous {
            if timeDerivativeIncrement.isNaN { timeDerivative.update(repeating: 0, count: n) }
            timeDerivativeIncrement = 0
            return
        }
        if !timeDerivativeIncrement.isNaN, abs(timeDerivativeIncrement) <= 0.5 * abs(h) { return }
        let target = time + direction * min(Double.ulpOfOne.squareRoot() * max(1e-5, abs(time)), 0.5 * abs(h))
        let delta = target - time
        timeDerivativeIncrement = delta
        if delta == 0 {
            timeDerivative.update(repeating: 0, count: n)
            return
        }
        evaluate(target, yCurrent, into: timeDerivative)
        for i in 0..<n { timeDerivative[i] = (timeDerivative[i] - startDerivative[i]) / delta }
    }

    /// `‖J‖_∞` (largest absolute row sum) of the Jacobian used in the last accepted step; an
    /// upper bound of its spectral radius.
    public var jacobianInfinityNorm: Double {
        var largest = 0.0
        let j = jacobian.jacobian
        for i in 0..<n {
            var sum = 0.0
            for k in 0..<n { sum += abs(j[i + k * n]) }
            largest = max(largest, sum)
        }
        return largest
    }

    @inline(__always)
    private func stage(_ i: Int) -> UnsafeMutablePointer<Double> { stages + (i - 1) * n }

    public func attemptStep(limit: Double) throws(ODESolverError) -> Bool {
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
        densePrepared = false
        stagesValid = false
        if !jacobianIsCurrent { prepareJacobian(h: h) }
        prepareTimeDerivative(h: h)
        if h != factoredStepSize {
            statistics.luDecompositions += 1
            guard jacobian.factorIterationMatrix(lu, identityScale: 1 / (R.gamma * h), jacobianScale: 1) else {
                factoredStepSize = .nan
                statistics.rejectedSteps += 1
                nextStepSize = controller.rejected(stepSize: h, error: .nan)
                return false
            }
            factoredStepSize = h
        }
        computeStages(h: h)

        let u8 = stage(8)
        for i in 0..<n { yTrial[i] = stageState[i] + u8[i] }
        let (errorNorm, worst) = weights.norm(u8, scaledBy: yCurrent, yTrial)
        limitingComponent = worst
        guard errorNorm.isFinite, firstNonFinite(yTrial, count: n) == nil else {
            try recordNonFiniteAttempt(h: h)
            return false
        }
        if options.fixedStepSize == nil, errorNorm > 1 {
            statistics.rejectedSteps += 1
            nextStepSize = controller.rejected(stepSize: h, error: errorNorm)
            return false
        }
        // Accept: the new point and f there (the next step's first stage).
        evaluate(landsOnLimit ? limit : time + h, yTrial, into: derivative)
        try StepperSupport.checkDerivative(problem, derivative, time: landsOnLimit ? limit : time + h, stepSize: h)
        previousTime = time
        time = landsOnLimit ? limit : time + h
        lastStepSize = h
        swap(&yPrevious, &yCurrent)
        swap(&yCurrent, &yTrial)
        startDerivative.update(from: derivative, count: n)
        statistics.acceptedSteps += 1
        nonFiniteCause = nil
        jacobianIsCurrent = false
        stagesValid = true
        if let fixed = options.fixedStepSize {
            nextStepSize = direction * fixed
        } else {
            nextStepSize = controller.accepted(stepSize: h, error: errorNorm)
        }
        return true
    }

    /// The eight stages `U_i`; leaves `Y_8` in `stageState`.
    private func computeStages(h: Double) {
        let y = yCurrent, ft = timeDerivative, f = derivative, s = stageState
        let u1 = stage(1), u2 = stage(2), u3 = stage(3), u4 = stage(4)
        let u5 = stage(5), u6 = stage(6), u7 = stage(7), u8 = stage(8)
        let inverseH = 1 / h
        // Stage 1: f(t, y) is the start derivative.
        for i in 0..<n { u1[i] = startDerivative[i] + R.d1 * h * ft[i] }
        lu.solve(u1)
        // Stage 2.
        for i in 0..<n { s[i] = y[i] + R.a21 * u1[i] }
        evaluate(time + R.t2 * h, s, into: f)
        for i in 0..<n { u2[i] = f[i] + R.d2 * h * ft[i] + inverseH * (R.c21 * u1[i]) }
        lu.solve(u2)
        // Stage 3.
        for i in 0..<n { s[i] = y[i] + R.a31 * u1[i] + R.a32 * u2[i] }
        evaluate(time + R.t3 * h, s, into: f)
        for i in 0..<n { u3[i] = f[i] + R.d3 * h * ft[i] + inverseH * (R.c31 * u1[i] + R.c32 * u2[i]) }
        lu.solve(u3)
        // Stage 4.
        for i in 0..<n { s[i] = y[i] + R.a41 * u1[i] + R.a42 * u2[i] + R.a43 * u3[i] }
        evaluate(time + R.t4 * h, s, into: f)
        for i in 0..<n {
            u4[i] = f[i] + R.d4 * h * ft[i] + inverseH * (R.c41 * u1[i] + R.c42 * u2[i] + R.c43 * u3[i])
        }
        lu.solve(u4)
        // Stage 5.
        for i in 0..<n { s[i] = y[i] + R.a51 * u1[i] + R.a52 * u2[i] + R.a53 * u3[i] + R.a54 * u4[i] }
        evaluate(time + R.t5 * h, s, into: f)
        for i in 0..<n {
            let c = R.c51 * u1[i] + R.c52 * u2[i] + R.c53 * u3[i] + R.c54 * u4[i]
            u5[i] = f[i] + R.d5 * h * ft[i] + inverseH * c
        }
        lu.solve(u5)
        // Stage 6 (c₆ = 1, d₆ = 0).
        for i in 0..<n {
            s[i] = y[i] + R.a61 * u1[i] + R.a62 * u2[i] + R.a63 * u3[i] + R.a64 * u4[i] + R.a65 * u5[i]
        }
        evaluate(time + h, s, into: f)
        for i in 0..<n {
            let c = R.c61 * u1[i] + R.c62 * u2[i] + R.c63 * u3[i] + R.c64 * u4[i] + R.c65 * u5[i]
            u6[i] = f[i] + inverseH * c
        }
        lu.solve(u6)
        // Stage 7: Y₇ = Y₆ + U₆.
        for i in 0..<n { s[i] += u6[i] }
        evaluate(time + h, s, into: f)
        for i in 0..<n {
            let c = R.c71 * u1[i] + R.c72 * u2[i] + R.c73 * u3[i] + R.c74 * u4[i] + R.c75 * u5[i] + R.c76 * u6[i]
            u7[i] = f[i] + inverseH * c
        }
        lu.solve(u7)
        // Stage 8: Y₈ = Y₇ + U₇.
        for i in 0..<n { s[i] += u7[i] }
        evaluate(time + h, s, into: f)
        for i in 0..<n {
            let c = R.c81 * u1[i] + R.c82 * u2[i] + R.c83 * u3[i] + R.c84 * u4[i] + R.c85 * u5[i]
                + R.c86 * u6[i] + R.c87 * u7[i]
            u8[i] = f[i] + inverseH * c
        }
        lu.solve(u8)
    }

    private func recordNonFiniteAttempt(h: Double) throws(ODESolverError) {
        let cause: ODESolverError
        if let probed = StepperSupport.probeNonFiniteDerivative(
            problem, time: time, stepSize: h, state: yCurrent, scratch: derivative, evaluations: &statistics.rhsEvaluations) {
            cause = probed
        } else {
            let bad = firstNonFinite(yTrial, count: n) ?? limitingComponent
            cause = .nonFiniteState(time: time, stepSize: h, component: bad, name: problem.componentName(bad), value: yTrial[bad])
        }
        statistics.rejectedSteps += 1
        if options.fixedStepSize != nil { throw cause }
        nonFiniteCause = cause
        nextStepSize = controller.rejected(stepSize: h, error: .nan)
    }

    public func interpolate(at t: Double, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count == n, "output has \(output.count) elements, the state \(n)")
        let out = output.baseAddress!
        if StepperSupport.copyEndPoint(
            at: t, time: time, previousTime: previousTime, lastStepSize: lastStepSize,
            current: yCurrent, previous: yPrevious, count: n, into: out) { return }
        precondition(stagesValid, "dense output requested after the stages were overwritten")
        let k1 = dense, k2 = dense + n, k3 = dense + 2 * n
        if !densePrepared {
            let u1 = stage(1), u2 = stage(2), u3 = stage(3), u4 = stage(4)
            let u5 = stage(5), u6 = stage(6), u7 = stage(7), u8 = stage(8)
            for i in 0..<n {
                k1[i] = R.h11 * u1[i] + R.h12 * u2[i] + R.h13 * u3[i] + R.h14 * u4[i]
                    + R.h15 * u5[i] + R.h16 * u6[i] + R.h17 * u7[i] + R.h18 * u8[i]
                k2[i] = R.h21 * u1[i] + R.h23 * u3[i] + R.h24 * u4[i]
                    + R.h25 * u5[i] + R.h26 * u6[i] + R.h27 * u7[i] + R.h28 * u8[i]
                k3[i] = R.h31 * u1[i] + R.h33 * u3[i] + R.h34 * u4[i]
                    + R.h35 * u5[i] + R.h36 * u6[i] + R.h37 * u7[i] + R.h38 * u8[i]
            }
            densePrepared = true
        }
        let theta = (t - previousTime) / lastStepSize
        let theta1 = 1 - theta
        for i in 0..<n {
            out[i] = theta1 * yPrevious[i] + theta * (yCurrent[i] + theta1 * (k1[i] + theta * (k2[i] + theta * k3[i])))
        }
    }
}

/// The coefficients of ``Rodas5Stepper`` (see there for the formulas and source).
enum Rodas5Tableau {
    static let gamma = 0.19
    static let stageCount = 8

    // a_ij (rows 2…8; rows 7 and 8 nest: a_7j = a_6j + δ_j6, a_8j = a_7j + δ_j7).
    static let a21 = 2.0
    static let a31 = 3.040894194418781, a32 = 1.041747909077569
    static let a41 = 2.576417536461461, a42 = 1.622083060776640, a43 = -0.9089668560264532
    static let a51 = 2.760842080225597, a52 = 1.446624659844071, a53 = -0.3036980084553738, a54 = 0.2877498600325443
    static let a61 = -14.09640773051259, a62 = 6.925207756232704, a63 = -41.47510893210728
    static let a64 = 2.343771018586405, a65 = 24.13215229196062
    // C_ij.
    static let c21 = -10.31323885133993
    static let c31 = -21.04823117650003, c32 = -7.234992135176716
    static let c41 = 32.22751541853323, c42 = -4.943732386540191, c43 = 19.44922031041879
    static let c51 = -20.69865579590063, c52 = -8.816374604402768, c53 = 1.260436877740897, c54 = -0.7495647613787146
    static let c61 = -46.22004352711257, c62 = -17.49534862857472, c63 = -289.6389582892057
    static let c64 = 93.60855400400906, c65 = 318.3822534212147
    static let c71 = 34.20013733472935, c72 = -14.15535402717690, c73 = 57.82335640988400
    static let c74 = 25.83362985412365, c75 = 1.408950972071624, c76 = -6.551835421242162
    static let c81 = 42.57076742291101, c82 = -13.80770672017997, c83 = 93.98938432427124
    static let c84 = 18.77919633714503, c85 = -31.58359187223370, c86 = -6.685968952921985, c87 = -5.810979938412932
    // Stage times c_i and time-derivative coefficients d_i (c₆ = c₇ = c₈ = 1, d₆ = d₇ = d₈ = 0).
    static let t2 = 0.38, t3 = 0.3878509998321533, t4 = 0.4839718937873840, t5 = 0.4570477008819580
    static let d1 = 0.19, d2 = -0.1823079225333714636, d3 = -0.319231832186874912
    static let d4 = 0.3449828624725343, d5 = -0.377417564392089818
    // Dense output H (3 × 8); two entries printed as ~1e-13 in the source are exact zeros.
    static let h11 = 27.354592673333357, h12 = -6.925207756232857, h13 = 26.40037733258859, h14 = 0.5635230501052979
    static let h15 = -4.699151156849391, h16 = -1.6008677469422725, h17 = -1.5306074446748028, h18 = -1.3929872940716344
    static let h21 = 44.19024239501722, h23 = 202.93261852171622, h24 = -35.5669339789154
    static let h25 = -181.91095152160645, h26 = 3.4116351403665033, h27 = 2.5793540257308067, h28 = 2.2435122582734066
    static let h31 = -44.0988150021747, h33 = -181.26175034586677, h34 = 56.99302194811676
    static let h35 = 183.21182741427398, h36 = -7.480257918273637, h37 = -5.792426076169686, h38 = -5.32503859794143
}
