import Foundation

/// The arithmetic of the model language that is not one Swift operator, shared by the evaluator,
/// constant folding and the generated native code so that all three give the same bits.
public enum ModelMath {
    /// `a ^ b`. An exponent of exactly 2 or 1 — the Hill coefficients of the shipped models are
    /// parameters, often 2 — is computed as `a · a` or `a`: correctly rounded and several times
    /// cheaper than `pow`, whose error glibc bounds at 0.52 ulp. Every other exponent is
    /// `Foundation.pow` (C99 special cases: `0 ^ b`, negative bases, infinities).
    @inlinable @inline(__always)
    public static func power(_ a: Double, _ b: Double) -> Double {
        if b == 2 { return a * a }
        if b == 1 { return a }
        return Foundation.pow(a, b)
    }
}
