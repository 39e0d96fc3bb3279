import Foundation

/// What the calibration targets determine, by local sensitivity at a parameter set: the Jacobian
/// J of the weighted calibration residuals with respect to each parameter's logarithm (central
/// differences, ±1 % in the parameter), the Fisher information F = JᵀJ, and the covariance
/// (F + P)⁻¹, where P = I/ln(w)² is the calibration's prior (w its `priorWidth`, a decade when it
/// has none): a direction the targets cannot see keeps the prior's width (a 95 % factor of 91 for
/// a decade) instead of an infinite one, and a parameter is only as determined as the targets
/// make it. F + P is half the Gauss–Newton Hessian of the penalised objective, so the intervals
/// are those of the maximum a posteriori fit. A parameter's standard error is on ln(value), so
/// exp(±1.96·SE) is its approximate 95 % interval as a factor — valid near the optimum and for
/// residuals close to linear in ln(value); `ProfileLikelihood` is stricter.
public struct Identifiability: Sendable {
    /// How well the targets pin a parameter down.
    public enum Verdict: String, Sendable, Codable {
        /// The 95 % interval is within a factor of 2 either way.
        case determined
        /// Within a factor of 10: the targets bound it.
        case bounded
        /// Wider, or in a direction the targets cannot see: fixed by its starting value (an assumption).
        case undetermined
    }

    public struct Row: Sendable, Codable {
        public var name: String
        public var value: Double
        /// Standard error of ln(value).
        public var standardErrorLog: Double
        /// exp(1.96·SE): the 95 % interval is value / factor … value × factor.
        public var intervalFactor: Double
        /// ‖∂r/∂ln p‖: how strongly the targets respond to the parameter.
        public var sensitivity: Double
        public var verdict: Verdict
        /// The value sits at (within 1 % of the log span of) a bound.
        public var atBound: Bool
        /// The target most sensitive to the parameter (`experiment/target`).
        public var mostSensitiveTarget: String?
    }

    public var rows: [Row]
    /// Largest over smallest eigenvalue of F (∞ when singular to rounding).
    public var conditionNumber: Double

    /// Analyses `calibration` at `values` (2 runs of the suite per parameter).
    public static func analyse(_ calibration: Calibration, at values: [Double]) -> Identifiability {
        let p = values.count
        let reference = calibration.run(values).calibration
        let m = reference.count
        // In ln(value): ±1 % in the parameter.
        let jacobian = LevenbergMarquardt.jacobian(at: values.map { log($0) }, residuals: reference.map(\.weighted), step: 0.01) { logValues in
            calibration.run(logValues.map { exp($0) }).calibration.map(\.weighted)
        }
        var fisher = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for a in 0..<p { for b in 0..<p { fisher[a][b] = (0..<m).reduce(0) { $0 + jacobian[$1][a] * jacobian[$1][b] } } }
        let (eigenvalues, eigenvectors) = SymmetricEigen.decompose(fisher)
        let largest = eigenvalues.max() ?? 0
        let width = calibration.priorWidth ?? 10
        let prior = 1 / (log(width) * log(width))
        var rows: [Row] = []
        for j in 0..<p {
            var variance = 0.0
            for (k, lambda) in eigenvalues.enumerated() {
                variance += eigenvectors[j][k] * eigenvectors[j][k] / (max(0, lambda) + prior)
            }
            let se = variance.squareRoot()
            let factor = exp(1.96 * se)
            let sensitivity = (0..<m).reduce(0) { $0 + jacobian[$1][j] * jacobian[$1][j] }.squareRoot()
            let verdict: Verdict = factor <= 2 ? .determined : factor <= 10 ? .bounded : .undetermined
            let parameter = calibration.parameters[j]
            let f = parameter.fraction(of: values[j])
            let top = (0..<m).max { abs(jacobian[$0][j]) < abs(jacobian[$1][j]) }
            rows.append(Row(name: parameter.label, value: values[j], standardErrorLog: se, intervalFactor: factor, sensitivity: sensitivity,
                            verdict: verdict, atBound: f < 0.01 || f > 0.99,
                            mostSensitiveTarget: top.flatMap { abs(jacobian[$0][j]) > 0 ? "\(reference[$0].experiment)/\(reference[$0].target)" : nil }))
        }
        let smallest = eigenvalues.min() ?? 0
        return Identifiability(rows: rows, conditionNumber: smallest > largest * 1e-14 ? largest / smallest : .infinity)
    }
}

/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations
/// (Golub & Van Loan §8.5), accurate to rounding for the few dozen parameters of a calibration.
enum SymmetricEigen {
    /// Eigenvalues, and eigenvectors as columns: `vectors[i][k]` is component i of eigenvector k.
    static func decompose(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
            let scale = (0..<n).reduce(0) { $0 + a[$1][$1] * a[$1][$1] }
            if off <= 1e-30 * max(scale, .leastNormalMagnitude) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0][$0] }, v)
    }
}
