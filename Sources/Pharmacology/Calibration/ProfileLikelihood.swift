import Foundation

/// The profile likelihood of one free parameter (Raue A et al., Bioinformatics 2009;25:1923): the
/// parameter is fixed at a grid of values across its range, the others are refitted at each, and
/// the objective χ²(value) traced. With residuals in units of each target's tolerance, the 95 %
/// interval is where χ² stays within 3.84 of its minimum (one degree of freedom); a profile that
/// stays below that threshold at an end of the range leaves the parameter unbounded on that side
/// — stricter than the local analysis of `Identifiability`, which assumes linearity. The profiled
/// parameter's own prior is left out (the profile shows what the targets say about it); the
/// others keep theirs.
public struct ProfileLikelihood: Sendable {
    public struct Point: Sendable, Codable {
        public var value: Double
        public var objective: Double
    }

    /// The profiled parameter's label.
    public var parameter: String
    public var points: [Point]
    /// Δχ² for a 95 % interval with one degree of freedom.
    public static let threshold = 3.841

    /// The lower and upper ends of the 95 % interval, interpolated on the grid in log value; `nil`
    /// where the profile does not rise above the threshold within the range.
    public var interval: (lower: Double?, upper: Double?) {
        guard let best = points.indices.min(by: { points[$0].objective < points[$1].objective }) else { return (nil, nil) }
        let limit = points[best].objective + Self.threshold
        func crossing(_ range: [Int]) -> Double? {
            var previous = best
            for index in range {
                if points[index].objective > limit {
                    let (a, b) = (points[previous], points[index])
                    let fraction = (limit - a.objective) / (b.objective - a.objective)
                    return exp(log(a.value) + fraction * (log(b.value) - log(a.value)))
                }
                previous = index
            }
            return nil
        }
        return (crossing(Array((0..<best).reversed())), crossing(Array((best + 1)..<points.count)))
    }

    /// Profiles parameter `index` of `calibration` over `gridPoints` values log-spaced across its
    /// bounds, refitting the other parameters from `values` with at most `evaluationsPerPoint`
    /// objective evaluations each (by `method`, the same transform as `Calibration.fit`). A refit
    /// short of its optimum overstates the profile and narrows the interval: Levenberg–Marquardt,
    /// the default, converges from the optimum in a few iterations (2n + 1 evaluations each).
    public static func profile(_ calibration: Calibration, parameter index: Int, from values: [Double], gridPoints: Int = 9,
                               evaluationsPerPoint: Int = 100, method: Calibration.Method = .levenbergMarquardt) throws(CalibrationError) -> ProfileLikelihood {
        guard calibration.parameters.indices.contains(index), values.count == calibration.parameters.count else {
            throw CalibrationError("no parameter \(index) to profile")
        }
        guard gridPoints >= 3 else { throw CalibrationError("a profile needs at least 3 grid points") }
        let target = calibration.parameters[index]
        // Experiments without a calibration target cannot move a refit's objective.
        let calibration = calibration.seeingTheObjective(calibration.run(values))
        var others = calibration
        others.parameters.remove(at: index)
        let otherStart = values.enumerated().filter { $0.offset != index }.map(\.element)
        // The fixed value rides along as an override of every file the parameter sets.
        func point(_ fixed: Double) throws(CalibrationError) -> Point {
            let objective = others.parameters.isEmpty
                ? calibration.run(withOverrides: calibration.overrides([fixed])).targetObjective
                : others.fit(from: otherStart, evaluations: evaluationsPerPoint, pinning: [target.name: fixed], files: target.files,
                                 method: method)
            return Point(value: fixed, objective: objective)
        }
        var points: [Point] = []
        for k in 0..<gridPoints { points.append(try point(target.value(atFraction: Double(k) / Double(gridPoints - 1)))) }
        // Refine each crossing of the threshold by bisection in log value (8 halvings: the grid
        // step divided by 256).
        let best = points.indices.min { points[$0].objective < points[$1].objective }!
        let limit = points[best].objective + threshold
        for side in [-1, 1] {
            var inside = best
            var outside = best + side
            while points.indices.contains(outside), points[outside].objective <= limit {
                inside = outside
                outside += side
            }
            guard points.indices.contains(outside) else { continue }
            var a = points[inside], b = points[outside]
            for _ in 0..<8 {
                let middle = try point(exp((log(a.value) + log(b.value)) / 2))
                points.append(middle)
                if middle.objective <= limit { a = middle } else { b = middle }
            }
        }
        points.sort { $0.value < $1.value }
        return ProfileLikelihood(parameter: target.label, points: points)
    }
}

extension Calibration {
    /// The best objective reachable from `start` in `evaluations` evaluations with `pinning` held
    /// fixed in `files` (the profile's inner fit).
    func fit(from start: [Double], evaluations: Int, pinning: [String: Double], files: [String],
             method: Method) -> Double {
        var pinnedOverrides: [String: [String: Double]] = [:]
        for file in files { pinnedOverrides[file] = pinning }
        return search(method, from: start, evaluations: evaluations, runAt: { values in
            var overrides = self.overrides(values)
            for (file, pinned) in pinnedOverrides { overrides[file, default: [:]].merge(pinned) { _, new in new } }
            return run(withOverrides: overrides)
        }).objective
    }
}
