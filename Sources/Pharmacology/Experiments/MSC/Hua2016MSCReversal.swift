import Foundation

extension Experiment {
    /// Hua 2016 (see `hua2016MSCPrevention`), reversal arm: after about 2 weeks of daily morphine
    /// had made rats tolerant and hyperalgesic, one MSC transplant, IV or IT, reversed tolerance
    /// within about 2 days, and the reversal lasted to the end of the study (research/hua2016.md
    /// §3, secondary sources). Design as the prevention arm; cells given 2 h before the day-15
    /// dose (day 14 after the first dose) [unverified: the exact day was not read]. "Reversed" is
    /// read as the share of the lost effect that is back [unverified criterion; size not read].
    /// The IV arm's 2-day reversal is a calibration target; lasting reversal, the IT arm and OIH
    /// are validation.
    static let hua2016MSCReversal = Experiment(
        name: "hua2016-msc-reversal",
        description: "rat morphine 10 mg/kg s.c. daily 28 days, MSCs IV or IT after 2 weeks: tolerance and OIH reversed within 2 days, to the end",
        citation: "Hua Z et al., Sci Rep 2016;6:32096"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let days = 28, last = days - 1
        let dose = DoseAmount(10, .mgPerKg)
        let cellDay = 14  // the cells come before the dose of day index 14 (the 15th dose)
        let cellTime = Double(cellDay) * 24 - 2
        func arm(_ cells: Double, _ route: CellTransplant.Route) throws(PharmacologyError) -> MechanismSupport.Daily {
            try MechanismSupport.daily(model, amount: dose, route: .sc, days: days,
                                       extra: [.msc(CellTransplant(cells: cells, route: route, atHours: cellTime))])
        }
        let vehicle = try MechanismSupport.daily(model, amount: dose, route: .sc, days: days)
        let iv = try arm(MSCSupport.huaRatIVCells, .iv)
        let it = try arm(MSCSupport.huaRatITCells, .it)
        let before = cellDay - 1  // the last reading before the cells
        func restored(_ run: MechanismSupport.Daily, at day: Int) -> Double {
            MSCSupport.restoredFraction(run.afterDose, lostAt: before, at: day)
        }
        let targets = [
            ExperimentTarget(id: "tolerant-before-cells", kind: .validation,
                             description: "share of the day-1 effect left on day 14, before the cells (tolerance established: below two thirds)",
                             observed: 0.35, model: vehicle.afterDose[before] / vehicle.afterDose[0], tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "iv-reverses-within-2-days", kind: .calibration,
                             description: "share of the lost effect back 2 days after IV cells (reversed within about 2 days)",
                             observed: 0.8, model: restored(iv, at: cellDay + 2), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "iv-reversal-lasts", kind: .validation,
                             description: "the same on day 28 (reversal lasting to the end)",
                             observed: 0.8, model: restored(iv, at: last), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "it-reverses-within-2-days", kind: .validation,
                             description: "share of the lost effect back 2 days after IT cells",
                             observed: 0.8, model: restored(it, at: cellDay + 2), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "iv-reverses-oih", kind: .validation,
                             description: "von Frey threshold lost before the day-28 dose with IV cells after 2 weeks, relative to without (reversed: below half)",
                             observed: 0.2, model: iv.hyperalgesia[last] / max(vehicle.hyperalgesia[last], 1e-12), tolerance: 0.3, unit: "fraction"),
        ]
        let axis = MechanismSupport.dayAxis(days)
        let panels = [
            ExperimentPanel(title: "MSCs on day 14 (Hua 2016 reversal design)", xLabel: "day", yLabel: "%MPE 30 min after the dose",
                            curves: [ExperimentSupport.curve("morphine", axis, vehicle.afterDose),
                                     ExperimentSupport.curve("MSC IV day 14", axis, iv.afterDose, dashed: true),
                                     ExperimentSupport.curve("MSC IT day 14", axis, it.afterDose, dashed: true)]),
            ExperimentPanel(title: "Hyperalgesia before each dose", xLabel: "day", yLabel: "von Frey threshold lost (fraction)",
                            curves: [ExperimentSupport.curve("morphine", axis, vehicle.hyperalgesia),
                                     ExperimentSupport.curve("MSC IV day 14", axis, iv.hyperalgesia, dashed: true),
                                     ExperimentSupport.curve("MSC IT day 14", axis, it.hyperalgesia, dashed: true)]),
        ]
        return ExperimentResult(name: "hua2016-msc-reversal", targets: targets, panels: panels)
    }
}
