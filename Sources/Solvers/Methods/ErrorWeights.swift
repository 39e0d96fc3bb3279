import RealModule

/// Per-component tolerances expanded into contiguous arrays, and the weighted root-mean-square
/// error norm of Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4, eq. (4.11):
///
/// ```
/// ‖e‖ = sqrt( (1/n) Σ_i ( e_i / (atol_i + rtol_i · max(|y_i|, |ŷ_i|)) )² )
/// ```
///
/// A step is accepted when `‖e‖ ≤ 1`. ``weightedSquares(_:scaledBy:_:)`` gives the sum under the
/// root, for callers that test `Σ ≤ n` and take logarithms without the root and the division.
@usableFromInline
struct ErrorWeights {
    @usableFromInline let dimension: Int
    @usableFromInline let relative: UnsafeMutablePointer<Double>
    @usableFromInline let absolute: UnsafeMutablePointer<Double>
    /// For states of at most four components, the tolerances in SIMD lanes (unused lanes: an
    /// absolute tolerance of 1 and a relative one of 0, so they add exactly 0 to the sum).
    @usableFromInline let relativeLanes: SIMD4<Double>
    @usableFromInline let absoluteLanes: SIMD4<Double>
    /// ln n, so that ln‖e‖ = ½(ln Σ − ln n).
    @usableFromInline let logDimension: Double

    init(dimension: Int, options: SolverOptions) {
        self.dimension = dimension
        relative = .allocate(capacity: dimension)
        absolute = .allocate(capacity: dimension)
        var relativeLanes = SIMD4<Double>(repeating: 0), absoluteLanes = SIMD4<Double>(repeating: 1)
        for i in 0..<dimension {
            relative[i] = options.relativeTolerance.value(at: i)
            absolute[i] = options.absoluteTolerance.value(at: i)
            if i < 4 {
                relativeLanes[i] = relative[i]
                absoluteLanes[i] = absolute[i]
            }
        }
        self.relativeLanes = relativeLanes
        self.absoluteLanes = absoluteLanes
        logDimension = Double.log(Double(dimension))
    }

    func deallocate() {
        relative.deallocate()
        absolute.deallocate()
    }

    /// The norm of `error` scaled by the larger of `|a_i|` and `|b_i|`, and the index of the
    /// component contributing most. NaN in any input gives a NaN norm.
    @inlinable
    func norm(
        _ error: UnsafePointer<Double>, scaledBy a: UnsafePointer<Double>, _ b: UnsafePointer<Double>
    ) -> (norm: Double, worst: Int) {
        let (sum, worst) = weightedSquares(error, scaledBy: a, b)
        return ((sum / Double(dimension)).squareRoot(), worst)
    }

    /// `Σ_i (e_i / (atol_i + rtol_i · max(|a_i|, |b_i|)))²` and the index of the component
    /// contributing most. NaN in any input gives a NaN sum.
    @inlinable
    func weightedSquares(
        _ error: UnsafePointer<Double>, scaledBy a: UnsafePointer<Double>, _ b: UnsafePointer<Double>
    ) -> (sum: Double, worst: Int) {
        if dimension <= 4 { return weightedSquaresInLanes(error, scaledBy: a, b) }
        var sum = 0.0
        var worst = 0
        var worstValue = -1.0
        for i in 0..<dimension {
            let scale = absolute[i] + relative[i] * max(abs(a[i]), abs(b[i]))
            let ratio = error[i] / scale
            let square = ratio * ratio
            sum += square
            if !(square <= worstValue) { worstValue = square; worst = i }  // NaN wins
        }
        return (sum, worst)
    }

    /// `weightedSquares` for at most four components, on SIMD lanes: the same operations, the
    /// squares summed in the same order (unused lanes add exactly zero), so the same bits.
    @inlinable
    func weightedSquaresInLanes(
        _ error: UnsafePointer<Double>, scaledBy a: UnsafePointer<Double>, _ b: UnsafePointer<Double>
    ) -> (sum: Double, worst: Int) {
        let e = StateLanes.load(error, count: dimension)
        let x = StateLanes.load(a, count: dimension), y = StateLanes.load(b, count: dimension)
        let magnitude = SIMD4(max(abs(x[0]), abs(y[0])), max(abs(x[1]), abs(y[1])), max(abs(x[2]), abs(y[2])), max(abs(x[3]), abs(y[3])))
        let ratio = e / (absoluteLanes + relativeLanes * magnitude)
        let square = ratio * ratio
        let sum = ((square[0] + square[1]) + square[2]) + square[3]
        var worst = 0
        var worstValue = -1.0
        for i in 0..<dimension where !(square[i] <= worstValue) { worstValue = square[i]; worst = i }  // NaN wins
        return (sum, worst)
    }

    /// The same norm with the scale taken from a single vector.
    @inlinable
    func norm(_ vector: UnsafePointer<Double>, scaledBy y: UnsafePointer<Double>) -> Double {
        norm(vector, scaledBy: y, y).norm
    }
}

/// The index of the first NaN or infinite element of `values[0..<count]`, if any.
@inlinable
func firstNonFinite(_ values: UnsafePointer<Double>, count: Int) -> Int? {
    for i in 0..<count where !values[i].isFinite { return i }
    return nil
}
