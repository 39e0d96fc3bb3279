/// Where a free parameter sits before the data speak: the centre of a log-normal prior on its
/// value, from a source or a stated assumption, never from a previous fit's output. The
/// calibration adds ((ln value − ln centre) / ln width)² per parameter to the weighted sum of
/// squares (a maximum a posteriori fit; Gelman et al., Bayesian Data Analysis, 3rd ed., §4.1), so
/// a direction the targets cannot see (docs/model.md, Identifiability) is held at its centre
/// instead of drifting with the optimiser: every direction of the objective has curvature, the
/// optimum is a point, not a valley, and a rerun from it stays there. (The objective still has
/// other, worse local optima; `Calibration.fit` starts from the shipped values and reports
/// random starts apart.) The search bounds are a decade either side of the centre.
///
/// The centres of the rat mechanism are the values set by hand before the automated calibration
/// (commit be635aa: each fitted by eye or by a one-off fit to the experiment its note names),
/// rounded to two significant digits to mark them as starting guesses, not results. The human
/// values are those its notes give; the mouse potency is the one its note derives.
public struct CalibrationPrior: Sendable, Hashable, Codable {
    /// The parameter's name in the model files.
    public var name: String
    /// The species whose file owns it (the rat's values are shared with the mouse and, where no
    /// human observation sets them, the human; `CalibrationParameter.defaults(for:)`).
    public var species: Species
    /// The centre, in the parameter's unit.
    public var centre: Double
    /// What sets the centre.
    public var source: String

    public init(_ name: String, _ species: Species, _ centre: Double, _ source: String) {
        self.name = name
        self.species = species
        self.centre = centre
        self.source = source
    }

    /// The prior of `name` in `species`' file, if it is a default free parameter.
    public static func of(_ name: String, _ species: Species) -> CalibrationPrior? {
        table.first { $0.name == name && $0.species == species }
    }

    static let byHand = "set by hand before the automated calibration"

    /// Every default free parameter's prior (units as in the model files).
    public static let table: [CalibrationPrior] = [
        CalibrationPrior("EC50", .rat, 0.043, "mg/L; \(byHand) to Morgan 2006's tail-withdrawal ED50 of 5.7 mg/kg s.c."),
        CalibrationPrior("HALF_TOL_FAST", .rat, 0.3, "h; \(byHand) to the peak near 120 min of Ouellet 1995's infusion"),
        CalibrationPrior("GAIN_TOL_FAST", .rat, 1.5, "\(byHand) to Ouellet 1995's residual effect at 12 h of infusion"),
        CalibrationPrior("GAIN_TOL_SLOW", .rat, 1.3, "\(byHand) to Ekblom 1993's loss of effect by day 3 of infusion"),
        CalibrationPrior("GAIN_TOL_CYTOKINE", .rat, 2.5, "\(byHand) to the daily-dosing tolerance of Hua 2016 and Di Cesare Mannelli 2015"),
        CalibrationPrior("K_GLIA_ON", .rat, 0.034, "1/h; \(byHand) to glial activation within days of daily morphine (Raghavendra 2004)"),
        CalibrationPrior("W_CYTOKINE", .rat, 0.035, "\(byHand), below the loop gain that would make activation self-sustaining"),
        CalibrationPrior("HALF_GLIA_OFF", .rat, 150, "h; \(byHand) to the weeks of recovery after daily morphine (Di Cesare Mannelli 2018)"),
        CalibrationPrior("K_ASTRO_ON", .rat, 0.006, "1/h; \(byHand) to the 31 days of recovery after escalation (Di Cesare Mannelli 2018)"),
        CalibrationPrior("HALF_ASTRO_OFF", .rat, 690, "h; \(byHand) to the 31 days of recovery after escalation (Di Cesare Mannelli 2018)"),
        CalibrationPrior("W_ASTRO", .rat, 2, "\(byHand): astrocytes weigh about twice microglia in the cytokine pool"),
        CalibrationPrior("K_RESOLVE", .rat, 4.8, "\(byHand) to PEA's 4-day recovery (Di Cesare Mannelli 2018)"),
        CalibrationPrior("HALF_SENSITISATION", .rat, 27, "h; \(byHand) to OIH within days that outlasts the dose (Ferrini 2013)"),
        CalibrationPrior("GAIN_OIH", .rat, 0.6, "\(byHand) to OIH of about 30 % within days (science.md 3.5)"),
        CalibrationPrior("GAIN_REBOUND", .rat, 0.35, "\(byHand) to the rebound hyperalgesia after Ekblom 1993's infusion"),
        CalibrationPrior("N50_MSC_LUNG", .rat, 6.9e4, "cells/kg; \(byHand) to the IV arms of Hua 2016 with assumed cell doses [unverified]"),
        CalibrationPrior("N50_MSC_IT", .rat, 6.9e4, "cells/kg; taken equal to the IV value [unverified]"),
        CalibrationPrior("K_RESOLUTION_ON", .rat, 0.061, "1/h; \(byHand) to the IV arms of Hua 2016 (reversal within 2 days)"),
        CalibrationPrior("HALF_RESOLUTION", .rat, 1100, "h; \(byHand) to protection lasting up to 34 days (Hua 2016)"),
        CalibrationPrior("W_NERVE_INJURY", .rat, 5, "an assumption: a nerve injury drives glia like five times full receptor occupancy [unverified]"),
        CalibrationPrior("HALF_NERVE_INJURY", .rat, 100, "h; an assumption: the injury's drive fades over days [unverified]"),
        CalibrationPrior("HALF_EXPOSURE", .rat, 24, "h; an assumption: glia respond to exposure sustained over about a day (Johnston 2004: 5 days of morphine, not 1) [unverified]"),
        CalibrationPrior("EXPOSURE50", .rat, 0.3, "an assumption: half the glial drive at a sustained mean occupancy of 0.3 [unverified]"),
        CalibrationPrior("HALF_WITHDRAWAL_ESCALATION", .rat, 36, "h; an assumption: abstinence signs build over a day or two (the human course peaks 36-72 h after the last dose) [unverified]"),
        CalibrationPrior("GAIN_WITHDRAWAL_ESCALATION", .rat, 2, "an assumption: the syndrome at its peak a few times its first signs [unverified]"),
        CalibrationPrior("EC50", .mouse, 0.096, "mg/L; with the rat mechanism, the naive hot-plate ED50 3.65 mg/kg s.c. (Br J Pharmacol 2007;151:1324)"),
        CalibrationPrior("GAIN_TOL_FAST", .mouse, 1.5, "the rat's centre: the mouse's receptor tolerance taken as the rat's until its own pellet tolerance (Br J Pharmacol 2007) sets it"),
        CalibrationPrior("GAIN_TOL_SLOW", .mouse, 1.3, "the rat's centre: the mouse's receptor tolerance taken as the rat's until its own pellet tolerance (Br J Pharmacol 2007) sets it"),
        CalibrationPrior("GAIN_TOL_SLOW", .human, 0.4, "set by hand to tolerance after a month of oral morphine (Chu 2006)"),
        CalibrationPrior("K_GLIA_ON", .human, 0.0025, "1/h; set by hand to OIH after a month of oral morphine (Chu 2006)"),
        CalibrationPrior("HALF_MODERATOR", .human, 48, "h; withdrawal from short-acting opioids lasts about a week [unverified]"),
    ]
}
