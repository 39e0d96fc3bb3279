/// The Levenberg–Marquardt minimiser of a sum of squares F(x) = Σ rᵢ(x)², with the damping
/// update of Nielsen (Madsen, Nielsen & Tingleff, Methods for Non-Linear Least Squares Problems,
/// 2nd ed., 2004, §3.2): each step solves (JᵀJ + μI)δ = −Jᵀr, is accepted when F falls, and μ
/// shrinks by max(1/3, 1 − (2ρ − 1)³) after a step whose gain ratio is ρ and doubles (then
/// quadruples, …) after a rejected one. J is taken by central differences of `differenceStep`
/// (2n residual evaluations), so the residuals need only be smooth, not differentiable in code.
///
/// It stops when the gradient ‖2Jᵀr‖∞ ≤ `gradientTolerance`, when an accepted step changes no
/// coordinate by more than `stepTolerance` (a point where the quadratic model predicts no
/// further progress: rerunning from it moves it by less than that), or after
/// `maximumEvaluations` residual evaluations. Near a minimum with small residuals it converges
/// quadratically; with large ones, linearly (Gauss–Newton's rate).
public struct LevenbergMarquardt: Sendable {
    public var maximumEvaluations: Int
    public var gradientTolerance: Double
    public var stepTolerance: Double
    public var differenceStep: Double

    public init(maximumEvaluations: Int = 2_000, gradientTolerance: Double = 1e-8, stepTolerance: Double = 1e-4, differenceStep: Double = 1e-3) {
        self.maximumEvaluations = maximumEvaluations
        self.gradientTolerance = gradientTolerance
        self.stepTolerance = stepTolerance
        self.differenceStep = differenceStep
    }

    public struct Result: Sendable {
        public var point: [Double]
        /// F at `point`.
        public var value: Double
        public var evaluations: Int
        public var iterations: Int
        public var converged: Bool
        /// The largest coordinate change of the last accepted step.
        public var lastStep: Double
    }

    /// Minimises Σ r(x)² from `start`. `residuals` returns nil where the model cannot be
    /// evaluated (or gives a vector of another length); such a trial step is rejected like one
    /// that raises F.
    public func minimize(_ residuals: ([Double]) -> [Double]?, from start: [Double],
                         progress: ((_ evaluations: Int, _ value: Double) -> Void)? = nil) -> Result {
        var evaluations = 0
        var best = Double.infinity
        func evaluate(_ x: [Double]) -> [Double]? {
            evaluations += 1
            let r = residuals(x)
            if let r { best = min(best, Self.sumOfSquares(r)) }
            progress?(evaluations, best)
            return r
        }
        var x = start
        guard let r0 = evaluate(x), r0.allSatisfy(\.isFinite) else {
            return Result(point: start, value: .infinity, evaluations: evaluations, iterations: 0, converged: false, lastStep: 0)
        }
        let n = x.count
        var r = r0
        var value = Self.sumOfSquares(r)
        guard n > 0 else { return Result(point: x, value: value, evaluations: evaluations, iterations: 0, converged: true, lastStep: 0) }
        var iterations = 0
        var lastStep = Double.infinity
        var converged = false
        var mu = -1.0
        var nu = 2.0
        outer: while evaluations + 2 * n < maximumEvaluations {
            let jacobian = Self.jacobian(at: x, residuals: r, step: differenceStep, evaluate)
            var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var g = [Double](repeating: 0, count: n)
            for i in r.indices {
                let row = jacobian[i]
                for p in 0..<n {
                    g[p] += row[p] * r[i]
                    for q in p..<n { a[p][q] += row[p] * row[q] }
                }
            }
            for p in 0..<n { for q in 0..<p { a[p][q] = a[q][p] } }
            if g.map(abs).max()! * 2 <= gradientTolerance { converged = true; break }
            let largestDiagonal = (0..<n).map { a[$0][$0] }.max()!
            if mu < 0 { mu = 1e-3 * largestDiagonal }
            iterations += 1
            // Inner loop: raise μ until a step lowers F.
            while evaluations < maximumEvaluations {
                var damped = a
                for p in 0..<n { damped[p][p] += mu }
                guard let delta = Self.solveSymmetricPositive(damped, g.map { -$0 }) else {
                    // Not positive definite (μ shrunk to nothing, or a singular J): more damping,
                    // never zero; an infinite μ means no step can be taken.
                    mu = max(mu * nu, 1e-12 * largestDiagonal, .leastNormalMagnitude)
                    nu *= 2
                    if !mu.isFinite { break outer }
                    continue
                }
                let step = delta.map(abs).max()!
                let trial = zip(x, delta).map(+)
                let predicted = zip(delta, zip(delta, g)).reduce(0) { $0 + $1.0 * (mu * $1.1.0 - $1.1.1) }
                if let rt = evaluate(trial), rt.count == r.count, rt.allSatisfy(\.isFinite) {
                    let trialValue = Self.sumOfSquares(rt)
                    let rho = predicted > 0 ? (value - trialValue) / predicted : -1
                    if trialValue < value, rho > 0 {
                        x = trial; r = rt; value = trialValue; lastStep = step
                        let shrink = 2 * rho - 1
                        mu *= max(1.0 / 3, 1 - shrink * shrink * shrink)
                        nu = 2
                        if step <= stepTolerance { converged = true; break outer }
                        continue outer
                    }
                }
                if step <= stepTolerance * 1e-3 { converged = true; break outer }
                mu *= nu; nu *= 2
                if !mu.isFinite { break outer }
            }
            break
        }
        return Result(point: x, value: value, evaluations: evaluations, iterations: iterations, converged: converged, lastStep: lastStep)
    }

    static func sumOfSquares(_ r: [Double]) -> Double { r.reduce(0) { $0 + $1 * $1 } }

    /// ∂rᵢ/∂xⱼ at `x` (where the residuals are `r`) by central differences of `step`; where a
    /// probe fails (nil, non-finite, or another length) a one-sided difference, and 0 where both
    /// fail. 2n evaluations.
    static func jacobian(at x: [Double], residuals r: [Double], step: Double, _ evaluate: ([Double]) -> [Double]?) -> [[Double]] {
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: r.count)
        for j in x.indices {
            var up = x, down = x
            up[j] += step
            down[j] -= step
            let plus = evaluate(up).flatMap { $0.count == r.count && $0.allSatisfy(\.isFinite) ? $0 : nil }
            let minus = evaluate(down).flatMap { $0.count == r.count && $0.allSatisfy(\.isFinite) ? $0 : nil }
            for i in r.indices {
                switch (plus, minus) {
                case let (p?, m?): jacobian[i][j] = (p[i] - m[i]) / (2 * step)
                case let (p?, nil): jacobian[i][j] = (p[i] - r[i]) / step
                case let (nil, m?): jacobian[i][j] = (r[i] - m[i]) / step
                case (nil, nil): jacobian[i][j] = 0
                }
            }
        }
        return jacobian
    }

    /// Solves A x = b for symmetric positive definite A by Cholesky factorisation; nil when A is
    /// not positive definite to rounding.
    static func solveSymmetricPositive(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n { y[i] = (b[i] - (0..<i).reduce(0) { $0 + l[i][$1] * y[$1] }) / l[i][i] }
        var x = [Double](repeating: 0, count: n)
        for i in (0..<n).reversed() { x[i] = (y[i] - ((i + 1)..<n).reduce(0) { $0 + l[$1][i] * x[$1] }) / l[i][i] }
        return x
    }
}
