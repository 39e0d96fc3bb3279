/// The integration methods a caller can choose at run time (the `--solver` names of the CLI).
public enum SolverMethod: String, CaseIterable, Sendable, Codable {
    /// Dormand–Prince 5(4) with order-4 dense output (``DormandPrince54``). A good default for
    /// non-stiff problems at moderate tolerances (1e-3 … 1e-8).
    case dopri5
    /// Verner's "most efficient" 7(6) pair with order-7 dense output (``Verner76``). Cheaper than
    /// DOPRI5 at tight tolerances (1e-8 and below).
    case vern7

    /// One line for `--help` and reports.
    public var summary: String {
        switch self {
        case .dopri5: "Dormand–Prince 5(4), explicit, dense output of order 4"
        case .vern7: "Verner 7(6) \"most efficient\", explicit, dense output of order 7"
        }
    }

    /// Makes the stepper of this method for `problem` and hands it to `body`, specialised on the
    /// concrete problem type and method.
    public func withStepper<P: ODEProblem, R>(
        for problem: P, options: SolverOptions,
        _ body: (any ODEStepper) throws(ODESolverError) -> R
    ) throws(ODESolverError) -> R {
        switch self {
        case .dopri5: try body(ExplicitRungeKuttaStepper<P, DormandPrince54>(problem: problem, options: options))
        case .vern7: try body(ExplicitRungeKuttaStepper<P, Verner76>(problem: problem, options: options))
        }
    }
}
