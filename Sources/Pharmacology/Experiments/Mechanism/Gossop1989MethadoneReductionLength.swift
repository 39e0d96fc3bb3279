import Foundation

extension Experiment {
    /// Gossop M, Griffiths P, Bradley B, Strang J. "Opiate withdrawal symptoms in response to
    /// 10-day and 21-day methadone withdrawal programmes." *Br J Psychiatry* 1989;154:360–363
    /// (abstract): 132 opiate addicts withdrawn by an in-patient oral methadone reduction over 10
    /// or 21 days. In both groups withdrawal (Opiate Withdrawal Scale) rose steadily through the
    /// reduction, peaked near the completion of the prescribed drug and declined slowly thereafter;
    /// the 10-day group's peak scores were significantly higher than the 21-day group's.
    ///
    /// Design [unverified: the abstract gives neither doses nor the reduction's shape], as for
    /// `gossop1987-methadone-detoxification`: 30 days of methadone 40 mg once daily stand for the
    /// dependence before admission, then daily doses falling linearly to none over 10 or 21 days
    /// (day d of an n-day reduction: (1 − d/n) of the starting dose). "Near the completion" is read
    /// as within 3 days of the last dose; "significantly higher" as a ratio of the peaks of at least
    /// 1, read capped at 2. Held out: written from the abstract and run once against the model, no
    /// parameter chosen from it.
    static let gossop1989MethadoneReductionLength = Experiment(
        name: "gossop1989-methadone-reduction-length",
        description: "human methadone reduced linearly to none over 10 or 21 days after 30 days at 40 mg: peaks of withdrawal and their timing",
        citation: "Gossop M, Griffiths P, Bradley B, Strang J, Br J Psychiatry 1989;154:360-363 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let startingMilligrams = 40.0, start = 30.0 * 24, after = 30.0
        let times = gridHours(from: start - 24, to: start + after * 24, step: 3)
        let days = times.map { ($0 - start) / 24 }
        /// COWS over `times`, the peak's day after the last dose and the peak, for an n-day reduction.
        func course(reductionDays n: Int) throws(PharmacologyError) -> (cows: [Double], peakAfterLastDose: Double, peak: Double) {
            let administrations = MechanismSupport.methadoneLinearReduction(startingMilligrams: startingMilligrams, maintenanceHours: start, reductionDays: n)
            let cows = try PKSimulation.run(model, design: DosingDesign(administrations), outputTimes: times).readout(.cows)!
            let peak = cows.indices.max { cows[$0] < cows[$1] }!
            return (cows, days[peak] - Double(n - 1), cows[peak])
        }
        let tenDay = try course(reductionDays: 10), twentyOneDay = try course(reductionDays: 21)
        let targets = [
            ExperimentTarget(id: "10-day-peak-near-completion", kind: .validation,
                             description: "days from the last dose of the 10-day reduction to the most intense withdrawal (peaked near the completion of the drug: 0, read with +/-3 days)",
                             observed: 0, model: tenDay.peakAfterLastDose, tolerance: 3, unit: "d"),
            ExperimentTarget(id: "21-day-peak-near-completion", kind: .validation,
                             description: "days from the last dose of the 21-day reduction to the most intense withdrawal (0, read with +/-3 days)",
                             observed: 0, model: twentyOneDay.peakAfterLastDose, tolerance: 3, unit: "d"),
            ExperimentTarget(id: "10-day-peak-higher", kind: .validation,
                             description: "peak withdrawal of the 10-day over the 21-day reduction, capped at 2 (significantly higher: at least 1)",
                             observed: 1.5, model: min(2, tenDay.peak / max(twentyOneDay.peak, 1e-9)), tolerance: 0.5, unit: "ratio"),
        ]
        let panel = ExperimentPanel(title: "Methadone 40 mg reduced to none over 10 or 21 days", xLabel: "days from the start of the reduction", yLabel: "COWS 0-48",
                                    curves: [ExperimentSupport.curve("10-day reduction", days, tenDay.cows),
                                             ExperimentSupport.curve("21-day reduction", days, twentyOneDay.cows, dashed: true)])
        return ExperimentResult(name: "gossop1989-methadone-reduction-length", targets: targets, panels: [panel])
    }
}
