/// The Jacobian `J = ∂f/∂y` of a problem at a point — analytic when the problem provides it,
/// otherwise by forward differences — and the iteration matrices `a·I − b·J` the stiff methods
/// factor.
///
/// Forward differences perturb one component at a time by
/// `δ_j = max(√ε·|y_j|, δ_min·(rtol_j|y_j| + atol_j))` with `δ_min = 1000·|h|·ε·n·‖f‖` (the
/// increment rule of SUNDIALS CVODE's dense difference-quotient Jacobian, Hindmarsh et al.,
/// *ACM TOMS* 31 (2005) 363–396, §3.2), which keeps the increment well above round-off for
/// components near zero. Accuracy: about `√ε ≈ 1.5e-8` relative, ample for a Newton matrix.
final class JacobianWorkspace {
    let dimension: Int
    /// `J`, column-major.
    let jacobian: UnsafeMutablePointer<Double>
    private let perturbed: UnsafeMutablePointer<Double>
    private let perturbedDerivative: UnsafeMutablePointer<Double>

    init(dimension: Int) {
        self.dimension = dimension
        jacobian = .allocate(capacity: dimension * dimension)
        jacobian.initialize(repeating: 0, count: dimension * dimension)
        perturbed = .allocate(capacity: dimension)
        perturbed.initialize(repeating: 0, count: dimension)
        perturbedDerivative = .allocate(capacity: dimension)
        perturbedDerivative.initialize(repeating: 0, count: dimension)
    }

    deinit {
        jacobian.deallocate()
        perturbed.deallocate()
        perturbedDerivative.deallocate()
    }

    /// Evaluates `J(t, y)` given `f = f(t, y)`. Returns the number of right-hand-side evaluations
    /// made (0 for an analytic Jacobian, `n` for differences).
    func evaluate<P: ODEProblem>(
        _ problem: P, t: Double, y: UnsafeMutablePointer<Double>, f: UnsafeMutablePointer<Double>,
        stepSize h: Double, weights: ErrorWeights
    ) -> Int {
        let n = dimension
        if problem.providesJacobian {
            problem.jacobian(
                t: t, y: UnsafeBufferPointer(start: y, count: n), into: UnsafeMutableBufferPointer(start: jacobian, count: n * n))
            return 0
        }
        let epsilon = Double.ulpOfOne
        let root = epsilon.squareRoot()
        var minimum = 1000 * abs(h) * epsilon * Double(n) * weights.norm(f, scaledBy: y)
        if minimum == 0 { minimum = 1 }
        perturbed.update(from: y, count: n)
        for j in 0..<n {
            let yj = y[j]
            let scale = weights.relative[j] * abs(yj) + weights.absolute[j]
            var increment = max(root * abs(yj), minimum * scale)
            if increment == 0 { increment = root }
            perturbed[j] = yj + increment
            increment = perturbed[j] - yj  // the increment actually represented
            problem.derivatives(
                t: t, y: UnsafeBufferPointer(start: perturbed, count: n),
                dydt: UnsafeMutableBufferPointer(start: perturbedDerivative, count: n))
            let column = jacobian + j * n
            let inverse = 1 / increment
            for i in 0..<n { column[i] = (perturbedDerivative[i] - f[i]) * inverse }
            perturbed[j] = yj
        }
        return n
    }

    /// Writes `a·I − b·J` into `lu.matrix` and factors it. Returns `false` if it is singular.
    func factorIterationMatrix(_ lu: DenseLU, identityScale a: Double, jacobianScale b: Double) -> Bool {
        let n = dimension
        let m = lu.matrix
        for k in 0..<(n * n) { m[k] = -b * jacobian[k] }
        for i in 0..<n { m[i + i * n] += a }
        return lu.factor()
    }
}
