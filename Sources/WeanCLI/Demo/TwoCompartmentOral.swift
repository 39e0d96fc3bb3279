import Foundation
import Solvers

/// The two-compartment model with first-order absorption of DESIGN.md §2 (depot → central ⇄
/// peripheral, elimination from central), with the eliminated amount kept as a fourth state so
/// that mass balance can be checked: `depot + central + peripheral + eliminated` equals the
/// amount dosed.
///
/// Units: time h, amounts mg, volumes L, clearances L/h, concentrations mg/L. The default values
/// are the illustrative ones of DESIGN.md §2, not a particular drug.
///
/// Root functions: 0 is `d(central)/dt` (its decreasing zeros are concentration peaks); 1 is
/// `Cp − thresholdConcentration` (its decreasing zeros are the times the concentration falls
/// below the threshold).
struct TwoCompartmentOral: ODEProblem {
    /// Absorption rate constant, 1/h.
    var absorptionRate = 1.2
    /// Clearance, L/h.
    var clearance = 10.0
    /// Central volume, L.
    var centralVolume = 50.0
    /// Inter-compartmental clearance, L/h.
    var intercompartmentalClearance = 5.0
    /// Peripheral volume, L.
    var peripheralVolume = 100.0
    /// Concentration whose downward crossings are located, mg/L.
    var thresholdConcentration = 0.5

    var dimension: Int { 4 }
    var rootFunctionCount: Int { 2 }

    var k10: Double { clearance / centralVolume }
    var k12: Double { intercompartmentalClearance / centralVolume }
    var k21: Double { intercompartmentalClearance / peripheralVolume }

    func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let depot = y[0], central = y[1], peripheral = y[2]
        dydt[0] = -absorptionRate * depot
        dydt[1] = absorptionRate * depot - (k10 + k12) * central + k21 * peripheral
        dydt[2] = k12 * central - k21 * peripheral
        dydt[3] = k10 * central
    }

    func rootFunctions(t: Double, y: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>) {
        values[0] = absorptionRate * y[0] - (k10 + k12) * y[1] + k21 * y[2]
        values[1] = y[1] / centralVolume - thresholdConcentration
    }

    func componentName(_ index: Int) -> String { ["depot", "central", "peripheral", "eliminated"][index] }

    /// The central concentration (mg/L) at `t` after oral doses `(time, amount)` given at or
    /// before `t`, from the closed-form solution (superposition of the tri-exponential response
    /// `D·ka·Σ_λ (k21 − λ) e^(−λτ) / Π_{μ≠λ} (μ − λ)` over `λ ∈ {α, β, ka}`, where `α`, `β` are the
    /// roots of `λ² − (k10 + k12 + k21) λ + k10 k21`; Gibaldi & Perrier, *Pharmacokinetics*, 2nd
    /// ed., ch. 2). Independent of any ODE solver.
    func analyticConcentration(at t: Double, doses: [(time: Double, amount: Double)]) -> Double {
        let sum = k10 + k12 + k21
        let root = (sum * sum - 4 * k10 * k21).squareRoot()
        let alpha = (sum + root) / 2, beta = (sum - root) / 2, ka = absorptionRate
        var amount = 0.0
        for dose in doses where dose.time <= t {
            let tau = t - dose.time
            let termAlpha = (k21 - alpha) * exp(-alpha * tau) / ((ka - alpha) * (beta - alpha))
            let termBeta = (k21 - beta) * exp(-beta * tau) / ((ka - beta) * (alpha - beta))
            let termKa = (k21 - ka) * exp(-ka * tau) / ((alpha - ka) * (beta - ka))
            amount += dose.amount * ka * (termAlpha + termBeta + termKa)
        }
        return amount / centralVolume
    }
}
