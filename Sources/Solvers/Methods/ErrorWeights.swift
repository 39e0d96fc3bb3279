/// Per-component tolerances expanded into contiguous arrays, and the weighted root-mean-square
/// error norm of Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4, eq. (4.11):
///
/// ```
/// ‖e‖ = sqrt( (1/n) Σ_i ( e_i / (atol_i + rtol_i · max(|y_i|, |ŷ_i|)) )² )
/// ```
///
/// A step is accepted when `‖e‖ ≤ 1`.
@usableFromInline
struct ErrorWeights {
    @usableFromInline let dimension: Int
    @usableFromInline let relative: UnsafeMutablePointer<Double>
    @usableFromInline let absolute: UnsafeMutablePointer<Double>

    init(dimension: Int, options: SolverOptions) {
        self.dimension = dimension
        relative = .allocate(capacity: dimension)
        absolute = .allocate(capacity: dimension)
        for i in 0..<dimension {
            relative[i] = options.relativeTolerance.value(at: i)
            absolute[i] = options.absoluteTolerance.value(at: i)
        }
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
        return ((sum / Double(dimension)).squareRoot(), worst)
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
