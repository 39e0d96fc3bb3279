/// What an experimenter or a clinician measures, derived from a simulated time course.
///
/// Rodent nociception: tail-flick latency and %MPE, von Frey threshold. Humans: pain NRS and
/// daily MME. All from the model's `analgesia` (fraction of maximal effect, sigmoid Emax on the
/// effect-site concentration) and the species' baselines and cut-offs (`Species`).
public enum Readout: String, Sendable, CaseIterable, Codable {
    /// Plasma concentration, ng/mL (the model's `Cp` in mg/L × 1000).
    case plasmaConcentration = "cp"
    /// Effect-site concentration, ng/mL.
    case effectSiteConcentration = "ce"
    /// Tail-flick latency, s: baseline + (cut-off − baseline) × analgesia, never above the cut-off.
    case tailFlick = "tail_flick"
    /// Maximal possible effect, %: 100 × (latency − baseline) / (cut-off − baseline).
    case mpe
    /// 50% paw-withdrawal threshold (von Frey), g: baseline raised toward the stiffest filament by
    /// analgesia.
    case vonFrey = "von_frey"
    /// Pain intensity, numeric rating scale 0–10: baseline × (1 − analgesia).
    case pain
    /// Oral morphine milligram equivalents given over the preceding 24 h (CDC 2022 factors).
    case dailyMME = "mme"

    /// Unit and meaning, for listings and column headers.
    public var unit: String {
        switch self {
        case .plasmaConcentration, .effectSiteConcentration: "ng/mL"
        case .tailFlick: "s"
        case .mpe: "%"
        case .vonFrey: "g"
        case .pain: "NRS 0-10"
        case .dailyMME: "MME/day"
        }
    }

    /// Whether the readout is measured in `species`.
    public func applies(to species: Species) -> Bool {
        switch self {
        case .plasmaConcentration, .effectSiteConcentration: true
        case .tailFlick, .mpe, .vonFrey: species != .human
        case .pain, .dailyMME: species == .human
        }
    }

    /// The readout's value from the model's analgesia fraction (and concentrations, mg/L) in
    /// `species`; `nil` where it does not apply or needs the design (`dailyMME`).
    public func value(analgesia: Double, plasmaMilligramsPerLitre: Double, effectSiteMilligramsPerLitre: Double,
                      species: Species) -> Double? {
        let effect = min(1, max(0, analgesia))
        switch self {
        case .plasmaConcentration: return plasmaMilligramsPerLitre * 1000
        case .effectSiteConcentration: return effectSiteMilligramsPerLitre * 1000
        case .tailFlick:
            guard let base = species.tailFlickBaselineSeconds, let cutoff = species.tailFlickCutoffSeconds else { return nil }
            return min(cutoff, base + (cutoff - base) * effect)
        case .mpe:
            guard let base = species.tailFlickBaselineSeconds, let cutoff = species.tailFlickCutoffSeconds,
                  let latency = Readout.tailFlick.value(analgesia: effect, plasmaMilligramsPerLitre: 0, effectSiteMilligramsPerLitre: 0, species: species)
            else { return nil }
            return 100 * (latency - base) / (cutoff - base)
        case .vonFrey:
            guard let base = species.vonFreyBaselineGrams, let cutoff = species.vonFreyCutoffGrams else { return nil }
            return min(cutoff, base + (cutoff - base) * effect)
        case .pain:
            guard let base = species.painBaselineNRS else { return nil }
            return base * (1 - effect)
        case .dailyMME:
            return nil
        }
    }
}

extension Trajectory {
    /// `readout` at each output time; `dailyMME` needs the design: pass `design` and `opioid`.
    public func readout(_ readout: Readout, design: DosingDesign? = nil, opioid: Opioid? = nil) -> [Double]? {
        guard readout.applies(to: species) else { return nil }
        if readout == .dailyMME {
            guard let design, let opioid, MorphineEquivalence.convertible(design, opioid: opioid) else { return nil }
            return times.map { MorphineEquivalence.dailyMME(of: design, opioid: opioid, weightKilograms: weightKilograms, at: $0) }
        }
        guard let analgesia = column("analgesia"), let cp = column("Cp"), let ce = column("Ce") else { return nil }
        return times.indices.map {
            readout.value(analgesia: analgesia[$0], plasmaMilligramsPerLitre: cp[$0], effectSiteMilligramsPerLitre: ce[$0], species: species)!
        }
    }
}
