/// The Nelder–Mead simplex minimiser with the dimension-adaptive coefficients of Gao and Han
/// (Comput Optim Appl 2012;51:259): reflection 1, expansion 1 + 2/n, contraction 3/4 − 1/(2n),
/// shrink 1 − 1/n. Derivative-free, for the calibration's noisy-free but non-smooth-in-places
/// objective; stops after `maximumEvaluations` or when the simplex's objective values agree to
/// `tolerance` (absolute) and its vertices to `tolerance` in every coordinate.
public struct NelderMead: Sendable {
    public var maximumEvaluations: Int
    public var tolerance: Double
    /// The initial simplex's step along each coordinate.
    public var initialStep: Double

    public init(maximumEvaluations: Int = 1_000, tolerance: Double = 1e-8, initialStep: Double = 0.1) {
        self.maximumEvaluations = maximumEvaluations
        self.tolerance = tolerance
        self.initialStep = initialStep
    }

    public struct Result: Sendable {
        public var point: [Double]
        public var value: Double
        public var evaluations: Int
        public var converged: Bool
    }

    /// Minimises `f` from `start`. Non-finite values count as +∞ (the simplex moves away).
    public func minimize(_ f: ([Double]) throws -> Double, from start: [Double]) rethrows -> Result {
        let n = start.count
        var evaluations = 0
        func value(_ x: [Double]) throws -> Double {
            evaluations += 1
            let y = try f(x)
            return y.isFinite ? y : .infinity
        }
        guard n > 0 else { return Result(point: start, value: try value(start), evaluations: evaluations, converged: true) }
        let dimension = Double(n)
        let (reflection, expansion) = (1.0, 1 + 2 / dimension)
        let (contraction, shrink) = (0.75 - 1 / (2 * dimension), 1 - 1 / dimension)
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            simplex.append(vertex)
        }
        var values = try simplex.map { try value($0) }
        var converged = false
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var size = 0.0
            for vertex in simplex.dropFirst() { for i in 0..<n { size = max(size, abs(vertex[i] - simplex[0][i])) } }
            if spread <= tolerance, size <= tolerance { converged = true; break }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() { for i in 0..<n { centroid[i] += vertex[i] / dimension } }
            func along(_ coefficient: Double) -> [Double] { (0..<n).map { centroid[$0] + coefficient * (centroid[$0] - simplex[n][$0]) } }
            let reflected = along(reflection)
            let reflectedValue = try value(reflected)
            if reflectedValue < values[0] {
                let expanded = along(expansion)
                let expandedValue = try value(expanded)
                if expandedValue < reflectedValue {
                    simplex[n] = expanded; values[n] = expandedValue
                } else {
                    simplex[n] = reflected; values[n] = reflectedValue
                }
                continue
            }
            if reflectedValue < values[n - 1] {
                simplex[n] = reflected; values[n] = reflectedValue
                continue
            }
            let outside = reflectedValue < values[n]
            let contracted = along(outside ? contraction : -contraction)
            let contractedValue = try value(contracted)
            if contractedValue < (outside ? reflectedValue : values[n]) {
                simplex[n] = contracted; values[n] = contractedValue
                continue
            }
            for k in 1...n {
                simplex[k] = (0..<n).map { simplex[0][$0] + shrink * (simplex[k][$0] - simplex[0][$0]) }
                values[k] = try value(simplex[k])
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best], evaluations: evaluations, converged: converged)
    }
}
