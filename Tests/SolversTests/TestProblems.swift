import Foundation
import Solvers

/// Problems with closed-form solutions, used as independent truth.
enum TestProblems {
    /// `y' = −λ y`, `y(0) = 1`: `y = e^(−λt)`.
    static func decay(rate: Double = 1) -> ODEFunction {
        ODEFunction(dimension: 1, names: ["y"]) { _, y, dydt in dydt[0] = -rate * y[0] }
    }

    /// Harmonic oscillator `x'' = −x` as a first-order system; from `(1, 0)` the solution is `(cos t, −sin t)`.
    static let oscillator = ODEFunction(dimension: 2, names: ["position", "velocity"]) { _, y, dydt in
        dydt[0] = y[1]
        dydt[1] = -y[0]
    }

    /// The limit-cycle system `x' = −y + x(1 − r²)`, `y' = x + y(1 − r²)`: a nonlinear system whose
    /// solution is known in polar form, `r(t) = 1/sqrt(1 + (1/r₀² − 1) e^(−2t))`, `θ = θ₀ + t`.
    static let limitCycle = ODEFunction(dimension: 2, names: ["x", "y"]) { _, y, dydt in
        let damping = 1 - (y[0] * y[0] + y[1] * y[1])
        dydt[0] = -y[1] + y[0] * damping
        dydt[1] = y[0] + y[1] * damping
    }

    /// The exact solution of `limitCycle` from `(x0, 0)` at `t`.
    static func limitCycleSolution(x0: Double, at t: Double) -> [Double] {
        let r = 1 / (1 + (1 / (x0 * x0) - 1) * exp(-2 * t)).squareRoot()
        return [r * cos(t), r * sin(t)]
    }

    /// `y' = A y` with `A` the 3 × 3 second-difference matrix `tridiag(1, −2, 1)`. Its eigenpairs are
    /// `λ_k = −2 + 2 cos(kπ/4)`, `v_k[j] = sin(jkπ/4)/√2` (orthonormal), so
    /// `exp(At) = V diag(e^(λ_k t)) Vᵀ` in closed form.
    static let secondDifference = ODEFunction(dimension: 3) { _, y, dydt in
        dydt[0] = -2 * y[0] + y[1]
        dydt[1] = y[0] - 2 * y[1] + y[2]
        dydt[2] = y[1] - 2 * y[2]
    }

    /// `exp(At) y0` for `secondDifference`.
    static func secondDifferenceSolution(_ y0: [Double], at t: Double) -> [Double] {
        var result = [0.0, 0, 0]
        for k in 1...3 {
            let lambda = -2 + 2 * cos(Double(k) * .pi / 4)
            let v = (1...3).map { sin(Double($0 * k) * .pi / 4) / 2.0.squareRoot() }
            let coefficient = zip(v, y0).map(*).reduce(0, +) * exp(lambda * t)
            for j in 0..<3 { result[j] += coefficient * v[j] }
        }
        return result
    }
}

/// An `ODEProblem` that counts its right-hand-side calls, to check the reported statistics.
final class CountingProblem<Wrapped: ODEProblem>: ODEProblem, @unchecked Sendable {
    let wrapped: Wrapped
    private(set) var calls = 0
    init(_ wrapped: Wrapped) { self.wrapped = wrapped }
    var dimension: Int { wrapped.dimension }
    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        calls += 1
        wrapped.derivatives(t: t, y: y, dydt: dydt)
    }
}

/// Least-squares slope of `log(y)` against `log(x)`.
func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
    let lx = x.map { log($0) }, ly = y.map { log($0) }
    let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
    let numerator = zip(lx, ly).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    let denominator = lx.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
    return numerator / denominator
}

/// Largest absolute componentwise difference.
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
