/// The integration methods a caller can choose at run time (the `--solver` names of the CLI).
public enum SolverMethod: String, CaseIterable, Sendable, Codable {
    /// Automatic stiffness switching between DOPRI5 and RODAS5 (``AutoSwitchingStepper``): the
    /// default for every caller.
    case auto
    /// Dormand–Prince 5(4) with order-4 dense output (``DormandPrince54``). A good default for
    /// non-stiff problems at moderate tolerances (1e-3 … 1e-8).
    case dopri5
    /// Verner's "most efficient" 7(6) pair with order-7 dense output (``Verner76``). Cheaper than
    /// DOPRI5 at tight tolerances (1e-8 and below).
    case vern7
    /// RODAS5, an L-stable Rosenbrock method of order 5(4) with dense output of order 4
    /// (``Rodas5Stepper``), for stiff problems at moderate to tight tolerances.
    case rodas5
    /// Variable-order BDF (orders 1–5) with Newton iteration and Jacobian reuse (``BDFStepper``),
    /// for stiff problems.
    case bdf
    /// Exact state transition for linear models (compartmental PK with constant inputs between
    /// events) by the matrix exponential (``LinearExactStepper``): no truncation error. Refuses
    /// nonlinear or time-dependent models.
    case exact

    /// One line for `--help` and reports.
    public var summary: String {
        switch self {
        case .auto: "automatic: DOPRI5 while non-stiff, RODAS5 while stiff, switching both ways"
        case .dopri5: "Dormand–Prince 5(4), explicit, dense output of order 4"
        case .vern7: "Verner 7(6) \"most efficient\", explicit, dense output of order 7"
        case .rodas5: "Rodas5 Rosenbrock 5(4), linearly implicit (stiff), L-stable, dense output of order 4"
        case .exact: "exact state transition by the matrix exponential, for linear models only"
        case .bdf: "BDF orders 1–5, implicit (stiff), Newton with Jacobian reuse"
        }
    }

    /// Makes the stepper of this method for `problem` and hands it to `body`, specialised on the
    /// concrete problem type and method.
    public func withStepper<P: ODEProblem, R>(
        for problem: P, options: SolverOptions,
        _ body: (any ODEStepper<P>) throws(ODESolverError) -> R
    ) throws(ODESolverError) -> R {
        switch self {
        case .auto: try body(AutoSwitchingStepper<P>(problem: problem, options: options))
        case .dopri5: try body(ExplicitRungeKuttaStepper<P, DormandPrince54>(problem: problem, options: options))
        case .vern7: try body(ExplicitRungeKuttaStepper<P, Verner76>(problem: problem, options: options))
        case .rodas5: try body(Rodas5Stepper<P>(problem: problem, options: options))
        case .exact: try body(LinearExactStepper<P>(problem: problem, options: options))
        case .bdf: try body(BDFStepper<P>(problem: problem, options: options))
        }
    }

    /// The general-purpose numerical methods (every method but ``exact``, which is for linear
    /// models only).
    public static var allCases: [SolverMethod] { [.auto, .dopri5, .vern7, .rodas5, .bdf] }

    /// Every method, ``exact`` included.
    public static var every: [SolverMethod] { allCases + [.exact] }

    /// Whether the method is explicit (unsuited to stiff problems).
    public var isExplicit: Bool { self == .dopri5 || self == .vern7 }
}
