/// The coefficients and stage arithmetic of one embedded explicit Runge–Kutta pair with a
/// continuous extension. ``ExplicitRungeKuttaStepper`` supplies everything else (error control,
/// step-size selection, buffers), so a scheme is only its mathematics, written out stage by stage
/// with constant coefficients so the compiler keeps them in registers.
///
/// Buffers passed to a scheme are contiguous, preallocated, `n` doubles each; `stages` holds
/// `stageBufferCount` of them back to back (`stages + j * n` is stage `j`, 0-based).
public protocol ExplicitRungeKuttaScheme {
    /// The method's usual name (`"dopri5"`).
    static var name: String { get }
    /// Order `p` of the propagated solution.
    static var order: Int { get }
    /// Order `q` of the embedded solution: the error estimate behaves like `h^(q+1)`.
    static var errorEstimatorOrder: Int { get }
    /// Number of stages evaluated by `step` (stored first in the stage buffers).
    static var stepStageCount: Int { get }
    /// Number of `n`-vectors of stage storage needed, including stages used only by dense output.
    static var stageBufferCount: Int { get }
    /// Number of `n`-vectors of dense-output coefficient storage.
    static var denseBufferCount: Int { get }
    /// The index of the stage equal to `f(t + h, y_new)` (first same as last), or `nil` when the
    /// scheme has none and the stepper must evaluate it.
    static var lastStageIsEndDerivative: Int? { get }

    /// Computes the stages of one step of size `h` from `(t, y)` with stage 0 already holding
    /// `f(t, y)`; writes the new solution into `yNew` and the local error estimate (difference of
    /// the embedded pair) into `errorEstimate`. `scratch` is an `n`-vector of workspace.
    /// - Returns: the number of right-hand-side evaluations made.
    static func step<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int

    /// `step` for a problem whose state has at most four components and which computes its
    /// right-hand side on SIMD lanes (``ODEProblem/providesLaneDerivatives``): the same arithmetic
    /// in the same order, so the same bits, with the stages in registers; the buffers are filled
    /// as `step` fills them. The default calls `step`.
    static func stepInLanes<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int

    /// After an accepted step from `(t, y0)` to `(t + h, y1)` whose stages are still in `stages`
    /// (and `f(t + h, y1)` in `endDerivative`), fills `dense` with what `interpolate` needs,
    /// evaluating extra stages if the continuous extension requires them.
    /// - Returns: the number of right-hand-side evaluations made.
    static func prepareDenseOutput<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, y1: UnsafeMutablePointer<Double>,
        stages: UnsafeMutablePointer<Double>, endDerivative: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
    ) -> Int

    /// After `step`, an estimate of `h·ρ`, with `ρ` the spectral radius of the Jacobian along the
    /// step (used to detect stiffness), or NaN if the scheme offers none.
    static func stiffnessProduct(
        h: Double, n: Int, stages: UnsafeMutablePointer<Double>, yNew: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Double

    /// Writes the continuous extension at `θ ∈ [0, 1]` (time `t + θh`) into `output`.
    static func interpolate(
        theta: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, output: UnsafeMutablePointer<Double>
    )
}

extension ExplicitRungeKuttaScheme {
    public static func stepInLanes<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        step(problem, t: t, h: h, n: n, y: y, stages: stages, yNew: yNew, errorEstimate: errorEstimate, scratch: scratch)
    }

    public static func stiffnessProduct(
        h: Double, n: Int, stages: UnsafeMutablePointer<Double>, yNew: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Double { .nan }

    /// Evaluates `f(t, y)` into `dydt` from raw stage pointers.
    @inlinable @inline(__always)
    static func evaluate<P: ODEProblem>(
        _ problem: P, _ t: Double, _ y: UnsafeMutablePointer<Double>, _ n: Int, into dydt: UnsafeMutablePointer<Double>
    ) {
        problem.derivatives(t: t, y: UnsafeBufferPointer(start: y, count: n), dydt: UnsafeMutableBufferPointer(start: dydt, count: n))
    }
}
