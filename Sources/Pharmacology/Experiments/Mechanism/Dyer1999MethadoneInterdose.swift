import Foundation

extension Experiment {
    /// Dyer KR, Foster DJR, White JM, Somogyi AA, Menelaou A, Bochner F. "Steady-state
    /// pharmacokinetics and pharmacodynamics in methadone maintenance patients: comparison of
    /// those who do and do not experience withdrawal and concentration-effect relationships."
    /// *Clin Pharmacol Ther* 1999;65:685–694 (abstract; pk-more.md §1.3): 18 patients on constant
    /// once-daily methadone for at least 2 months, 9 of whom reported significant withdrawal,
    /// followed through one interdosing interval. Withdrawal severity was inversely related to the
    /// plasma concentration (sigmoid, slope N 5.4), and correlated with the maximal rate of decline
    /// of the concentration; those with and without withdrawal did not differ in AUC or predose
    /// concentration.
    ///
    /// Design: methadone 60 mg by mouth once daily for 60 days, the 60th interval read hourly
    /// [unverified: the patients' doses were not read]. Read as three held-out targets, none of
    /// which entered a fit:
    /// - within the interval, withdrawal falls as the concentration rises and returns as it falls
    ///   (Pearson correlation of plasma concentration and COWS: negative, −1 for a monotone
    ///   inverse relation, accepted below −0.5);
    /// - with half the patients reporting significant withdrawal, the typical patient sits at its
    ///   threshold at the end of the interval: COWS 5, the lower bound of mild withdrawal, read
    ///   with ±4 [unverified: the study's withdrawal scale was not COWS; its scores were not read];
    /// - a patient whose concentration falls faster after its peak at the same AUC (absorption
    ///   four times faster, `KA_ORAL` × 4 [unverified: how the non-holders' profiles differed was
    ///   not read]) has more withdrawal at the trough: the ratio of trough COWS, more than 1 (read
    ///   as 1.5 ± 0.5) [unverified: the size].
    static let dyer1999MethadoneInterdose = Experiment(
        name: "dyer1999-methadone-interdose-withdrawal",
        description: "human methadone 60 mg orally once daily for 60 days: withdrawal through one dosing interval against the falling concentration",
        citation: "Dyer KR et al., Clin Pharmacol Ther 1999;65:685 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let days = 60.0, start = (days - 1) * 24
        let times = gridHours(from: start, to: days * 24, step: 0.5)
        let design = DosingDesign([.repeated(DoseAmount(60, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: days * 24)])
        let typical = try PKSimulation.run(model, design: design, outputTimes: times)
        guard let absorption = model.parameterValue("KA_ORAL") else { throw .invalidDesign("\(model.file) has no oral absorption rate KA_ORAL") }
        let steeper = try PKSimulation.run(model, design: design, outputTimes: times, parameters: ["KA_ORAL": 4 * absorption])
        let cp = typical.readout(.plasmaConcentration)!, cows = typical.readout(.cows)!
        let cpSteeper = steeper.readout(.plasmaConcentration)!, cowsSteeper = steeper.readout(.cows)!
        // The trough: the end of the 60th interval, the last sample (dosing covers [0, days·24),
        // so no dose falls on it).
        let trough = cows[cows.count - 1], troughSteeper = cowsSteeper[cowsSteeper.count - 1]
        let targets = [
            ExperimentTarget(id: "withdrawal-inverse-to-concentration", kind: .validation,
                             description: "Pearson correlation of plasma methadone and COWS through the interval (inverse relationship: -1, accepted below -0.5)",
                             observed: -1, model: MechanismSupport.correlation(cp, cows), tolerance: 0.5, unit: "r"),
            ExperimentTarget(id: "trough-at-withdrawal-threshold", kind: .validation,
                             description: "COWS at the end of the interval (9 of 18 patients with significant withdrawal: the typical patient at the threshold of mild withdrawal, COWS 5)",
                             observed: 5, model: trough, tolerance: 4, unit: "COWS"),
            ExperimentTarget(id: "steeper-decline-more-withdrawal", kind: .validation,
                             description: "trough COWS of a patient whose concentration falls faster (absorption 4x faster, same AUC) over the typical patient's (withdrawal correlated with the maximal rate of decline: more than 1)",
                             observed: 1.5, model: troughSteeper / max(trough, 1e-9), tolerance: 0.5, unit: "ratio"),
        ]
        let axis = times.map { $0 - start }
        let panels = [
            ExperimentPanel(title: "Plasma methadone through the 60th dosing interval (60 mg daily)", xLabel: "hours after the dose", yLabel: "ng/mL",
                            curves: [ExperimentSupport.curve("typical", axis, cp),
                                     ExperimentSupport.curve("absorption 4x faster", axis, cpSteeper, dashed: true)]),
            ExperimentPanel(title: "Withdrawal through the interval", xLabel: "hours after the dose", yLabel: "COWS 0-48",
                            curves: [ExperimentSupport.curve("typical", axis, cows),
                                     ExperimentSupport.curve("absorption 4x faster", axis, cowsSteeper, dashed: true)]),
        ]
        return ExperimentResult(name: "dyer1999-methadone-interdose-withdrawal", targets: targets, panels: panels)
    }
}
