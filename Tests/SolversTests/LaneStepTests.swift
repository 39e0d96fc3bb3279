import Foundation
import Testing
@testable import Solvers

/// The explicit Runge–Kutta step on SIMD lanes (states of at most four components whose problem
/// computes its right-hand side on lanes) is the step on buffers with the stages in registers:
/// the same operations in the same order, so every solution value and every statistic must be
/// identical to the last bit.
@Suite struct LaneStepTests {
    /// A nonlinear, time-dependent system of `dimension` (1…4) components — a damped, driven
    /// chain — with both forms of the right-hand side written out separately.
    struct Chain: ODEProblem {
        let dimension: Int
        let lanes: Bool

        var providesLaneDerivatives: Bool { lanes }

        @inline(__always)
        func component(_ i: Int, t: Double, _ y: (Int) -> Double) -> Double {
            let left = i > 0 ? y(i - 1) : 1.5 * (t * 0.3).squareRoot()
            return -0.8 * Double(i + 1) * y(i) + 0.5 * left - 0.05 * y(i) * y(i)
        }

        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            for i in 0..<dimension { dydt[i] = component(i, t: t) { y[$0] } }
        }

        func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double> {
            var result = SIMD4<Double>()
            for i in 0..<dimension { result[i] = component(i, t: t) { y[$0] } }
            return result
        }
    }

    static func bits(_ solution: ODESolution) -> [[UInt64]] { solution.states.map { $0.map(\.bitPattern) } }

    @Test(arguments: [1, 2, 3, 4], [SolverMethod.dopri5, .auto])
    func lanesEqualBuffersBitForBit(dimension: Int, method: SolverMethod) throws {
        let y0 = (0..<dimension).map { 0.2 * Double($0 + 1) }
        let times = stride(from: 0.5, through: 40, by: 0.5).map { $0 }
        for tolerance in [1e-4, 1e-8, 1e-11] {
            let options = SolverOptions(relativeTolerance: .scalar(tolerance), absoluteTolerance: .scalar(tolerance * 1e-2))
            let onLanes = try solve(Chain(dimension: dimension, lanes: true), initialState: y0, from: 0, outputTimes: times, method: method, options: options)
            let onBuffers = try solve(Chain(dimension: dimension, lanes: false), initialState: y0, from: 0, outputTimes: times, method: method, options: options)
            #expect(Self.bits(onLanes) == Self.bits(onBuffers), "n = \(dimension), \(method), tolerance \(tolerance)")
            #expect(onLanes.statistics == onBuffers.statistics)
            #expect(onLanes.statistics.acceptedSteps > 10)
        }
    }

    /// The default `derivatives(t:lanes:)` (through a buffer) gives the buffer form's values, and
    /// leaves the unused lanes zero.
    @Test(arguments: [1, 2, 3, 4])
    func defaultLaneDerivativesGoThroughTheBuffer(dimension: Int) {
        struct BufferOnly: ODEProblem {
            let chain: Chain
            var dimension: Int { chain.dimension }
            func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                chain.derivatives(t: t, y: y, dydt: dydt)
            }
        }
        let problem = BufferOnly(chain: Chain(dimension: dimension, lanes: false))
        #expect(!problem.providesLaneDerivatives)
        var y = SIMD4<Double>()
        for i in 0..<dimension { y[i] = 0.3 + Double(i) }
        let lanes = problem.derivatives(t: 2, lanes: y)
        var buffer = [Double](repeating: 0, count: dimension)
        let state = (0..<dimension).map { y[$0] }
        state.withUnsafeBufferPointer { s in buffer.withUnsafeMutableBufferPointer { problem.derivatives(t: 2, y: s, dydt: $0) } }
        for i in 0..<4 {
            #expect(lanes[i].bitPattern == (i < dimension ? buffer[i] : 0).bitPattern)
        }
    }

    /// A random quadratic system `f_i = a_i − d_i y_i + Σ_j b_ij y_j + Σ_jk c_ijk y_j y_k` (damped so
    /// solutions stay bounded), its two right-hand-side forms written out apart.
    struct Quadratic: ODEProblem {
        let dimension: Int
        let lanes: Bool
        let a: [Double], d: [Double], b: [[Double]], c: [[[Double]]]

        var providesLaneDerivatives: Bool { lanes }

        init(dimension n: Int, lanes: Bool, seed: UInt64) {
            var generator = LinearAlgebraTests.SplitMix(state: seed)
            func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &generator) }
            dimension = n
            self.lanes = lanes
            a = (0..<n).map { _ in uniform(-1...1) }
            d = (0..<n).map { _ in uniform(1.5...3) }
            b = (0..<n).map { _ in (0..<n).map { _ in uniform(-0.5...0.5) } }
            c = (0..<n).map { _ in (0..<n).map { _ in (0..<n).map { _ in uniform(-0.03...0.03) } } }
        }

        func component(_ i: Int, _ y: (Int) -> Double) -> Double {
            var value = a[i] - d[i] * y(i)
            for j in 0..<dimension {
                value += b[i][j] * y(j)
                for k in 0..<dimension { value += c[i][j][k] * y(j) * y(k) }
            }
            return value
        }

        func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
            for i in 0..<dimension { dydt[i] = component(i) { y[$0] } }
        }

        func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double> {
            var result = SIMD4<Double>()
            for i in 0..<dimension { result[i] = component(i) { y[$0] } }
            return result
        }
    }

    /// 120 random systems of 1–4 components at random tolerances, by DOPRI5 and the automatic
    /// method: steps on lanes equal steps on buffers to the last bit, work included.
    @Test func randomSystemsOnLanesEqualBuffers() throws {
        var generator = LinearAlgebraTests.SplitMix(state: 2026)
        for trial in 0..<120 {
            let n = 1 + trial % 4
            let seed = generator.next()
            let tolerance = pow(10, -Double.random(in: 3...11, using: &generator))
            let y0 = (0..<n).map { _ in Double.random(in: -1...1, using: &generator) }
            let method: SolverMethod = trial % 2 == 0 ? .dopri5 : .auto
            let options = SolverOptions(relativeTolerance: .scalar(tolerance), absoluteTolerance: .scalar(tolerance * 1e-3))
            let times = stride(from: 0.25, through: 10, by: 0.25).map { $0 }
            let onLanes = try solve(Quadratic(dimension: n, lanes: true, seed: seed), initialState: y0, from: 0, outputTimes: times, method: method, options: options)
            let onBuffers = try solve(Quadratic(dimension: n, lanes: false, seed: seed), initialState: y0, from: 0, outputTimes: times, method: method, options: options)
            #expect(Self.bits(onLanes) == Self.bits(onBuffers), "trial \(trial): n = \(n), \(method), tolerance \(tolerance)")
            #expect(onLanes.statistics == onBuffers.statistics, "trial \(trial)")
        }
    }

    /// A derivative that turns NaN beyond t = 1 (and a square-root singularity at t = 1): the lane
    /// steps end with the same error, at the same time and step, naming the same component, as
    /// the buffer steps.
    @Test(arguments: [SolverMethod.dopri5, .auto], [false, true])
    func failuresOnLanesEqualFailuresOnBuffers(method: SolverMethod, singular: Bool) {
        struct Failing: ODEProblem {
            let lanes: Bool
            let singular: Bool
            var dimension: Int { 2 }
            var providesLaneDerivatives: Bool { lanes }
            func componentName(_ index: Int) -> String { ["drug", "effect"][index] }
            func effect(_ t: Double) -> Double { singular ? -1 / (1 - t).squareRoot() : (t <= 1 ? 1 : .nan) }
            func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = -y[0]
                dydt[1] = effect(t)
            }
            func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double> { SIMD4(-y[0], effect(t), 0, 0) }
        }
        func failure(_ lanes: Bool) -> String {
            do {
                _ = try solve(Failing(lanes: lanes, singular: singular), initialState: [1, 0], from: 0, outputTimes: [2], method: method)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let onLanes = failure(true)
        #expect(onLanes == failure(false))
        #expect(onLanes.contains("effect"), "\(onLanes)")
    }

    /// The weighted norm on lanes equals the loop over components to the last bit, worst
    /// component included, for every size up to four.
    @Test func laneNormEqualsTheLoop() {
        var generator = LinearAlgebraTests.SplitMix(state: 7)
        func unit() -> Double { Double.random(in: 0..<1, using: &generator) }
        for dimension in 1...4 {
            let options = SolverOptions(
                relativeTolerance: .perComponent((0..<dimension).map { _ in 10 * unit() * 1e-6 }),
                absoluteTolerance: .perComponent((0..<dimension).map { _ in unit() * 1e-8 + 1e-12 }))
            let weights = ErrorWeights(dimension: dimension, options: options)
            defer { weights.deallocate() }
            for _ in 0..<500 {
                let e = (0..<dimension).map { _ in (unit() - 0.5) * 1e-6 }
                let a = (0..<dimension).map { _ in (unit() - 0.5) * 10 }
                let b = (0..<dimension).map { _ in (unit() - 0.5) * 10 }
                var sum = 0.0, worst = 0, worstValue = -1.0
                for i in 0..<dimension {
                    let ratio = e[i] / (options.absoluteTolerance.value(at: i) + options.relativeTolerance.value(at: i) * max(abs(a[i]), abs(b[i])))
                    sum += ratio * ratio
                    if !(ratio * ratio <= worstValue) { worstValue = ratio * ratio; worst = i }
                }
                let lanes = weights.weightedSquares(e, scaledBy: a, b)
                #expect(lanes.sum.bitPattern == sum.bitPattern)
                #expect(lanes.worst == worst)
            }
        }
    }
}
