import Foundation

extension Experiment {
    /// Ouellet DM, Pollack GM. *J Pharmacokinet Biopharm* 1995;23:531–549 (science.md §3.2):
    /// 12-h IV morphine infusions of 1.4–3.0 mg/kg/h in rats, tail flick in 50 °C water. The effect
    /// peaked at about 120 min and fell while concentrations stayed steady; about 24 % MPR remained
    /// at the end whatever the concentration; after 2.0 mg/kg/h for 12 h, recovery was nearly
    /// complete at 18.5 days. Recovery is read as the tolerance left (the EC50 shift) relative to
    /// its value at the end of the infusion.
    static let ouellet1995InfusionTolerance = Experiment(
        name: "ouellet1995-infusion-tolerance",
        description: "rat morphine 12-h IV infusions 1.4-3.0 mg/kg/h: peak at 2 h, 24% MPR left at the end, recovery by 18.5 days",
        citation: "Ouellet DM, Pollack GM, J Pharmacokinet Biopharm 1995;23:531-549"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let times = gridHours(from: 0, to: 12, step: 1.0 / 30)
        var curves: [ExperimentPanel.Curve] = []
        var targets: [ExperimentTarget] = []
        for rate in [1.4, 2.0, 3.0] {
            let design = DosingDesign([.infusion(DoseRate(rate, .mgPerKgPerHour), route: .iv, fromHours: 0, toHours: 12)])
            let mpe = try PKSimulation.run(model, design: design, outputTimes: times).readout(.mpe)!
            let peakIndex = mpe.indices.max { mpe[$0] < mpe[$1] }!
            let label = rate.formatted()
            if rate == 2.0 {
                targets.append(ExperimentTarget(id: "peak-time", kind: .calibration, description: "time of the peak effect during 2.0 mg/kg/h (about 120 min)",
                                                observed: 2, model: times[peakIndex], tolerance: 0.5, unit: "h"))
            }
            targets.append(ExperimentTarget(id: "left-at-end-\(label)", kind: .calibration,
                                            description: "%MPR at the end of 12 h of \(label) mg/kg/h (about 24 whatever the concentration)",
                                            observed: 24, model: mpe.last!, tolerance: 8, unit: "%MPR"))
            curves.append(ExperimentSupport.curve("\(label) mg/kg/h", times, mpe, dashed: rate != 2.0))
        }
        let recoveryTimes = gridHours(from: 0, to: 12 + 24 * 20, step: 1)
        let recovery = try PKSimulation.run(
            model, design: DosingDesign([.infusion(DoseRate(2.0, .mgPerKgPerHour), route: .iv, fromHours: 0, toHours: 12)]), outputTimes: recoveryTimes)
        let shift = recovery.readout(.tolerance)!.map { $0 - 1 }
        let atEnd = shift[recoveryTimes.firstIndex(of: 12)!]
        let at18 = shift[recoveryTimes.firstIndex { $0 >= 12 + 24 * 18.5 }!]
        targets.append(ExperimentTarget(id: "recovered-by-18.5-days", kind: .calibration,
                                        description: "tolerance left 18.5 days after 2.0 mg/kg/h for 12 h, relative to its end-of-infusion value (nearly complete recovery)",
                                        observed: 0.05, model: at18 / atEnd, tolerance: 0.05, unit: "fraction"))
        let panels = [
            ExperimentPanel(title: "Rat 12-h morphine infusions (Ouellet 1995)", xLabel: "time (h)", yLabel: "tail flick (%MPR)", curves: curves,
                            observations: [ExperimentPanel.Observations(name: "left at 12 h", x: [12], y: [24], lower: [16], upper: [32])]),
            ExperimentPanel(title: "Recovery after 2.0 mg/kg/h for 12 h", xLabel: "time (days)", yLabel: "tolerance (EC50 fold - 1)",
                            curves: [ExperimentSupport.curve("model", recoveryTimes.map { $0 / 24 }, shift)]),
        ]
        return ExperimentResult(name: "ouellet1995-infusion-tolerance", targets: targets, panels: panels)
    }
}
