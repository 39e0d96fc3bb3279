import Foundation
import Testing
import ModelLanguage

/// The symbolic Jacobian against central finite differences, on every example model and on
/// expressions exercising every rule.
@Suite struct JacobianTests {
    static func central(_ instance: ModelInstance, t: Double, y: [Double]) -> [Double] {
        let n = y.count
        var matrix = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            let h = 1e-6 * max(abs(y[j]), 1e-3)
            var plus = y, minus = y
            plus[j] += h
            minus[j] -= h
            var fp = [Double](repeating: 0, count: n), fm = fp
            plus.withUnsafeBufferPointer { p in fp.withUnsafeMutableBufferPointer { instance.derivatives(t: t, y: p, dydt: $0) } }
            minus.withUnsafeBufferPointer { m in fm.withUnsafeMutableBufferPointer { instance.derivatives(t: t, y: m, dydt: $0) } }
            for i in 0..<n { matrix[i + j * n] = (fp[i] - fm[i]) / (plus[j] - minus[j]) }
        }
        return matrix
    }

    static func symbolic(_ instance: ModelInstance, t: Double, y: [Double]) -> [Double] {
        var matrix = [Double](repeating: .nan, count: y.count * y.count)
        y.withUnsafeBufferPointer { ys in matrix.withUnsafeMutableBufferPointer { instance.jacobian(t: t, y: ys, into: $0) } }
        return matrix
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ context: String) {
        let scale = max(b.map(abs).max() ?? 1, 1e-12)
        for (x, y) in zip(a, b) {
            #expect(abs(x - y) <= 1e-6 * scale, "\(context): \(a) vs \(b)")
        }
    }

    @Test(arguments: ["one_compartment_iv", "one_compartment_oral", "two_compartment_oral", "two_compartment_iv",
                      "michaelis_menten", "indirect_response", "rober", "vdpol", "orego"])
    func exampleJacobiansMatchFiniteDifferences(name: String) throws {
        let compiled = try SimulationTests.example(name)
        let instance = compiled.makeInstance()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let y = (0..<instance.dimension).map { _ in Double.random(in: 0.1...3, using: &generator) }
            Self.expectClose(Self.symbolic(instance, t: 1.5, y: y), Self.central(instance, t: 1.5, y: y), name)
        }
    }

    @Test func everyRuleMatchesFiniteDifferences() throws {
        let compiled = try ModelCompiler.compile(source: """
            param p = 1.3
            w = u * v / (1 + v^2)
            d/dt(u) = exp(-u) + log(1 + v) + log10(2 + u) + sqrt(1 + u * v) - abs(u - 2 * v) + w
            d/dt(v) = pow(u, 2.5) + u^v + min(u, v) * max(u, 2 * v) + sin(u) * cos(v) + floor(u) - ceil(v)
            d/dt(z) = ifelse(u > v, u * z, -v * z) + p * t - u / v + -(z^3)
            """, file: "rules.wean")
        let instance = compiled.makeInstance()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            // Stay away from the kinks of abs/min/max/ifelse and the jumps of floor/ceil.
            let y = [Double.random(in: 0.2...2.8, using: &generator), Double.random(in: 0.2...2.8, using: &generator),
                     Double.random(in: -2...2, using: &generator)]
            if abs(y[0] - 2 * y[1]) < 1e-3 || abs(y[0] - y[1]) < 1e-3 || abs(y[0] - 2 * y[1]) < 1e-3 { continue }
            if abs(y[0] - y[0].rounded()) < 1e-3 || abs(y[1] - y[1].rounded()) < 1e-3 { continue }
            Self.expectClose(Self.symbolic(instance, t: 0.7, y: y), Self.central(instance, t: 0.7, y: y), "\(y)")
        }
    }

    /// Entries that are zero for every input are not computed: the sparsity pattern.
    @Test func sparsityPattern() throws {
        #expect(try SimulationTests.example("one_compartment_oral").jacobianNonZeroCount == 3)
        #expect(try SimulationTests.example("two_compartment_oral").jacobianNonZeroCount == 6)
        #expect(try SimulationTests.example("rober").jacobianNonZeroCount == 7)
    }
}

/// Symbolic Jacobians of randomly generated expressions against central differences.
@Suite struct RandomExpressionJacobianTests {
    /// A random smooth expression over u, v, w (no kinks or jumps: abs, min, max, floor, ceil and
    /// comparisons are left out), kept positive under logs and roots.
    static func expression(depth: Int, _ generator: inout SystemRandomNumberGenerator) -> String {
        let leaves = ["u", "v", "w", "p", "1.5", "0.3", "t"]
        if depth == 0 || Int.random(in: 0..<4, using: &generator) == 0 { return leaves.randomElement(using: &generator)! }
        let a = expression(depth: depth - 1, &generator), b = expression(depth: depth - 1, &generator)
        switch Int.random(in: 0..<11, using: &generator) {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2: return "(\(a) * \(b))"
        case 3: return "(\(a) / (1 + \(b)^2))"
        case 4: return "exp(0.1 * \(a))"
        case 5: return "log(1 + \(a)^2)"
        case 6: return "sqrt(1 + \(a)^2)"
        case 7: return "sin(\(a))"
        case 8: return "cos(\(b))"
        case 9: return "(1 + \(a)^2)^(0.5 + 0.1 * \(b)^2)"
        default: return "(-\(a))"
        }
    }

    @Test func randomExpressions() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let source = """
                param p = 0.8
                q = \(Self.expression(depth: 3, &generator))
                d/dt(u) = \(Self.expression(depth: 4, &generator)) + q
                d/dt(v) = \(Self.expression(depth: 4, &generator))
                d/dt(w) = \(Self.expression(depth: 4, &generator)) * q
                """
            let instance = try ModelCompiler.compile(source: source, file: "random.wean").makeInstance()
            let y = [Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator)]
            let symbolic = JacobianTests.symbolic(instance, t: 0.4, y: y)
            let central = JacobianTests.central(instance, t: 0.4, y: y)
            let scale = max(central.map(abs).max() ?? 1, 1)
            for (a, b) in zip(symbolic, central) {
                #expect(abs(a - b) <= 1e-6 * scale, "\(source)\nat \(y): \(symbolic) vs \(central)")
            }
        }
    }
}
