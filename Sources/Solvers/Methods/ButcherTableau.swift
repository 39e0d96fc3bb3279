/// An explicit Runge–Kutta tableau as plain arrays: nodes `c`, the strictly lower-triangular
/// matrix `A` (row `i` has `i` entries), weights `b` of the propagated solution and the error
/// weights `e = b − b̂`. The schemes step with unrolled constants; this form exists so tests can
/// check the order conditions (Butcher, *Numerical Methods for ODEs*, §31) on the same numbers.
public struct ButcherTableau: Sendable {
    public var c: [Double]
    public var a: [[Double]]
    public var b: [Double]
    public var errorWeights: [Double]

    public init(c: [Double], a: [[Double]], b: [Double], errorWeights: [Double]) {
        self.c = c
        self.a = a
        self.b = b
        self.errorWeights = errorWeights
    }

    /// Number of stages.
    public var stageCount: Int { c.count }
}
