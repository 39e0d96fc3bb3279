import Foundation

extension Experiment {
    /// Lintz W, Barth H, Osterloh G, Schmidt-Böthelt E. "Bioavailability of enteral tramadol
    /// formulations." *Arzneimittelforschung* 1998;48:436–445 (authors [unverified];
    /// pk-more.md §1.4): 100 mg oral drops vs IV; Cmax 308 ± 89 ng/mL at 1.20 ± 0.39 h, t½
    /// 5.5 ± 0.9 h oral, F 66.3 %.
    static let lintz1998TramadolPK = Experiment(
        name: "lintz1998-tramadol-pk",
        description: "human tramadol 100 mg oral drops and IV: Cmax, tmax, half-life, bioavailability",
        citation: "Lintz W et al., Arzneimittelforschung 1998;48:436-445"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.tramadol, .human)
        let dose = DoseAmount(100, .mg)
        let times = gridHours(from: 0, to: 48, step: 1.0 / 12)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .oral, atHours: 0)], weightKilograms: 70), times: times)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 8...36, what: "oral tramadol")
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 8...36, what: "IV tramadol")
        let targets = [
            ExperimentTarget(id: "bioavailability", kind: .calibration, description: "oral bioavailability (95% CI 58.1-75.6 %)",
                             observed: 0.663, model: oralSummary.aucToInfinity / ivSummary.aucToInfinity, tolerance: 0.09, unit: "fraction"),
            ExperimentTarget(id: "cmax", kind: .validation, description: "Cmax after 100 mg drops (mean ± SD)",
                             observed: 308, model: oralSummary.cmax, tolerance: 89, unit: "ng/mL"),
            ExperimentTarget(id: "tmax", kind: .calibration, description: "tmax after 100 mg drops (mean ± SD); sets the absorption rate",
                             observed: 1.20, model: oralSummary.tmax, tolerance: 0.39, unit: "h"),
            ExperimentTarget(id: "oral-half-life", kind: .validation, description: "half-life after the oral dose (mean ± SD)",
                             observed: 5.5, model: oralSummary.halfLife, tolerance: 0.9, unit: "h"),
        ]
        let panel = ExperimentPanel(
            title: "Tramadol 100 mg", xLabel: "time (h)", yLabel: "plasma tramadol (ng/mL)",
            curves: [ExperimentSupport.curve("oral drops", times, oral), ExperimentSupport.curve("IV", times, iv, dashed: true)],
            observations: [ExperimentPanel.Observations(name: "Cmax (Lintz 1998)", x: [1.20], y: [308], lower: [219], upper: [397])])
        return ExperimentResult(name: "lintz1998-tramadol-pk", targets: targets, panels: [panel])
    }
}
