import Foundation
import Testing
@testable import Solvers
import ReferenceProblems

/// Dense LU and the finite-difference Jacobian.
@Suite struct LinearAlgebraTests {
    /// A deterministic pseudo-random generator (SplitMix64) for reproducible matrices.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `A x = b` for random well-conditioned matrices (diagonally dominated) and for a matrix
    /// that needs pivoting (zero leading entry): the residual is at round-off level.
    @Test(arguments: [1, 2, 3, 7, 20])
    func solvesRandomSystems(n: Int) {
        var generator = SplitMix(state: UInt64(n))
        let lu = DenseLU(dimension: n)
        var a = [Double](repeating: 0, count: n * n)
        for k in 0..<(n * n) { a[k] = Double.random(in: -1...1, using: &generator) }
        for i in 0..<n { a[i + i * n] += Double(n) }
        if n > 1 { a[0] = 0 }  // force a row exchange
        for k in 0..<(n * n) { lu.matrix[k] = a[k] }
        #expect(lu.factor())
        let exact = (0..<n).map { Double($0) - 1.5 }
        var b = (0..<n).map { i in (0..<n).map { j in a[i + j * n] * exact[j] }.reduce(0, +) }
        b.withUnsafeMutableBufferPointer { lu.solve($0.baseAddress!) }
        #expect(maxDifference(b, exact) < 1e-12)
    }

    @Test func reportsSingularMatrix() {
        let lu = DenseLU(dimension: 3)
        let rows: [[Double]] = [[1, 2, 3], [2, 4, 6], [1, 0, 1]]
        for i in 0..<3 { for j in 0..<3 { lu.matrix[i + 3 * j] = rows[i][j] } }
        #expect(!lu.factor())
    }

    /// The forward-difference Jacobian equals the analytic one (relative 1e-6 of the column scale)
    /// on the stiff reference problems at points along their solutions.
    @Test(arguments: ["rober", "vdpol", "orego"])
    func finiteDifferenceJacobianMatchesAnalytic(name: String) throws {
        let reference = try ReferenceProblem.load(name)
        let problem = try #require(reference.odeProblem)
        try check(problem, reference: reference)
    }

    func check<P: ODEProblem>(_ problem: P, reference: ReferenceProblem) throws {
        let n = problem.dimension
        let options = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-10)
        let times = [reference.tEnd * 1e-6, reference.tEnd * 1e-3, reference.tEnd * 0.3]
        let solution = try solve(problem, initialState: reference.y0, from: reference.t0, outputTimes: times, method: .rodas5, options: options)
        let weights = ErrorWeights(dimension: n, options: options)
        defer { weights.deallocate() }
        let workspace = JacobianWorkspace(dimension: n)
        for (t, state) in zip(solution.times, solution.states) {
            var y = state
            var f = [Double](repeating: 0, count: n)
            var analytic = [Double](repeating: 0, count: n * n)
            y.withUnsafeBufferPointer { yb in
                f.withUnsafeMutableBufferPointer { problem.derivatives(t: t, y: yb, dydt: $0) }
                analytic.withUnsafeMutableBufferPointer { problem.jacobian(t: t, y: yb, into: $0) }
            }
            let evaluations = y.withUnsafeMutableBufferPointer { yb in
                f.withUnsafeMutableBufferPointer { fb in
                    workspace.evaluate(FiniteDifferenceJacobian(problem), t: t, y: yb.baseAddress!, f: fb.baseAddress!, stepSize: 1e-3, weights: weights)
                }
            }
            #expect(evaluations == n)
            for j in 0..<n {
                let scale = (0..<n).map { abs(analytic[$0 + j * n]) }.max()! + 1e-300
                for i in 0..<n {
                    let difference = abs(workspace.jacobian[i + j * n] - analytic[i + j * n])
                    #expect(difference <= 1e-6 * scale, "\(reference.name) t = \(t): J[\(i),\(j)] \(workspace.jacobian[i + j * n]) vs \(analytic[i + j * n])")
                }
            }
        }
    }
}
