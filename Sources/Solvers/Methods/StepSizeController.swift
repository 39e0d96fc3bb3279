import RealModule

/// The PI step-size controller of the one-step methods (Gustafsson, *ACM TOMS* 17 (1991) 533–554;
/// the form of Hairer's DOPRI5, *Solving ODEs I*, §IV.2): after an accepted step with error norm
/// `err` (≤ 1), `h_new = h · clamp(s · err^(−β₁) · err_prev^(β₂))`, with `k` the order of the error
/// estimate plus one, `β₂ = 0.2/k` and `β₁ = 1/k − 0.75 β₂` (for DOPRI5: 0.17 and 0.04, Hairer's
/// values); after a rejection the elementary rule `s · err^(−1/k)`, and no growth on the step after
/// a rejection.
struct StepSizeController {
    let beta1: Double
    let beta2: Double
    let rejectExponent: Double
    let safety: Double
    let minimumRatio: Double
    let maximumRatio: Double
    let maximumStepSize: Double
    /// ln of the smallest positive normal `Double`: a zero error counts as this one (the step
    /// then grows by the largest ratio allowed).
    let logLeastNormal = Double.log(.leastNormalMagnitude)
    /// Errors below 1e-4 are remembered as 1e-4, so one very accurate step does not inflate the
    /// next (Hairer's DOPRI5).
    let logSmallestRemembered = Double.log(1e-4)
    /// β₂·ln(previous error), kept so that each accepted step costs one `log` and one `exp` rather
    /// than two `pow`s.
    private var previousTerm: Double
    private(set) var lastRejected = false

    /// A controller for an error estimate behaving like `h^errorOrder`.
    init(errorOrder k: Int, options: SolverOptions) {
        let kk = Double(k)
        beta2 = 0.2 / kk
        beta1 = 1 / kk - 0.75 * beta2
        rejectExponent = 1 / kk
        previousTerm = beta2 * logSmallestRemembered
        safety = options.safetyFactor
        minimumRatio = options.minimumStepRatio
        maximumRatio = options.maximumStepRatio
        maximumStepSize = options.maximumStepSize
    }

    /// Forgets the history (after a restart).
    mutating func reset() {
        previousTerm = beta2 * logSmallestRemembered
        lastRejected = false
    }

    /// The next step after accepting a step of size `h` with error norm `error`.
    mutating func accepted(stepSize h: Double, error: Double) -> Double {
        accepted(stepSize: h, logError: Double.log(max(error, .leastNormalMagnitude)))
    }

    /// The next step after accepting a step of size `h` whose error norm has natural logarithm
    /// `logError` (−∞ for a zero error). Taking the logarithm lets a caller skip the square root
    /// and division of the norm: `ln‖e‖ = ½(ln Σ wᵢ² − ln n)`.
    mutating func accepted(stepSize h: Double, logError: Double) -> Double {
        // safety · error^(−β₁) · previous^(β₂), as exp(−β₁ ln error + β₂ ln previous).
        let logError = max(logError, logLeastNormal)
        var factor = safety * Double.exp(-beta1 * logError + previousTerm)
        factor = min(maximumRatio, max(minimumRatio, factor))
        if lastRejected { factor = min(factor, 1) }
        previousTerm = beta2 * max(logError, logSmallestRemembered)
        lastRejected = false
        let magnitude = min(abs(h) * factor, maximumStepSize)
        return h < 0 ? -magnitude : magnitude
    }

    /// The retry size after rejecting a step of size `h` with error norm `error` (> 1; NaN
    /// or infinite means the step failed outright and is cut by 4).
    mutating func rejected(stepSize h: Double, error: Double) -> Double {
        lastRejected = true
        guard error.isFinite else { return h * 0.25 }
        return h * max(minimumRatio, safety * Double.pow(error, -rejectExponent))
    }
}
