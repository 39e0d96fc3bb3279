// Closed-form solutions of linear one-compartment pharmacokinetic models: an independent
// truth for tests of the model language, the compiled evaluator and the dosing engine.
//
// Every function returns the AMOUNT in the central compartment (mg when doses are in mg);
// divide by the volume for the concentration. Time is in the same unit as the rate
// constants (hours with rate constants in 1/h). `k` is the first-order elimination rate
// constant, k = CL / V.
//
// Reference for the formulas: M. Gibaldi and D. Perrier, Pharmacokinetics, 2nd ed.
// (Marcel Dekker, New York, 1982), ch. 1 (one-compartment model: intravenous bolus,
// zero-order input, first-order absorption); ch. 2 treats the multicompartment models.
// Where an equation is written for the concentration, the amount form here is the same
// equation multiplied by the volume of distribution.

import Foundation

/// Closed-form central-compartment amounts for linear one-compartment PK models.
enum ClosedFormPK {

    /// Amount remaining after an intravenous bolus.
    ///
    ///     A(τ) = dose · e^(−k·τ)   for τ ≥ 0,
    ///     A(τ) = 0                 for τ < 0 (before the dose).
    ///
    /// Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982, ch. 1 (intravenous bolus,
    /// one-compartment model).
    ///
    /// - Parameters:
    ///   - dose: the amount given at τ = 0 (mg).
    ///   - τ: time since the dose (h).
    ///   - k: first-order elimination rate constant, CL / V (1/h).
    static func ivBolus(dose: Double, τ: Double, k: Double) -> Double {
        guard τ >= 0 else { return 0 }
        return dose * exp(-k * τ)
    }

    /// Amount during and after a zero-order (constant-rate) infusion of `amount` over
    /// `duration`, started at τ = 0, with rate R = amount / duration.
    ///
    ///     A(τ) = (R/k)·(1 − e^(−k·τ))                                for 0 ≤ τ ≤ duration,
    ///     A(τ) = (R/k)·(1 − e^(−k·duration))·e^(−k·(τ − duration))   for τ > duration,
    ///     A(τ) = 0                                                   for τ < 0.
    ///
    /// Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982, ch. 1 (zero-order input,
    /// constant-rate intravenous infusion).
    ///
    /// - Parameters:
    ///   - amount: total amount infused (mg).
    ///   - duration: infusion duration (h); must be positive.
    ///   - τ: time since the start of the infusion (h).
    ///   - k: first-order elimination rate constant, CL / V (1/h); must be positive.
    static func infusion(amount: Double, duration: Double, τ: Double, k: Double) -> Double {
        precondition(duration > 0, "infusion duration must be positive")
        precondition(k > 0, "elimination rate constant must be positive")
        guard τ >= 0 else { return 0 }
        let rate = amount / duration
        if τ <= duration {
            // -expm1(-kτ) = 1 − e^(−kτ), accurate also for small kτ.
            return rate / k * -expm1(-k * τ)
        }
        return rate / k * -expm1(-k * duration) * exp(-k * (τ - duration))
    }

    /// Amount in the central compartment after an oral (first-order absorption) dose into
    /// a depot, of which the fraction `bioavailability` is absorbed.
    ///
    ///     A(τ) = F·amount·ka/(ka − k)·(e^(−k·τ) − e^(−ka·τ))   for τ ≥ 0,
    ///     A(τ) = 0                                             for τ < 0.
    ///
    /// Valid for ka ≠ k, including ka < k ("flip-flop" kinetics); at ka = k the limit is
    /// F·amount·k·τ·e^(−k·τ), not computed here. When ka and k are close the difference
    /// of exponentials cancels and loses relative accuracy; keep them well apart in tests.
    ///
    /// Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982, ch. 1 (first-order absorption,
    /// one-compartment model).
    ///
    /// - Parameters:
    ///   - amount: the dose given into the depot (mg).
    ///   - bioavailability: fraction of the dose absorbed, F (dimensionless, 0…1).
    ///   - ka: first-order absorption rate constant (1/h).
    ///   - k: first-order elimination rate constant, CL / V (1/h).
    ///   - τ: time since the dose (h).
    static func oral(amount: Double, bioavailability: Double, ka: Double, k: Double, τ: Double) -> Double {
        precondition(ka != k, "the closed form needs ka ≠ k")
        guard τ >= 0 else { return 0 }
        return bioavailability * amount * ka / (ka - k) * (exp(-k * τ) - exp(-ka * τ))
    }

    /// Sum of a single-dose response over several dose times (superposition).
    ///
    ///     A(t) = Σ_{tᵢ ≤ t} response(t − tᵢ)
    ///
    /// Valid for linear (first-order) kinetics only, where the response to several doses
    /// is the sum of the responses to each dose given alone. Doses after `t` contribute
    /// nothing and `response` is not called for them; a dose exactly at `t` is included
    /// with τ = 0.
    ///
    /// Example — three 100 mg boluses 12 h apart, k = 0.1/h, evaluated at t = 30 h:
    ///
    ///     ClosedFormPK.superpose(times: [0, 12, 24], at: 30) { τ in
    ///         ClosedFormPK.ivBolus(dose: 100, τ: τ, k: 0.1)
    ///     }
    ///
    /// - Parameters:
    ///   - times: the dose times (h), in any order.
    ///   - t: the time at which to evaluate (h).
    ///   - response: the single-dose response as a function of the time since the dose, τ.
    static func superpose(times: [Double], at t: Double, response: (Double) -> Double) -> Double {
        var total = 0.0
        for doseTime in times where doseTime <= t {
            total += response(t - doseTime)
        }
        return total
    }
}
