import Foundation

extension Experiment {
    /// Raghavendra V, Tanga FY, DeLeo JA. *Neuropsychopharmacology* 2004;29:327–334 (science.md
    /// §3.5): repeated s.c. morphine activated spinal glia and raised pro-inflammatory cytokines,
    /// which tracked the time course of tolerance and hyperalgesia; propentofylline attenuated all
    /// of them. Design: morphine 10 mg/kg s.c. daily for 7 days [unverified: dose and schedule not
    /// read], propentofylline as a glial inhibitor at level 0.5 [unverified]. No parameter was
    /// chosen from this study: every target is validation.
    static let raghavendra2004GliaTolerance = Experiment(
        name: "raghavendra2004-glia-tolerance",
        description: "rat morphine s.c. daily 7 days with or without propentofylline: glia and cytokines track tolerance and hyperalgesia",
        citation: "Raghavendra V et al., Neuropsychopharmacology 2004;29:327-334"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let days = 8
        let dose = DoseAmount(10, .mgPerKg)
        let morphine = try MechanismSupport.daily(model, amount: dose, route: .sc, days: days)
        let ppf = try MechanismSupport.daily(model, amount: dose, route: .sc, days: days,
                                             extra: [.treatment(.propentofylline, level: 0.5, fromHours: -24, toHours: Double(days) * 24)])
        let targets = [
            ExperimentTarget(id: "glia-track-tolerance", kind: .validation,
                             description: "correlation over days of glial activation with tolerance (EC50 fold), morphine group",
                             observed: 1, model: MechanismSupport.correlation(morphine.glia, morphine.tolerance), tolerance: 0.1, unit: "r"),
            ExperimentTarget(id: "cytokines-track-hyperalgesia", kind: .validation,
                             description: "correlation over days of cytokines with hyperalgesia, morphine group",
                             observed: 1, model: MechanismSupport.correlation(morphine.cytokines, morphine.hyperalgesia), tolerance: 0.1, unit: "r"),
            ExperimentTarget(id: "propentofylline-attenuates-glia", kind: .validation,
                             description: "glial activation on day 8 with propentofylline relative to without (attenuated)",
                             observed: 0.5, model: ppf.glia[7] / max(morphine.glia[7], 1e-12), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "propentofylline-attenuates-tolerance", kind: .validation,
                             description: "tolerance (EC50 fold - 1) on day 8 with propentofylline relative to without (attenuated)",
                             observed: 0.6, model: (ppf.tolerance[7] - 1) / max(morphine.tolerance[7] - 1, 1e-12), tolerance: 0.3, unit: "fraction"),
        ]
        let axis = MechanismSupport.dayAxis(days)
        let panels = [
            ExperimentPanel(title: "Glia, cytokines and tolerance (Raghavendra 2004 design)", xLabel: "day", yLabel: "fraction of maximal / EC50 fold - 1",
                            curves: [ExperimentSupport.curve("glia", axis, morphine.glia), ExperimentSupport.curve("cytokines", axis, morphine.cytokines),
                                     ExperimentSupport.curve("tolerance", axis, morphine.tolerance.map { $0 - 1 }),
                                     ExperimentSupport.curve("glia + propentofylline", axis, ppf.glia, dashed: true)]),
        ]
        return ExperimentResult(name: "raghavendra2004-glia-tolerance", targets: targets, panels: panels)
    }
}
