import Solvers
import ReferenceProblems

/// Runs Wean's own methods on the reference problems.
public enum WeanSolverRuns {
    /// Solves `reference` with `method` at `(rtol, atol)` (timed), and scores it.
    public static func run(_ reference: ReferenceProblem, method: SolverMethod, relative: Double, absolute: Double) -> WorkPrecisionPoint {
        var point = WorkPrecisionPoint(
            peer: "wean", solver: method.rawValue, problem: reference.name.lowercased(),
            relativeTolerance: relative, absoluteTolerance: absolute, scd: .nan, rhsEvaluations: 0,
            jacobianEvaluations: 0, luDecompositions: nil, steps: 0, seconds: .nan, repeats: 0)
        guard let problem = reference.odeProblem else { return point }
        var options = SolverOptions(relativeTolerance: .scalar(relative), absoluteTolerance: .scalar(absolute))
        options.maximumSteps = 10_000_000
        do {
            let (solution, seconds, repeats) = try bestTime {
                try solve(problem, initialState: reference.y0, from: reference.t0, outputTimes: [reference.tEnd], method: method, options: options)
            }
            point.scd = significantCorrectDigits(solution.states[0], reference: reference.referenceSolution, absoluteTolerance: absolute)
            point.rhsEvaluations = solution.statistics.rhsEvaluations
            point.jacobianEvaluations = solution.statistics.jacobianEvaluations
            point.luDecompositions = method.isExplicit ? nil : solution.statistics.luDecompositions
            point.steps = solution.statistics.acceptedSteps
            point.seconds = seconds
            point.repeats = repeats
        } catch {
            point.scd = .nan
        }
        return point
    }
}
