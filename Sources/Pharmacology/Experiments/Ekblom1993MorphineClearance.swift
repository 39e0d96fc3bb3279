import Foundation

extension Experiment {
    /// Ekblom M, Hammarlund-Udenaes M, Paalzow L. "Modeling of tolerance development and rebound
    /// effect during different intravenous administrations of morphine to rats." *JPET*
    /// 1993;266:244–252 (science.md §3.1). Rats: IV bolus 35 µmol/kg, or constant infusion of
    /// 4.2 µmol/h for 4 days. CL 148 ± 58 ml/min/kg after the bolus, 108 ± 32 during infusion.
    /// Morphine base 285.34 g/mol.
    static let ekblom1993MorphineClearance = Experiment(
        name: "ekblom1993-morphine-clearance",
        description: "rat morphine 35 umol/kg IV bolus and 4.2 umol/h IV infusion for 4 days: clearance",
        citation: "Ekblom M et al., JPET 1993;266:244-252"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let weight = Species.rat.defaultWeightKilograms
        let milligramsPerMicromole = 285.34e-3
        let bolus = DoseAmount(35 * milligramsPerMicromole, .mgPerKg)
        let times = gridHours(from: 0, to: 12, step: 1.0 / 60)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(bolus, route: .iv, atHours: 0)]), times: times)
        let summary = try ExperimentSupport.summary(times, iv, terminal: 1...8, what: "rat IV morphine")
        let doseMicrograms = bolus.milligrams(forWeightKilograms: weight) * 1000
        let bolusClearance = doseMicrograms / summary.aucToInfinity * 1000 / 60 / weight  // ml/min/kg
        let rate = DoseRate(4.2 * milligramsPerMicromole, .mgPerHour)
        let infusionTimes = gridHours(from: 0, to: 96 + 24, step: 0.25)
        let infusion = try ExperimentSupport.plasma(
            model, DosingDesign([.infusion(rate, route: .iv, fromHours: 0, toHours: 96)]), times: infusionTimes)
        let plateau = infusion[infusionTimes.firstIndex { $0 >= 95 }!]
        let infusionClearance = rate.milligramsPerHour(forWeightKilograms: weight) * 1000 / plateau * 1000 / 60 / weight
        let targets = [
            ExperimentTarget(id: "bolus-clearance", kind: .calibration, description: "clearance after the IV bolus (mean ± SD)",
                             observed: 148, model: bolusClearance, tolerance: 58, unit: "ml/min/kg"),
            ExperimentTarget(id: "infusion-clearance", kind: .calibration, description: "clearance during the 4-day infusion, rate / Css (mean ± SD)",
                             observed: 108, model: infusionClearance, tolerance: 32, unit: "ml/min/kg"),
        ]
        let panels = [
            ExperimentPanel(title: "Rat morphine, 4.2 umol/h IV for 4 days", xLabel: "time (h)", yLabel: "plasma morphine (ng/mL)",
                            curves: [ExperimentSupport.curve("infusion", infusionTimes, infusion)]),
        ]
        return ExperimentResult(name: "ekblom1993-morphine-clearance", targets: targets, panels: panels)
    }

    /// Iwamoto K, Klaassen CD. "First-pass effect of morphine in rats." *JPET* 1977;200:236–244
    /// (authors [unverified]; pk-more.md §2.1): 5 mg/kg IV and oral; oral F ≈ 18 %, t½ ≈ 115 min.
    static let iwamoto1977MorphineOral = Experiment(
        name: "iwamoto1977-morphine-oral",
        description: "rat morphine 5 mg/kg IV and oral: half-life and oral bioavailability",
        citation: "Iwamoto K, Klaassen CD, JPET 1977;200:236-244"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let dose = DoseAmount(5, .mgPerKg)
        let times = gridHours(from: 0, to: 24, step: 1.0 / 30)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .iv, atHours: 0)]), times: times)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .oral, atHours: 0)]), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 1...8, what: "rat IV morphine")
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 3...12, what: "rat oral morphine")
        let targets = [
            ExperimentTarget(id: "half-life", kind: .calibration, description: "half-life after 5 mg/kg (about 115 min; ±30 %)",
                             observed: 115, model: ivSummary.halfLife * 60, tolerance: ExperimentSupport.betweenStudy(115), unit: "min"),
            ExperimentTarget(id: "oral-bioavailability", kind: .calibration, description: "oral bioavailability, AUC oral / AUC IV (about 18 %)",
                             observed: 0.18, model: oralSummary.aucToInfinity / ivSummary.aucToInfinity, tolerance: 0.05, unit: "fraction"),
        ]
        let panel = ExperimentPanel(title: "Rat morphine 5 mg/kg", xLabel: "time (h)", yLabel: "plasma morphine (ng/mL)", logY: true,
                                    curves: [ExperimentSupport.curve("IV", times, iv), ExperimentSupport.curve("oral", times, oral, dashed: true)])
        return ExperimentResult(name: "iwamoto1977-morphine-oral", targets: targets, panels: [panel])
    }
}
