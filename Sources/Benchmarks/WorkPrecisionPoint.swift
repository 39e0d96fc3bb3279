/// One solver's run on one problem at one tolerance pair: the accuracy reached and the work and
/// time it took — a point of a work-precision diagram (Hairer & Wanner, *Solving ODEs II*, §IV.10).
public struct WorkPrecisionPoint: Sendable, Codable {
    /// Who ran it: `"wean"`, `"cvode"` or `"scipy"`.
    public var peer: String
    /// The method (`"auto"`, `"BDF"`, `"Radau"`, …).
    public var solver: String
    /// Problem name, lower case.
    public var problem: String
    public var relativeTolerance: Double
    public var absoluteTolerance: Double
    /// Significant correct digits at the end time (NaN if the solve failed).
    public var scd: Double
    public var rhsEvaluations: Int
    public var jacobianEvaluations: Int
    public var luDecompositions: Int?
    public var steps: Int
    /// Best wall time of one complete solve, seconds.
    public var seconds: Double
    public var repeats: Int

    public init(
        peer: String, solver: String, problem: String, relativeTolerance: Double, absoluteTolerance: Double, scd: Double,
        rhsEvaluations: Int, jacobianEvaluations: Int, luDecompositions: Int?, steps: Int, seconds: Double, repeats: Int
    ) {
        self.peer = peer
        self.solver = solver
        self.problem = problem
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.scd = scd
        self.rhsEvaluations = rhsEvaluations
        self.jacobianEvaluations = jacobianEvaluations
        self.luDecompositions = luDecompositions
        self.steps = steps
        self.seconds = seconds
        self.repeats = repeats
    }

    /// `"wean auto"`, `"cvode BDF"`.
    public var label: String { "\(peer) \(solver)" }
}
