import Testing
import Benchmarks

/// The arithmetic behind `wean bench solvers`' ratios at equal accuracy.
@Suite struct BenchmarkMathTests {
    static func point(_ label: String, scd: Double, seconds: Double) -> WorkPrecisionPoint {
        WorkPrecisionPoint(peer: label, solver: "x", problem: "p", relativeTolerance: 1e-6, absoluteTolerance: 1e-6, scd: scd,
                           rhsEvaluations: 0, jacobianEvaluations: 0, luDecompositions: nil, steps: 0, seconds: seconds, repeats: 3)
    }

    /// log(time) is interpolated linearly in scd, and nothing is extrapolated beyond half a digit.
    @Test func interpolatesLogTimeInSCD() throws {
        let curve = [Self.point("w", scd: 4, seconds: 1e-3), Self.point("w", scd: 6, seconds: 1e-1)]
        let middle = try #require(SolverBenchmark.time(of: curve, atSCD: 5))
        #expect(abs(middle - 1e-2) < 1e-12)
        #expect(SolverBenchmark.time(of: curve, atSCD: 7) == nil)
        #expect(abs(SolverBenchmark.time(of: curve, atSCD: 6.5)! - 0.1 * 10.0.squareRoot()) < 1e-9, "extrapolated along the last segment")
    }

    @Test func ratioIsGeometricMeanOverPeerRuns() throws {
        let wean = [Self.point("w", scd: 4, seconds: 1e-3), Self.point("w", scd: 6, seconds: 1e-1)]
        let peer = [Self.point("c", scd: 4, seconds: 2e-3), Self.point("c", scd: 6, seconds: 4e-1)]
        let (ratio, count) = try #require(SolverBenchmark.ratio(wean, to: peer))
        #expect(count == 2)
        #expect(abs(ratio - (0.5 * 0.25).squareRoot()) < 1e-12)
    }
}
