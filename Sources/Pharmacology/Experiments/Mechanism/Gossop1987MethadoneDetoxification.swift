import Foundation

extension Experiment {
    /// Gossop M, Bradley B, Phillips GT. "An investigation of withdrawal symptoms shown by opiate
    /// addicts during and subsequent to a 21-day in-patient methadone detoxification procedure."
    /// *Addict Behav* 1987;12:1–6 (abstract): 116 opiate addicts withdrawn by a gradual oral
    /// methadone reduction over 21 days. Withdrawal symptoms peaked at the end of the methadone
    /// schedule and declined steadily thereafter; not until 40 days after the start of the
    /// reduction had they returned to normal. Low-dose users did not have less severe withdrawal
    /// than high-dose users.
    ///
    /// Design [unverified: the abstract gives neither doses nor the reduction's shape]: the
    /// dependence before admission stands as 30 days of methadone once daily at the starting dose,
    /// then 21 daily doses falling linearly to none (day d of the reduction: (1 − d/21) of the
    /// starting dose). The typical patient starts at 40 mg; the low- and high-dose users at 20 and
    /// 60 mg. Held out: written from the abstract and run once against the model, no parameter
    /// chosen from it. "Returned to normal" is read as below a tenth of the peak [unverified].
    static let gossop1987MethadoneDetoxification = Experiment(
        name: "gossop1987-methadone-detoxification",
        description: "human methadone reduced linearly to none over 21 days after 30 days at 40 mg (20 and 60 mg for low and high doses): the course of withdrawal",
        citation: "Gossop M, Bradley B, Phillips GT, Addict Behav 1987;12:1-6 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let before = 30.0, reductionDays = 21, after = 40.0
        let start = before * 24
        let times = gridHours(from: start - 24, to: start + after * 24, step: 3)
        func course(startingMilligrams dose: Double) throws(PharmacologyError) -> [Double] {
            let administrations = MechanismSupport.methadoneLinearReduction(startingMilligrams: dose, maintenanceHours: start, reductionDays: reductionDays)
            return try PKSimulation.run(model, design: DosingDesign(administrations), outputTimes: times).readout(.cows)!
        }
        let typical = try course(startingMilligrams: 40), low = try course(startingMilligrams: 20), high = try course(startingMilligrams: 60)
        let days = times.map { ($0 - start) / 24 }
        let peak = typical.indices.max { typical[$0] < typical[$1] }!
        let lastDoseDay = Double(reductionDays - 1)
        let normal = typical.indices.first { $0 > peak && typical[$0] < 0.1 * typical[peak] }.map { days[$0] } ?? .infinity
        let targets = [
            ExperimentTarget(id: "peak-at-end-of-schedule", kind: .validation,
                             description: "days from the last methadone dose to the most intense withdrawal (peaked at the end of the schedule: 0, read with +/-3 days)",
                             observed: 0, model: days[peak] - lastDoseDay, tolerance: 3, unit: "d"),
            ExperimentTarget(id: "normal-by-day-40", kind: .validation,
                             description: "days from the start of the reduction until withdrawal is below a tenth of its peak (returned to normal 40 days after the start)",
                             observed: 40, model: normal, tolerance: 7, unit: "d"),
            ExperimentTarget(id: "dose-not-a-major-determinant", kind: .validation,
                             description: "peak withdrawal of high-dose (60 mg) over low-dose (20 mg) users (low-dose users did not have less severe withdrawal: at most 1.5)",
                             observed: 1, model: high.max()! / max(low.max()!, 1e-9), tolerance: 0.5, unit: "ratio"),
        ]
        let panel = ExperimentPanel(title: "Methadone reduced to none over 21 days (the last dose on day 20)", xLabel: "days from the start of the reduction", yLabel: "COWS 0-48",
                                    curves: [ExperimentSupport.curve("from 40 mg", days, typical),
                                             ExperimentSupport.curve("from 20 mg", days, low, dashed: true),
                                             ExperimentSupport.curve("from 60 mg", days, high, dashed: true)])
        return ExperimentResult(name: "gossop1987-methadone-detoxification", targets: targets, panels: [panel])
    }
}
