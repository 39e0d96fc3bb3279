import Solvers

/// ARENSTORF: the restricted three-body orbit of Arenstorf (Hairer, Nørsett & Wanner, *Solving
/// ODEs I*, §II.0): a satellite between Earth and Moon on a periodic orbit, returning to its
/// initial state after one period. Non-stiff, with sharp turns near the Earth that make step-size
/// control essential.
public struct Arenstorf: ODEProblem, Sendable {
    /// Components are named `y1…yN`, as in the test set.
    public func componentName(_ index: Int) -> String { "y\(index + 1)" }
    /// Mass ratio Moon/(Earth + Moon).
    public var mu = 0.012277471
    public init() {}
    public init(_ problem: ReferenceProblem) { mu = problem.parameter("mu") }
    public var dimension: Int { 4 }
    public var isAutonomous: Bool { true }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let nu = 1 - mu
        let r1 = (y[0] + mu) * (y[0] + mu) + y[1] * y[1]
        let r2 = (y[0] - nu) * (y[0] - nu) + y[1] * y[1]
        let d1 = r1 * r1.squareRoot(), d2 = r2 * r2.squareRoot()
        dydt[0] = y[2]
        dydt[1] = y[3]
        dydt[2] = y[0] + 2 * y[3] - nu * (y[0] + mu) / d1 - mu * (y[0] - nu) / d2
        dydt[3] = y[1] - 2 * y[2] - nu * y[1] / d1 - mu * y[1] / d2
    }
}

/// PK2CMT: two-compartment pharmacokinetics with first-order oral absorption (depot → central ⇄
/// peripheral, elimination from central), amounts in mg, time in h. Linear and non-stiff; the
/// reference solution is the matrix exponential.
public struct TwoCompartmentOralPK: ODEProblem, Sendable {
    /// Absorption rate constant (1/h), clearance (L/h), central volume (L),
    /// inter-compartmental clearance (L/h), peripheral volume (L).
    public var ka = 1.2, clearance = 10.0, centralVolume = 50.0, intercompartmental = 5.0, peripheralVolume = 100.0
    public init() {}
    public init(_ problem: ReferenceProblem) {
        ka = problem.parameter("ka"); clearance = problem.parameter("CL"); centralVolume = problem.parameter("V1")
        intercompartmental = problem.parameter("Q"); peripheralVolume = problem.parameter("V2")
    }
    public var dimension: Int { 3 }
    public var providesJacobian: Bool { true }
    public var isAutonomous: Bool { true }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let k10 = clearance / centralVolume, k12 = intercompartmental / centralVolume
        let k21 = intercompartmental / peripheralVolume
        dydt[0] = -ka * y[0]
        dydt[1] = ka * y[0] - k10 * y[1] - k12 * y[1] + k21 * y[2]
        dydt[2] = k12 * y[1] - k21 * y[2]
    }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        let k10 = clearance / centralVolume, k12 = intercompartmental / centralVolume
        let k21 = intercompartmental / peripheralVolume
        m[0] = -ka; m[1] = ka; m[2] = 0
        m[3] = 0; m[4] = -k10 - k12; m[5] = k12
        m[6] = 0; m[7] = k21; m[8] = -k21
    }

    public func componentName(_ index: Int) -> String { ["depot", "central", "peripheral"][index] }
}
