import Foundation

/// What an experimenter or a clinician measures, derived from a simulated time course.
///
/// Rodent nociception: tail-flick latency and %MPE, von Frey threshold. Humans: pain NRS, COWS and
/// daily MME. All from the model's `analgesia` (fraction of maximal effect: sigmoid Emax on the
/// effect-site concentration, potency reduced by tolerance), its `hyperalgesia` (fraction of the
/// baseline threshold lost: OIH and rebound) and the species' baselines and cut-offs (`Species`).
/// PK-only models have no hyperalgesia (taken as 0) and no mechanistic readouts.
public enum Readout: String, Sendable, CaseIterable, Codable {
    /// Plasma concentration, ng/mL (the model's `Cp` in mg/L × 1000).
    case plasmaConcentration = "cp"
    /// Effect-site concentration, ng/mL.
    case effectSiteConcentration = "ce"
    /// Plasma and effect-site concentrations of a subject's second opioid
    /// (`DosingDesign.coadministration`), ng/mL: the model's `<drug>_Cp` and `<drug>_Ce`.
    case secondPlasmaConcentration = "cp2"
    case secondEffectSiteConcentration = "ce2"
    /// Tail-flick latency, s: the baseline lowered by hyperalgesia, raised toward the cut-off by
    /// analgesia: b·(1 − H) + (cut-off − b·(1 − H))·A; never above the cut-off.
    case tailFlick = "tail_flick"
    /// Maximal possible effect against the drug-free baseline, %: 100 × (latency − b) / (cut-off − b);
    /// negative when hyperalgesic.
    case mpe
    /// 50% paw-withdrawal threshold (von Frey), g: the same form as the tail flick, between the
    /// naive threshold and the stiffest filament.
    case vonFrey = "von_frey"
    /// Pain intensity, numeric rating scale 0–10: baseline × (1 + H) × (1 − A), at most 10.
    case pain
    /// Cold pressor pain tolerance (humans), as a multiple of a drug-free, unsensitised subject's:
    /// the reciprocal of the pain sensitivity that `pain` scales, 1 / ((1 + H)(1 − A)), at most the
    /// test's cut-off (`Species.coldPressorCutoffFold`) [unverified: that tolerance time scales
    /// inversely with pain sensitivity is an assumption]. The reading of the cold pain experiments
    /// (Chu 2006, Compton 2001 and 2022, Athanasos 2006, Younger 2008, Mauermann 2016).
    case coldPressor = "cold_pressor"
    /// Oral morphine milligram equivalents given over the preceding 24 h (CDC 2022 factors).
    case dailyMME = "mme"
    /// Tolerance as the fold increase of the opioid's EC50 (1 = none).
    case tolerance
    /// Opioid-induced hyperalgesia: fraction of the baseline threshold lost (0–0.9).
    case oih
    /// Spinal microglial activation, fraction of maximal (0–1).
    case glia
    /// Spinal astrocyte activation, fraction of maximal (0–1): follows microglia, persists weeks.
    case astrocytes
    /// Pro-inflammatory cytokine pool (IL-1β/TNF), fraction of maximal (0–1).
    case cytokines
    /// Withdrawal syndrome (≥ 0, in natural-log units of the receptor signal ln(1 + Ce/EC50)):
    /// the counter-adaptation not matched by receptor activation, escalating while it stays
    /// unopposed (its first signs a fraction of the sustained syndrome); about 0.74 at the peak
    /// after a month of morphine 30 mg s.c. every 6 h.
    case withdrawal
    /// Clinical Opiate Withdrawal Scale, 0–48 (humans): the withdrawal syndrome on the scale.
    case cows
    /// Viable transplanted MSCs (lung and intrathecal), cells.
    case mscCells = "msc_cells"
    /// Naloxone at the receptors: its concentration over its K_i, which is the fold shift of the
    /// opioid's EC50 it causes (1 doubles it); the model's `naloxone_level`.
    case naloxone

    /// Unit and meaning, for listings and column headers.
    public var unit: String {
        switch self {
        case .plasmaConcentration, .effectSiteConcentration, .secondPlasmaConcentration, .secondEffectSiteConcentration: "ng/mL"
        case .tailFlick: "s"
        case .mpe: "%"
        case .vonFrey: "g"
        case .pain: "NRS 0-10"
        case .coldPressor: "fold"
        case .dailyMME: "MME/day"
        case .tolerance: "fold EC50"
        case .oih, .glia, .astrocytes, .cytokines: "fraction"
        case .withdrawal: "ln units"
        case .cows: "COWS 0-48"
        case .mscCells: "cells"
        case .naloxone: "fold Ki"
        }
    }

    /// What the readout means, in one line (for `wean scenario --list-readouts`).
    public var meaning: String {
        switch self {
        case .plasmaConcentration: "plasma concentration of the opioid"
        case .effectSiteConcentration: "effect-site (biophase) concentration of the opioid"
        case .secondPlasmaConcentration: "plasma concentration of the second opioid (a dose with opioid=NAME)"
        case .secondEffectSiteConcentration: "effect-site concentration of the second opioid"
        case .tailFlick: "tail-flick (tail-withdrawal) latency, between the baseline and the cut-off"
        case .mpe: "antinociception as % of the maximal possible effect against the drug-free baseline (negative: hyperalgesia)"
        case .vonFrey: "50% paw-withdrawal threshold to von Frey filaments (mechanical sensitivity; falls with allodynia)"
        case .pain: "pain intensity on the 0-10 numeric rating scale"
        case .coldPressor: "cold pressor pain tolerance over a drug-free subject's: 1 / pain sensitivity, at most the test's cut-off (\(String(format: "%g", Species.human.coldPressorCutoffFold ?? .infinity))-fold)"
        case .dailyMME: "oral morphine milligram equivalents given over the preceding 24 h (CDC 2022)"
        case .tolerance: "tolerance: fold increase of the opioid's EC50 (1 = none)"
        case .oih: "opioid-induced hyperalgesia (or nerve-injury allodynia): fraction of the pain threshold lost"
        case .glia: "spinal microglial activation, fraction of maximal"
        case .astrocytes: "spinal astrocyte activation, fraction of maximal"
        case .cytokines: "pro-inflammatory cytokine pool (IL-1beta/TNF), fraction of maximal"
        case .withdrawal: "withdrawal syndrome: counter-adaptation (to ln(1 + Ce/EC50)) not matched by receptor activation, escalating while unopposed"
        case .cows: "Clinical Opiate Withdrawal Scale total"
        case .mscCells: "viable transplanted mesenchymal stem cells (lung and intrathecal)"
        case .naloxone: "naloxone at the receptors: concentration over its Ki, the fold shift of the opioid's EC50"
        }
    }

    /// The model output the readout is computed from (`nil` for daily MME, which reads the design,
    /// and for the second opioid's concentrations, named after the drug the design gives).
    public var modelOutput: String? {
        switch self {
        case .plasmaConcentration: "Cp"
        case .effectSiteConcentration: "Ce"
        case .tailFlick, .mpe, .vonFrey, .pain, .coldPressor: "analgesia"
        case .dailyMME, .secondPlasmaConcentration, .secondEffectSiteConcentration: nil
        case .tolerance: "tolerance"
        case .oih: "hyperalgesia"
        case .cows, .withdrawal: "withdrawal"
        case .glia, .astrocytes, .cytokines, .mscCells: rawValue
        case .naloxone: "naloxone_level"
        }
    }

    /// Whether the readout is measured in `species`.
    public func applies(to species: Species) -> Bool {
        switch self {
        case .plasmaConcentration, .effectSiteConcentration, .secondPlasmaConcentration, .secondEffectSiteConcentration,
             .tolerance, .oih, .glia, .astrocytes, .cytokines, .withdrawal, .mscCells, .naloxone: true
        case .tailFlick, .mpe, .vonFrey: species != .human
        case .pain, .coldPressor, .dailyMME, .cows: species == .human
        }
    }

    /// The readout from the model's state of effect (`analgesia` A, `hyperalgesia` H, both
    /// fractions) in `species`; `nil` where it does not apply or is not an effect readout.
    public func value(analgesia: Double, hyperalgesia: Double = 0, species: Species) -> Double? {
        let a = min(1, max(0, analgesia))
        let h = min(0.9, max(0, hyperalgesia))
        func scaled(_ base: Double?, _ cutoff: Double?) -> Double? {
            guard let base, let cutoff else { return nil }
            let lowered = base * (1 - h)
            return min(cutoff, lowered + (cutoff - lowered) * a)
        }
        switch self {
        case .tailFlick:
            return scaled(species.tailFlickBaselineSeconds, species.tailFlickCutoffSeconds)
        case .mpe:
            guard let base = species.tailFlickBaselineSeconds, let cutoff = species.tailFlickCutoffSeconds,
                  let latency = scaled(base, cutoff) else { return nil }
            return 100 * (latency - base) / (cutoff - base)
        case .vonFrey:
            return scaled(species.vonFreyBaselineGrams, species.vonFreyCutoffGrams)
        case .pain:
            guard let base = species.painBaselineNRS else { return nil }
            return min(10, base * (1 + h) * (1 - a))
        case .coldPressor:
            guard let cutoff = species.coldPressorCutoffFold else { return nil }
            let sensitivity = (1 + h) * (1 - a)
            return sensitivity > 1 / cutoff ? 1 / sensitivity : cutoff
        default:
            return nil
        }
    }

    /// COWS total for a withdrawal syndrome `w` (≥ 0, in units of the counter-adaptation's
    /// logarithmic signal): 48·(1 − e^(−w)), linear (48·w) for mild syndromes and bounded by the
    /// scale's maximum of 48, which no syndrome reaches [unverified: the slope and the form are
    /// assumptions; the syndrome's time course is calibrated (`kolb1938-morphine-abstinence`),
    /// its size on the scale is not]. Computed as −48·expm1(−w), accurate to a few ulps also for
    /// the faint syndromes between doses, where 1 − e^(−w) would cancel.
    public static func cows(withdrawal w: Double) -> Double { -48 * expm1(-max(0, w)) }

    /// The withdrawal syndrome that scores `cows` (0 ≤ cows < 48): the inverse of
    /// `cows(withdrawal:)`, −ln(1 − cows/48), computed as −log1p(−cows/48).
    public static func withdrawal(cows: Double) -> Double { -log1p(-cows / 48) }
}

extension Trajectory {
    /// `readout` at each output time; `dailyMME` needs the design: pass `design` and `opioid`, and
    /// the second opioid's concentrations the design that gives it. `nil` where the readout does
    /// not apply to the species or the model lacks what it needs.
    public func readout(_ readout: Readout, design: DosingDesign? = nil, opioid: Opioid? = nil) -> [Double]? {
        guard readout.applies(to: species) else { return nil }
        switch readout {
        case .dailyMME:
            guard let design, let opioid, MorphineEquivalence.convertible(design, opioid: opioid) else { return nil }
            return times.map { MorphineEquivalence.dailyMME(of: design, opioid: opioid, weightKilograms: weightKilograms, at: $0) }
        case .plasmaConcentration:
            return column("Cp")?.map { $0 * 1000 }
        case .effectSiteConcentration:
            return column("Ce")?.map { $0 * 1000 }
        case .secondPlasmaConcentration, .secondEffectSiteConcentration:
            guard let second = design?.coadministration?.opioid else { return nil }
            return column(OpioidModel.SecondOpioid.prefix(of: second) + (readout == .secondPlasmaConcentration ? "Cp" : "Ce"))?.map { $0 * 1000 }
        case .tolerance:
            return column("tolerance")?.map { 1 + $0 }
        case .cows:
            return column("withdrawal")?.map { Readout.cows(withdrawal: $0) }
        case .oih:
            return column("hyperalgesia")
        case .naloxone:
            return column("naloxone_level")
        case .glia, .astrocytes, .cytokines, .withdrawal, .mscCells:
            // These readouts are named as the model outputs they read.
            return column(readout.rawValue)
        case .tailFlick, .mpe, .vonFrey, .pain, .coldPressor:
            guard let analgesia = column("analgesia") else { return nil }
            let hyperalgesia = column("hyperalgesia") ?? [Double](repeating: 0, count: analgesia.count)
            return analgesia.indices.map { readout.value(analgesia: analgesia[$0], hyperalgesia: hyperalgesia[$0], species: species)! }
        }
    }
}
