import Solvers

/// ROBER: Robertson's chemical kinetics, the classic very stiff problem (eigenvalues down to
/// about −10⁴ early and growing stiffer to t = 10¹¹). Bari IVP test set; Hairer & Wanner,
/// *Solving ODEs II*, §IV.1.
///
/// `y1' = −k1 y1 + k3 y2 y3`, `y2' = k1 y1 − k2 y2² − k3 y2 y3`, `y3' = k2 y2²`; mass
/// `y1 + y2 + y3 = 1` is conserved.
public struct Robertson: ODEProblem, Sendable {
    /// Components are named `y1…yN`, as in the test set.
    public func componentName(_ index: Int) -> String { "y\(index + 1)" }
    public var k1 = 0.04, k2 = 3e7, k3 = 1e4
    public init() {}
    public init(_ problem: ReferenceProblem) {
        k1 = problem.parameter("k1"); k2 = problem.parameter("k2"); k3 = problem.parameter("k3")
    }
    public var dimension: Int { 3 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let r1 = k1 * y[0], r2 = k2 * y[1] * y[1], r3 = k3 * y[1] * y[2]
        dydt[0] = -r1 + r3
        dydt[1] = r1 - r2 - r3
        dydt[2] = r2
    }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        // Column-major: m[i + 3j] = ∂f_i/∂y_j.
        m[0] = -k1; m[1] = k1; m[2] = 0
        m[3] = k3 * y[2]; m[4] = -2 * k2 * y[1] - k3 * y[2]; m[5] = 2 * k2 * y[1]
        m[6] = k3 * y[1]; m[7] = -k3 * y[1]; m[8] = 0
    }
}

/// VDPOL: the Van der Pol oscillator with μ = 1000 in unscaled time — relaxation oscillations
/// with fast jumps; stiff on the slow branches. Hairer & Wanner, *Solving ODEs II*, §IV.1.
///
/// `y1' = y2`, `y2' = μ(1 − y1²) y2 − y1`.
public struct VanDerPol: ODEProblem, Sendable {
    /// Components are named `y1…yN`, as in the test set.
    public func componentName(_ index: Int) -> String { "y\(index + 1)" }
    public var mu = 1000.0
    public init() {}
    public init(_ problem: ReferenceProblem) { mu = problem.parameter("mu") }
    public var dimension: Int { 2 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[1]
        dydt[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0]
    }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = 0; m[1] = -2 * mu * y[0] * y[1] - 1
        m[2] = 1; m[3] = mu * (1 - y[0] * y[0])
    }
}

/// OREGO: the Oregonator, Field & Noyes' model of the Belousov–Zhabotinskii reaction; stiff
/// with periodic sharp transitions. Bari IVP test set; Hairer & Wanner, *Solving ODEs II*, §IV.1.
///
/// `y1' = s(y2 − y1 y2 + y1 − q y1²)`, `y2' = (−y2 − y1 y2 + y3)/s`, `y3' = w(y1 − y3)`.
public struct Oregonator: ODEProblem, Sendable {
    /// Components are named `y1…yN`, as in the test set.
    public func componentName(_ index: Int) -> String { "y\(index + 1)" }
    public var s = 77.27, w = 0.161, q = 8.375e-6
    public init() {}
    public init(_ problem: ReferenceProblem) {
        s = problem.parameter("s"); w = problem.parameter("w"); q = problem.parameter("q")
    }
    public var dimension: Int { 3 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = s * (y[1] - y[0] * y[1] + y[0] - q * y[0] * y[0])
        dydt[1] = (-y[1] - y[0] * y[1] + y[2]) / s
        dydt[2] = w * (y[0] - y[2])
    }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        m[0] = s * (-y[1] + 1 - 2 * q * y[0]); m[1] = -y[1] / s; m[2] = w
        m[3] = s * (1 - y[0]); m[4] = (-1 - y[0]) / s; m[5] = 0
        m[6] = 0; m[7] = 1 / s; m[8] = -w
    }
}

extension ReferenceProblem {
    /// The right-hand side of this problem with its parameters, or `nil` for an unknown name.
    public var odeProblem: (any ODEProblem)? {
        switch name.uppercased() {
        case "ROBER": Robertson(self)
        case "VDPOL": VanDerPol(self)
        case "OREGO": Oregonator(self)
        case "ARENSTORF": Arenstorf(self)
        case "PK2CMT": TwoCompartmentOralPK(self)
        default: nil
        }
    }
}
