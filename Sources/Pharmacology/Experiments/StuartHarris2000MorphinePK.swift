import Foundation

extension Experiment {
    /// Stuart-Harris R, Joel SP, McDonald P, Currow D, Slevin ML. "The pharmacokinetics of
    /// morphine and morphine glucuronide metabolites after subcutaneous bolus injection and
    /// subcutaneous infusion of morphine." *Br J Clin Pharmacol* 2000;49:207–214 (author list
    /// [unverified]; science.md §4). 10 mg/70 kg IV and s.c. in healthy volunteers: t½ 2.2 ± 1.0 h,
    /// CL 1584 ± 408 ml/min, Vd 276 ± 72 l, s.c. tmax 0.25 h. Validation: CL 82–89 l/h and t½
    /// 2.5–2.6 h in another healthy-volunteer study (Br J Clin Pharmacol, ondansetron interaction,
    /// PMC2014461).
    static let stuartHarris2000MorphinePK = Experiment(
        name: "stuartharris2000-morphine-pk",
        description: "human morphine 10 mg/70 kg IV and s.c.: half-life, clearance, volume, s.c. tmax",
        citation: "Stuart-Harris R et al., Br J Clin Pharmacol 2000;49:207-214"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .human)
        let dose = DoseAmount(10.0 / 70.0, .mgPerKg)
        let times = gridHours(from: 0, to: 24, step: 1.0 / 12)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let sc = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .sc, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 2...12, what: "IV morphine")
        let scSummary = try ExperimentSupport.summary(times, sc, terminal: 2...12, what: "s.c. morphine")
        // ng/mL·h = µg/L·h; CL (L/h) = dose (µg) / AUC (µg·h/L).
        let clearanceLitresPerHour = 10_000 / ivSummary.aucToInfinity
        let targets = [
            ExperimentTarget(id: "iv-half-life", kind: .calibration, description: "IV elimination half-life (mean ± SD)",
                             observed: 2.2, model: ivSummary.halfLife, tolerance: 1.0, unit: "h"),
            ExperimentTarget(id: "iv-clearance", kind: .calibration, description: "IV clearance (mean ± SD)",
                             observed: 1584, model: clearanceLitresPerHour * 1000 / 60, tolerance: 408, unit: "ml/min"),
            ExperimentTarget(id: "iv-volume", kind: .calibration, description: "volume of distribution, CL / λz (mean ± SD)",
                             observed: 276, model: clearanceLitresPerHour / ivSummary.lambdaZ, tolerance: 72, unit: "L"),
            ExperimentTarget(id: "sc-tmax", kind: .calibration,
                             description: "s.c. bolus tmax (tolerance: one early sampling interval, 15 min [unverified])",
                             observed: 0.25, model: scSummary.tmax, tolerance: 0.25, unit: "h"),
            ExperimentTarget(id: "other-study-clearance", kind: .validation,
                             description: "IV clearance in another healthy-volunteer study, 82-89 L/h (PMC2014461)",
                             observed: 85.5, model: clearanceLitresPerHour, tolerance: ExperimentSupport.betweenStudy(85.5), unit: "L/h"),
            ExperimentTarget(id: "other-study-half-life", kind: .validation,
                             description: "IV half-life in the same other study, 2.5-2.6 h (PMC2014461)",
                             observed: 2.55, model: ivSummary.halfLife, tolerance: ExperimentSupport.betweenStudy(2.55), unit: "h"),
        ]
        let panel = ExperimentPanel(
            title: "Morphine 10 mg/70 kg, healthy volunteers", xLabel: "time (h)", yLabel: "plasma morphine (ng/mL)", logY: true,
            curves: [ExperimentSupport.curve("IV bolus", times, iv), ExperimentSupport.curve("s.c. bolus", times, sc, dashed: true)])
        return ExperimentResult(name: "stuartharris2000-morphine-pk", targets: targets, panels: [panel])
    }
}
