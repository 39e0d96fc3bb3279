/// Work counts of a solve: the figures a work-precision comparison reports (SUNDIALS' `nfe`,
/// `nje`, `nsetups`, `nst`, `netf`).
public struct SolverStatistics: Sendable, Equatable {
    /// Calls of the right-hand side `f(t, y)`, including those for the initial step and dense output.
    public var rhsEvaluations = 0
    /// Calls of the analytic Jacobian, or finite-difference Jacobian approximations.
    public var jacobianEvaluations = 0
    /// LU factorisations of iteration matrices (stiff methods).
    public var luDecompositions = 0
    /// Accepted steps.
    public var acceptedSteps = 0
    /// Steps rejected by the error test or because a stage was not finite.
    public var rejectedSteps = 0
    /// Evaluations of the root functions.
    public var rootFunctionEvaluations = 0

    public init() {}

    /// Accepted plus rejected steps.
    public var attemptedSteps: Int { acceptedSteps + rejectedSteps }

    /// The sum of two runs' counts.
    public static func + (lhs: SolverStatistics, rhs: SolverStatistics) -> SolverStatistics {
        var sum = lhs
        sum.rhsEvaluations += rhs.rhsEvaluations
        sum.jacobianEvaluations += rhs.jacobianEvaluations
        sum.luDecompositions += rhs.luDecompositions
        sum.acceptedSteps += rhs.acceptedSteps
        sum.rejectedSteps += rhs.rejectedSteps
        sum.rootFunctionEvaluations += rhs.rootFunctionEvaluations
        return sum
    }
}
