import Foundation

/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): a small, fast, reproducible 64-bit generator,
/// with uniform doubles on [0, 1) from the top 53 bits and Box–Muller normals. Wean's seeded
/// random streams (the demo's population, the calibration's random starts, randomised tests)
/// use it so that a seed gives the same numbers on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1), 53 random bits.
    public mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal by Box–Muller (one of the pair).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUniform(), .leastNormalMagnitude), u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
