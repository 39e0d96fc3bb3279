/// A simulated trajectory: the outputs of a model (states, then assigned names) at each output
/// time, with the solver's work counts.
public struct SimulationResult: Sendable {
    /// Output names, in column order.
    public var names: [String]
    public var times: [Double]
    /// `rows[i][j]` is output `j` at `times[i]`.
    public var rows: [[Double]]
    public var statistics: SolverStatisticsSummary

    /// The column called `name`.
    public func column(_ name: String) -> [Double]? {
        names.firstIndex(of: name).map { j in rows.map { $0[j] } }
    }
}

/// Work counts of a simulation (the solver's, summed over restarts).
public struct SolverStatisticsSummary: Sendable, Equatable {
    public var steps = 0
    public var rejectedSteps = 0
    public var rhsEvaluations = 0
    public var jacobianEvaluations = 0
    public var restarts = 0
    /// Dose intervals (or, for constant infusions, doublings of the horizon) iterated to reach
    /// steady state, summed over steady-state records: for nonlinear models until the state at
    /// successive dose times agrees to the tolerances; for linear ones only until the dose pattern
    /// repeats, the rest in closed form (`closedFormSteadyStates`).
    public var steadyStateIterations = 0
    /// Steady states found in closed form (linear models: the fixed point of one interval's
    /// affine map) rather than by iteration.
    public var closedFormSteadyStates = 0
}

extension SolverStatisticsSummary {
    /// No work yet (a sum's starting point).
    public static var zero: SolverStatisticsSummary { SolverStatisticsSummary() }

    /// The work of two runs together (of many subjects, say).
    public static func + (lhs: SolverStatisticsSummary, rhs: SolverStatisticsSummary) -> SolverStatisticsSummary {
        SolverStatisticsSummary(
            steps: lhs.steps + rhs.steps, rejectedSteps: lhs.rejectedSteps + rhs.rejectedSteps,
            rhsEvaluations: lhs.rhsEvaluations + rhs.rhsEvaluations, jacobianEvaluations: lhs.jacobianEvaluations + rhs.jacobianEvaluations,
            restarts: lhs.restarts + rhs.restarts, steadyStateIterations: lhs.steadyStateIterations + rhs.steadyStateIterations,
            closedFormSteadyStates: lhs.closedFormSteadyStates + rhs.closedFormSteadyStates)
    }
}
