/// Dormand–Prince 5(4), "DOPRI5": 7 stages, first same as last (6 new evaluations per step),
/// order 5 propagated with an order-4 embedded estimate, and Shampine's continuous extension of
/// order 4.
///
/// Coefficients: Dormand & Prince, *J. Comput. Appl. Math.* 6 (1980) 19–26, Table 2; the dense
/// output coefficients `d_i` and the form
///
/// ```
/// y(t₀ + θh) = y₀ + θ(Δ + (1−θ)(B + θ(Δ − h k₇ − B + (1−θ) h Σ dᵢkᵢ))),  Δ = y₁ − y₀,  B = h k₁ − Δ
/// ```
///
/// are from Hairer, Nørsett & Wanner, *Solving ODEs I*, 2nd ed., §II.6 (Shampine 1986).
///
/// Accuracy: global error `O(h⁵)`; the interpolant's error is `O(h⁵)` locally (order 4)
/// between steps and exact at both ends of a step.
public enum DormandPrince54: ExplicitRungeKuttaScheme {
    public static let name = "dopri5"
    public static let order = 5
    public static let errorEstimatorOrder = 4
    public static let stepStageCount = 7
    public static let stageBufferCount = 7
    public static let denseBufferCount = 4
    public static let lastStageIsEndDerivative: Int? = 6

    @usableFromInline static let c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9
    @usableFromInline static let a21 = 1.0 / 5
    @usableFromInline static let a31 = 3.0 / 40, a32 = 9.0 / 40
    @usableFromInline static let a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9
    @usableFromInline static let a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729
    @usableFromInline static let a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247
    @usableFromInline static let a64 = 49.0 / 176, a65 = -5103.0 / 18656
    @usableFromInline static let a71 = 35.0 / 384, a73 = 500.0 / 1113, a74 = 125.0 / 192
    @usableFromInline static let a75 = -2187.0 / 6784, a76 = 11.0 / 84
    // e = b − b̂ (fifth- minus fourth-order weights).
    @usableFromInline static let e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920
    @usableFromInline static let e5 = -17253.0 / 339200, e6 = 22.0 / 525, e7 = -1.0 / 40
    @usableFromInline static let d1 = -12715105075.0 / 11282082432, d3 = 87487479700.0 / 32700410799
    @usableFromInline static let d4 = -10690763975.0 / 1880347072, d5 = 701980252875.0 / 199316789632
    @usableFromInline static let d6 = -1453857185.0 / 822651844, d7 = 69997945.0 / 29380423

    /// The `(c, A, b, b̂)` tableau as arrays, for tests of the order conditions.
    public static var tableau: ButcherTableau {
        ButcherTableau(
            c: [0, c2, c3, c4, c5, 1, 1],
            a: [[], [a21], [a31, a32], [a41, a42, a43], [a51, a52, a53, a54],
                [a61, a62, a63, a64, a65], [a71, 0, a73, a74, a75, a76]],
            b: [a71, 0, a73, a74, a75, a76, 0],
            errorWeights: [e1, 0, e3, e4, e5, e6, e7])
    }

    @inlinable
    public static func step<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        let k1 = stages, k2 = stages + n, k3 = stages + 2 * n, k4 = stages + 3 * n
        let k5 = stages + 4 * n, k6 = stages + 5 * n, k7 = stages + 6 * n
        for i in 0..<n { scratch[i] = y[i] + h * (a21 * k1[i]) }
        evaluate(problem, t + c2 * h, scratch, n, into: k2)
        for i in 0..<n { scratch[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]) }
        evaluate(problem, t + c3 * h, scratch, n, into: k3)
        for i in 0..<n { scratch[i] = y[i] + h * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]) }
        evaluate(problem, t + c4 * h, scratch, n, into: k4)
        for i in 0..<n { scratch[i] = y[i] + h * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]) }
        evaluate(problem, t + c5 * h, scratch, n, into: k5)
        for i in 0..<n {
            scratch[i] = y[i] + h * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i])
        }
        evaluate(problem, t + h, scratch, n, into: k6)
        for i in 0..<n {
            yNew[i] = y[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i])
        }
        evaluate(problem, t + h, yNew, n, into: k7)
        for i in 0..<n {
            errorEstimate[i] = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i])
        }
        return 6
    }

    /// `step` on SIMD lanes: the same operations in the same order (so the same bits), the
    /// stages held in registers and stored once at the end.
    @inlinable
    public static func stepInLanes<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        let y0 = StateLanes.load(y, count: n), k1 = StateLanes.load(stages, count: n)
        let k2 = problem.derivatives(t: t + c2 * h, lanes: y0 + h * (a21 * k1))
        let k3 = problem.derivatives(t: t + c3 * h, lanes: y0 + h * (a31 * k1 + a32 * k2))
        let k4 = problem.derivatives(t: t + c4 * h, lanes: y0 + h * (a41 * k1 + a42 * k2 + a43 * k3))
        let k5 = problem.derivatives(t: t + c5 * h, lanes: y0 + h * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4))
        let y6 = y0 + h * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5)
        let k6 = problem.derivatives(t: t + h, lanes: y6)
        let y1 = y0 + h * (a71 * k1 + a73 * k3 + a74 * k4 + a75 * k5 + a76 * k6)
        let k7 = problem.derivatives(t: t + h, lanes: y1)
        let error = h * (e1 * k1 + e3 * k3 + e4 * k4 + e5 * k5 + e6 * k6 + e7 * k7)
        StateLanes.store(k2, to: stages + n, count: n)
        StateLanes.store(k3, to: stages + 2 * n, count: n)
        StateLanes.store(k4, to: stages + 3 * n, count: n)
        StateLanes.store(k5, to: stages + 4 * n, count: n)
        StateLanes.store(k6, to: stages + 5 * n, count: n)
        StateLanes.store(k7, to: stages + 6 * n, count: n)
        StateLanes.store(y6, to: scratch, count: n)
        StateLanes.store(y1, to: yNew, count: n)
        StateLanes.store(error, to: errorEstimate, count: n)
        return 6
    }

    /// Hairer's stiffness detection for DOPRI5 (*Solving ODEs II*, §IV.2, and the code DOPRI5):
    /// stages 6 and 7 are both evaluated at `t + h`, so
    /// `ρ ≈ ‖k₇ − k₆‖ / ‖y₁ − Y₆‖` estimates the dominant eigenvalue's magnitude; `h·ρ` beyond
    /// about 3.25 (the edge of the stability region on the negative real axis is 3.3) means the
    /// step size is limited by stability, not accuracy. `scratch` holds `Y₆` after `step`.
    public static func stiffnessProduct(
        h: Double, n: Int, stages: UnsafeMutablePointer<Double>, yNew: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Double {
        let k6 = stages + 5 * n, k7 = stages + 6 * n
        var numerator = 0.0, denominator = 0.0
        for i in 0..<n {
            let dk = k7[i] - k6[i], dy = yNew[i] - scratch[i]
            numerator += dk * dk
            denominator += dy * dy
        }
        return denominator > 0 ? abs(h) * (numerator / denominator).squareRoot() : 0
    }

    @inlinable
    public static func prepareDenseOutput<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, y1: UnsafeMutablePointer<Double>,
        stages: UnsafeMutablePointer<Double>, endDerivative: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        let k1 = stages, k3 = stages + 2 * n, k4 = stages + 3 * n
        let k5 = stages + 4 * n, k6 = stages + 5 * n, k7 = stages + 6 * n
        let r2 = dense, r3 = dense + n, r4 = dense + 2 * n, r5 = dense + 3 * n
        for i in 0..<n {
            let difference = y1[i] - y0[i]
            let b = h * k1[i] - difference
            r2[i] = difference
            r3[i] = b
            r4[i] = difference - h * k7[i] - b
            r5[i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i])
        }
        return 0
    }

    @inlinable
    public static func interpolate(
        theta: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, output: UnsafeMutablePointer<Double>
    ) {
        let r2 = dense, r3 = dense + n, r4 = dense + 2 * n, r5 = dense + 3 * n
        let theta1 = 1 - theta
        for i in 0..<n {
            output[i] = y0[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])))
        }
    }
}
