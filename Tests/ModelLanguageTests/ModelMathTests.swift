import Foundation
import Testing
import ModelLanguage
import Simulation

/// `ModelMath.power`, the language's `^`: `pow` except for the exponents computed exactly.
@Suite struct ModelMathTests {
    @Test func powerAgreesWithPow() {
        var g = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let a = (g.nextUniform() - 0.3) * pow(10, (g.nextUniform() - 0.5) * 20)
            let b = [2, 1, 0.5, 3, -1, 2.5, (g.nextUniform() - 0.5) * 8].randomElement(using: &g)!
            let exact = pow(a, b)
            let value = ModelMath.power(a, b)
            if exact.isNaN { #expect(value.isNaN); continue }
            // a·a is correctly rounded; glibc's pow is within 0.52 ulp of the truth, so they agree
            // to one ulp, and exactly for every other exponent.
            let tolerance = b == 2 ? exact.ulp : 0
            #expect(abs(value - exact) <= tolerance, "\(a) ^ \(b): \(value) vs \(exact)")
        }
        for special in [0.0, -0.0, .infinity, -.infinity, .nan, -2, 1e200] {
            for b in [1.0, 2.0] {
                #expect(ModelMath.power(special, b).bitPattern == pow(special, b).bitPattern || (special.isNaN && ModelMath.power(special, b).isNaN), "\(special) ^ \(b)")
            }
        }
    }
}
