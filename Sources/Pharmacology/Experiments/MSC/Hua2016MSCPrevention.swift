import Foundation

extension Experiment {
    /// Hua Z, Liu L, Shen J, … Cheng J. "Mesenchymal stem cells reversed morphine tolerance and
    /// opioid-induced hyperalgesia." *Sci Rep* 2016;6:32096 (Cleveland Clinic; research/hua2016.md):
    /// one MSC transplant, IV or IT, 1 or 7 days before daily morphine prevented tolerance and OIH,
    /// protection lasting up to 34 days; spinal microglia and astrocytes were less activated.
    ///
    /// Design (the Methods could not be read; research/hua2016.md §3, §6): rats, morphine 10 mg/kg
    /// s.c. once daily for 28 days [unverified: dose recalled; "daily s.c. injections over 4 weeks",
    /// secondary source], tail-flick %MPE 30 min after each dose, von Frey before it; cells IV
    /// 10⁶ or IT 2.5×10⁵ per rat [unverified]. "Prevented" is read as at least two thirds of the
    /// first day's effect kept on day 28 [unverified criterion: the study compared against
    /// controls]. The IV arms fixed the MSC mediator and resolution-memory parameters
    /// (calibration): 1 day before, and 7 days before — the "34 days" (7 + 27) of protection. The
    /// intrathecal arms, glia and OIH entered no fit (validation).
    static let hua2016MSCPrevention = Experiment(
        name: "hua2016-msc-prevention",
        description: "rat morphine 10 mg/kg s.c. daily 28 days, MSCs IV or IT 1 or 7 days before: tolerance and OIH prevented",
        citation: "Hua Z et al., Sci Rep 2016;6:32096"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let days = 28, last = days - 1
        let dose = DoseAmount(10, .mgPerKg)
        func arm(_ cells: Double, _ route: CellTransplant.Route, daysBefore: Double) throws(PharmacologyError) -> MechanismSupport.Daily {
            try MechanismSupport.daily(model, amount: dose, route: .sc, days: days,
                                       extra: [.msc(CellTransplant(cells: cells, route: route, atHours: -24 * daysBefore))])
        }
        let vehicle = try MechanismSupport.daily(model, amount: dose, route: .sc, days: days)
        let iv1 = try arm(MSCSupport.huaRatIVCells, .iv, daysBefore: 1)
        let iv7 = try arm(MSCSupport.huaRatIVCells, .iv, daysBefore: 7)
        let it1 = try arm(MSCSupport.huaRatITCells, .it, daysBefore: 1)
        let it7 = try arm(MSCSupport.huaRatITCells, .it, daysBefore: 7)
        func kept(_ run: MechanismSupport.Daily) -> Double { run.afterDose[last] / vehicle.afterDose[0] }
        let targets = [
            ExperimentTarget(id: "vehicle-tolerant", kind: .validation,
                             description: "share of the day-1 effect left on day 28 without cells (tolerant: well below half)",
                             observed: 0.15, model: kept(vehicle), tolerance: 0.25, unit: "fraction"),
            ExperimentTarget(id: "iv-day-minus-1-prevents", kind: .calibration,
                             description: "the same with IV cells 1 day before morphine (prevented: about all of it kept)",
                             observed: 1, model: kept(iv1), tolerance: 0.33, unit: "fraction"),
            ExperimentTarget(id: "iv-day-minus-7-prevents", kind: .calibration,
                             description: "the same with IV cells 7 days before (protection 34 days after one transplant)",
                             observed: 1, model: kept(iv7), tolerance: 0.33, unit: "fraction"),
            ExperimentTarget(id: "it-day-minus-1-prevents", kind: .validation,
                             description: "the same with IT cells 1 day before",
                             observed: 1, model: kept(it1), tolerance: 0.33, unit: "fraction"),
            ExperimentTarget(id: "it-day-minus-7-prevents", kind: .validation,
                             description: "the same with IT cells 7 days before",
                             observed: 1, model: kept(it7), tolerance: 0.33, unit: "fraction"),
            ExperimentTarget(id: "iv-prevents-oih", kind: .validation,
                             description: "von Frey threshold lost before the day-28 dose with IV cells, relative to without (OIH prevented: below half)",
                             observed: 0.2, model: iv1.hyperalgesia[last] / max(vehicle.hyperalgesia[last], 1e-12), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "it-prevents-oih", kind: .validation,
                             description: "the same with IT cells 1 day before (OIH prevented: below half)",
                             observed: 0.2, model: it1.hyperalgesia[last] / max(vehicle.hyperalgesia[last], 1e-12), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "iv-reduces-glia", kind: .validation,
                             description: "spinal glial activation before the day-28 dose with IV cells, relative to without (reduced: below half)",
                             observed: 0.25, model: iv1.glia[last] / max(vehicle.glia[last], 1e-12), tolerance: 0.25, unit: "fraction"),
        ]
        let axis = MechanismSupport.dayAxis(days)
        let panels = [
            ExperimentPanel(title: "Rat morphine 10 mg/kg s.c. daily, MSCs before (Hua 2016)", xLabel: "day", yLabel: "%MPE 30 min after the dose",
                            curves: [ExperimentSupport.curve("morphine", axis, vehicle.afterDose),
                                     ExperimentSupport.curve("MSC IV day -1", axis, iv1.afterDose, dashed: true),
                                     ExperimentSupport.curve("MSC IV day -7", axis, iv7.afterDose, dashed: true),
                                     ExperimentSupport.curve("MSC IT day -1", axis, it1.afterDose, dashed: true),
                                     ExperimentSupport.curve("MSC IT day -7", axis, it7.afterDose, dashed: true)]),
            ExperimentPanel(title: "Hyperalgesia before each dose", xLabel: "day", yLabel: "von Frey threshold lost (fraction)",
                            curves: [ExperimentSupport.curve("morphine", axis, vehicle.hyperalgesia),
                                     ExperimentSupport.curve("MSC IV day -1", axis, iv1.hyperalgesia, dashed: true),
                                     ExperimentSupport.curve("MSC IT day -1", axis, it1.hyperalgesia, dashed: true)]),
        ]
        return ExperimentResult(name: "hua2016-msc-prevention", targets: targets, panels: panels)
    }
}
