import Foundation
import Solvers

/// The 20-state model of `examples/transit_pkpd.wean` written by hand in Swift — the baseline of
/// `wean bench language` (what a developer would write without the model language).
struct HandWrittenTransitPKPD: ODEProblem {
    var ktr = 3.0, clearance = 10.0, v1 = 50.0, q = 5.0, v2 = 100.0, ke0 = 0.7
    var emax = 1.0, ec50 = 0.5, hill = 1.5, kin = 10.0, kout = 0.5
    var dimension: Int { 20 }
    var providesJacobian: Bool { true }
    var isAutonomous: Bool { true }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -ktr * y[0]
        for k in 1...15 { dydt[k] = ktr * (y[k - 1] - y[k]) }
        let central = y[16], periph = y[17], effect = y[18], response = y[19]
        dydt[16] = ktr * y[15] - (clearance + q) / v1 * central + q / v2 * periph
        dydt[17] = q / v1 * central - q / v2 * periph
        dydt[18] = ke0 * (central / v1 - effect)
        let eh = pow(effect, hill)
        let e = emax * eh / (pow(ec50, hill) + eh)
        dydt[19] = kin * (1 - e) - kout * response
    }

    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into m: UnsafeMutableBufferPointer<Double>) {
        let n = 20
        for k in 0..<(n * n) { m[k] = 0 }
        m[0] = -ktr
        for k in 1...15 { m[k + (k - 1) * n] = ktr; m[k + k * n] = -ktr }
        m[16 + 15 * n] = ktr
        m[16 + 16 * n] = -(clearance + q) / v1
        m[16 + 17 * n] = q / v2
        m[17 + 16 * n] = q / v1
        m[17 + 17 * n] = -q / v2
        m[18 + 16 * n] = ke0 / v1
        m[18 + 18 * n] = -ke0
        let effect = y[18]
        let ch = pow(ec50, hill), eh = pow(effect, hill)
        let derivative = emax * hill * pow(effect, hill - 1) * ch / ((ch + eh) * (ch + eh))
        m[19 + 18 * n] = -kin * derivative
        m[19 + 19 * n] = -kout
    }
}
