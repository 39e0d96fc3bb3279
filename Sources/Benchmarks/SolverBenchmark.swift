import Foundation
import Solvers
import ReferenceProblems

/// `wean bench solvers`: work-precision runs of Wean's methods and of the peers (CVODE, scipy)
/// on the reference problems over a sweep of tolerances, and the time ratios at equal accuracy.
public enum SolverBenchmark {
    /// What to run.
    public struct Configuration: Sendable {
        /// Problem names (lower case) from `ReferenceProblems`.
        public var problems = ["rober", "vdpol", "orego", "arenstorf", "pk2cmt"]
        /// Relative tolerances of the sweep; each problem's absolute tolerance keeps the ratio of
        /// its recorded settings.
        public var relativeTolerances = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]
        /// The `benchmarks/peers` folder, or `nil` to run Wean alone.
        public var peersDirectory: URL?
        public init() {}
    }

    /// All points of one problem.
    public struct ProblemResult: Sendable {
        public var reference: ReferenceProblem
        public var points: [WorkPrecisionPoint]
    }

    /// Wean's methods for a problem of this kind.
    public static func weanMethods(stiff: Bool) -> [SolverMethod] {
        stiff ? [.auto, .rodas5, .bdf] : [.auto, .dopri5, .vern7]
    }

    /// Runs the sweep. `log` receives progress lines.
    public static func run(_ configuration: Configuration, log: (String) -> Void) throws -> [ProblemResult] {
        let peers = try configuration.peersDirectory.map { try PeerRunner(directory: $0, log: log) }
        var results: [ProblemResult] = []
        for name in configuration.problems {
            let reference = try ReferenceProblem.load(name)
            let recorded = reference.toleranceSettings.first
            let ratio = recorded.map { $0.absolute / $0.relative } ?? 1
            var points: [WorkPrecisionPoint] = []
            for rtol in configuration.relativeTolerances {
                let atol = rtol * ratio
                log("\(reference.name) rtol \(rtol) atol \(atol)")
                for method in weanMethods(stiff: reference.stiff) {
                    points.append(WeanSolverRuns.run(reference, method: method, relative: rtol, absolute: atol))
                }
                guard let peers else { continue }
                do {
                    if reference.stiff {
                        points += try peers.cvode(problem: name, relative: rtol, absolute: atol, method: "bdf", reference: reference.referenceSolution)
                        points += try peers.scipy(problem: name, relative: rtol, absolute: atol, methods: ["BDF", "LSODA", "Radau"])
                    } else {
                        points += try peers.cvode(problem: name, relative: rtol, absolute: atol, method: "adams", reference: reference.referenceSolution)
                        points += try peers.scipy(problem: name, relative: rtol, absolute: atol, methods: ["RK45", "DOP853"])
                    }
                } catch {
                    log("peer run failed: \(error)")
                }
            }
            results.append(ProblemResult(reference: reference, points: points))
        }
        return results
    }

    /// The time `solver` would take to reach `scd`, interpolating `log(time)` linearly in scd
    /// between its runs (extrapolating at most half a digit beyond them), or `nil`.
    public static func time(of solver: [WorkPrecisionPoint], atSCD scd: Double) -> Double? {
        let curve = solver.filter { $0.scd.isFinite && $0.seconds.isFinite && $0.seconds > 0 }.sorted { $0.scd < $1.scd }
        guard curve.count >= 2, let first = curve.first, let last = curve.last,
              scd >= first.scd - 0.5, scd <= last.scd + 0.5 else { return nil }
        var lower = curve[0], upper = curve[1]
        for index in 1..<curve.count where curve[index].scd >= scd || index == curve.count - 1 {
            lower = curve[index - 1]
            upper = curve[index]
            break
        }
        guard upper.scd > lower.scd else { return min(lower.seconds, upper.seconds) }
        let fraction = (scd - lower.scd) / (upper.scd - lower.scd)
        return exp(log(lower.seconds) + fraction * (log(upper.seconds) - log(lower.seconds)))
    }

    /// Geometric mean over `peer`'s runs of (Wean solver's time at the peer's scd) ÷ (peer's time),
    /// with the number of runs compared; `nil` when their accuracy ranges do not overlap.
    public static func ratio(_ wean: [WorkPrecisionPoint], to peer: [WorkPrecisionPoint]) -> (ratio: Double, compared: Int)? {
        var logSum = 0.0
        var count = 0
        for point in peer where point.scd.isFinite && point.seconds > 0 {
            guard let time = time(of: wean, atSCD: point.scd) else { continue }
            logSum += log(time / point.seconds)
            count += 1
        }
        return count == 0 ? nil : (exp(logSum / Double(count)), count)
    }
}
