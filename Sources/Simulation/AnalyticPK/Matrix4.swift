/// A 4×4 matrix stored as four SIMD columns: the state-transition algebra of the analytic
/// compartment path (at most four states: depot, central and two peripheral compartments).
/// Matrix–vector products are four fused multiply–adds of SIMD4 values.
struct Matrix4: Sendable, Equatable {
    var c0, c1, c2, c3: SIMD4<Double>

    static let zero = Matrix4(c0: .zero, c1: .zero, c2: .zero, c3: .zero)
    static let identity = Matrix4(c0: [1, 0, 0, 0], c1: [0, 1, 0, 0], c2: [0, 0, 1, 0], c3: [0, 0, 0, 1])

    subscript(row: Int, column: Int) -> Double {
        get {
            switch column {
            case 0: c0[row]
            case 1: c1[row]
            case 2: c2[row]
            default: c3[row]
            }
        }
        set {
            switch column {
            case 0: c0[row] = newValue
            case 1: c1[row] = newValue
            case 2: c2[row] = newValue
            default: c3[row] = newValue
            }
        }
    }

    @inline(__always)
    static func * (m: Matrix4, v: SIMD4<Double>) -> SIMD4<Double> {
        // Summed as a tree: the dependency chain of repeated products is two additions long.
        (m.c0 * v[0] + m.c1 * v[1]) + (m.c2 * v[2] + m.c3 * v[3])
    }

    @inline(__always)
    static func * (a: Matrix4, b: Matrix4) -> Matrix4 {
        Matrix4(c0: a * b.c0, c1: a * b.c1, c2: a * b.c2, c3: a * b.c3)
    }

    static func + (a: Matrix4, b: Matrix4) -> Matrix4 {
        Matrix4(c0: a.c0 + b.c0, c1: a.c1 + b.c1, c2: a.c2 + b.c2, c3: a.c3 + b.c3)
    }

    static func * (s: Double, m: Matrix4) -> Matrix4 {
        Matrix4(c0: s * m.c0, c1: s * m.c1, c2: s * m.c2, c3: s * m.c3)
    }

    /// The largest column sum of absolute values (the 1-norm).
    var oneNorm: Double {
        func absoluteSum(_ v: SIMD4<Double>) -> Double { abs(v[0]) + abs(v[1]) + abs(v[2]) + abs(v[3]) }
        return max(max(absoluteSum(c0), absoluteSum(c1)), max(absoluteSum(c2), absoluteSum(c3)))
    }

    /// `(e^{MΔ}, ∫₀^Δ e^{Ms} ds)` for the generator `m`: the state transition and the response to a
    /// unit constant input over `Δ`, so that `y(t + Δ) = Φ y(t) + Γ r` for `y' = M y + r`.
    ///
    /// Scaling and squaring of a Taylor series: Δ is halved until ‖MΔ/2^s‖₁ ≤ ½, where the series
    /// truncated after degree 18 errs by less than ½¹⁹/19! ≈ 1.6·10⁻²³ relative; both matrices come
    /// from one Horner chain T = Σ (Mh)^j/(j+1)! (Φ = I + Mh·T, Γ = h·T), and are doubled back by
    /// Φ(2h) = Φ(h)², Γ(2h) = (I + Φ(h))Γ(h). Accurate to a few units in the last place for the
    /// stable, moderately stiff generators of compartment models.
    static func transition(_ m: Matrix4, over delta: Double) -> (phi: Matrix4, gamma: Matrix4) {
        var h = delta
        var squarings = 0
        let norm = m.oneNorm
        while norm * abs(h) > 0.5, squarings < 1_000 {
            h *= 0.5
            squarings += 1
        }
        let scaled = h * m
        var t = identity
        for j in stride(from: 18, through: 1, by: -1) {
            t = identity + (1 / Double(j + 1)) * (scaled * t)
        }
        var phi = identity + scaled * t
        var gamma = h * t
        for _ in 0..<squarings {
            gamma = gamma + phi * gamma
            phi = phi * phi
        }
        return (phi, gamma)
    }

    /// The solution `x` of `self · x = b` by Gaussian elimination with partial pivoting over the
    /// leading `n` rows and columns, or `nil` if the matrix is singular there to 10⁻¹⁴ of its
    /// largest element (`DenseLU` refuses only exact zero pivots; a steady state of a model that
    /// eliminates nothing must be refused, not solved to 10¹⁷).
    func solve(_ b: SIMD4<Double>, dimension n: Int) -> SIMD4<Double>? {
        var a = self
        var x = b
        var scale = 0.0
        for i in 0..<n { for j in 0..<n { scale = max(scale, abs(a[i, j])) } }
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<n where abs(a[i, k]) > abs(a[pivot, k]) { pivot = i }
            guard abs(a[pivot, k]) > 1e-14 * max(scale, .leastNormalMagnitude) else { return nil }
            if pivot != k {
                for j in 0..<n { let s = a[k, j]; a[k, j] = a[pivot, j]; a[pivot, j] = s }
                let s = x[k]; x[k] = x[pivot]; x[pivot] = s
            }
            for i in (k + 1)..<n {
                let factor = a[i, k] / a[k, k]
                if factor == 0 { continue }
                for j in k..<n { a[i, j] -= factor * a[k, j] }
                x[i] -= factor * x[k]
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[k]
            for j in (k + 1)..<n { sum -= a[k, j] * x[j] }
            x[k] = sum / a[k, k]
        }
        return x
    }
}
