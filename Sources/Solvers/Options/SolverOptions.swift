/// Settings shared by every integration method.
///
/// Defaults follow common practice in the field: `rtol = 1e-6`, `atol = 1e-10` (mrgsolve and
/// rxode2 use tolerances of this order for PK models), a step-size controller bounded to shrink
/// at most 5× and grow at most 10× per step (Hairer's DOPRI5 defaults), and at most 100 000 step
/// attempts in one call to ``ODEIntegrator/advance(to:)`` (a guard against endless runs, like
/// CVODE's `mxstep`, which bounds one output interval rather than the whole solve).
public struct SolverOptions: Sendable, Equatable {
    /// Relative tolerance, dimensionless.
    public var relativeTolerance: Tolerance = .scalar(1e-6)
    /// Absolute tolerance, in the units of each state component.
    public var absoluteTolerance: Tolerance = .scalar(1e-10)
    /// Step attempts (accepted and rejected) allowed in one call to `advance(to:)`.
    public var maximumSteps: Int = 100_000
    /// The first step's size; `nil` chooses it by Hairer's algorithm (*Solving ODEs I*, §II.4).
    public var initialStepSize: Double? = nil
    /// Largest step magnitude allowed, in time units.
    public var maximumStepSize: Double = .infinity
    /// When set, steps have exactly this size (the last one before a stop time is shortened to
    /// land on it) and no error control is applied: for order studies and reproductions of
    /// fixed-step codes. Tolerances still scale the error estimate reported in statistics.
    public var fixedStepSize: Double? = nil
    /// Safety factor multiplying the optimal step-size estimate.
    public var safetyFactor: Double = 0.9
    /// Smallest allowed ratio new step / old step.
    public var minimumStepRatio: Double = 0.2
    /// Largest allowed ratio new step / old step.
    public var maximumStepRatio: Double = 10
    /// Which sign changes of each root function count, one entry per root function; `nil` means
    /// `.either` for all.
    public var rootDirections: [RootDirection]? = nil

    public init() {}

    /// Options with the given tolerances and defaults elsewhere.
    public init(relativeTolerance: Tolerance, absoluteTolerance: Tolerance) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// Checks every setting against a problem of `dimension` components and `rootCount` roots.
    func validate(dimension: Int, rootCount: Int) throws(ODESolverError) {
        guard dimension >= 1 else { throw .invalidInput("the problem has \(dimension) state components; at least 1 is needed") }
        try relativeTolerance.validate(dimension: dimension, name: "relative tolerance")
        try absoluteTolerance.validate(dimension: dimension, name: "absolute tolerance")
        for i in 0..<dimension where relativeTolerance.value(at: i) == 0 && absoluteTolerance.value(at: i) == 0 {
            throw .invalidInput("component \(i) has both tolerances 0; at least one must be positive")
        }
        guard maximumSteps >= 1 else { throw .invalidInput("maximum steps must be ≥ 1, got \(maximumSteps)") }
        if let h = initialStepSize, !(h.isFinite && h > 0) {
            throw .invalidInput("initial step size must be finite and > 0, got \(h)")
        }
        guard maximumStepSize > 0, !maximumStepSize.isNaN else {
            throw .invalidInput("maximum step size must be > 0, got \(maximumStepSize)")
        }
        if let h = fixedStepSize, !(h.isFinite && h > 0) {
            throw .invalidInput("fixed step size must be finite and > 0, got \(h)")
        }
        guard safetyFactor > 0, safetyFactor <= 1 else { throw .invalidInput("safety factor must be in (0, 1], got \(safetyFactor)") }
        guard minimumStepRatio > 0, minimumStepRatio < 1 else {
            throw .invalidInput("minimum step ratio must be in (0, 1), got \(minimumStepRatio)")
        }
        guard maximumStepRatio > 1, maximumStepRatio.isFinite else {
            throw .invalidInput("maximum step ratio must be finite and > 1, got \(maximumStepRatio)")
        }
        if let directions = rootDirections, directions.count != rootCount {
            throw .invalidInput("\(directions.count) root directions given for \(rootCount) root functions")
        }
    }
}

/// Which sign changes of a root function are reported.
public enum RootDirection: Sendable, Equatable {
    /// Any sign change.
    case either
    /// Only changes from negative to positive.
    case increasing
    /// Only changes from positive to negative.
    case decreasing

    /// Whether a change from `before` to `after` (with `after` on the far side of zero) counts.
    func accepts(from before: Double, to after: Double) -> Bool {
        switch self {
        case .either: true
        case .increasing: before < after
        case .decreasing: before > after
        }
    }
}
