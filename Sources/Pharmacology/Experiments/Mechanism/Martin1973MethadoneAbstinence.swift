import Foundation

extension Experiment {
    /// The course of spontaneous withdrawal after methadone maintenance, as clinical texts
    /// summarise it: slower in onset than morphine's and more prolonged (Martin WR et al.,
    /// "Methadone — a reevaluation", *Arch Gen Psychiatry* 1973;28:286, abstract: 100 mg orally
    /// daily gives dependence like morphine's except for the slower onset); first symptoms 24–48 h
    /// after the last dose, most intense at 72–96 h, lasting 10–20 days (the Medscape summary, as
    /// quoted by reference pages; methadone texts give 2–3 weeks) [unverified: secondary summaries;
    /// no study's point scores were read].
    ///
    /// Design: methadone 60 mg by mouth once daily for 60 days, then none [unverified: a common
    /// maintenance dose]. Onset is read as the return of COWS 5 after the last dose, the end as the
    /// last time COWS is at 5 or above (`AbstinenceReading`). Held out: written from the summaries and run once against
    /// the model; no parameter was chosen from them.
    static let martin1973MethadoneAbstinence = Experiment(
        name: "martin1973-methadone-abstinence",
        description: "human methadone 60 mg orally once daily for 60 days, then abrupt stop: onset, peak and end of spontaneous withdrawal",
        citation: "Martin WR et al., Arch Gen Psychiatry 1973;28:286 (abstract); clinical texts' summary"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let stop = 60.0 * 24, lastDose = stop - 24
        let times = gridHours(from: lastDose - 24, to: lastDose + 30 * 24, step: 1)
        let design = DosingDesign([.repeated(DoseAmount(60, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: stop)])
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        let cows = run.readout(.cows)!
        let course = AbstinenceReading(times: times, withdrawal: run.readout(.withdrawal)!, lastDoseHours: lastDose, dosingIntervalHours: 24)
        let targets = [
            ExperimentTarget(id: "onset-24-48h", kind: .validation,
                             description: "hours from the last dose until withdrawal reaches COWS 5, mild (first symptoms 24-48 h)",
                             observed: 36, model: course.onsetHours, tolerance: 12, unit: "h"),
            ExperimentTarget(id: "peak-72-96h", kind: .validation,
                             description: "hours from the last dose to the most intense withdrawal (72-96 h)",
                             observed: 84, model: course.peakHours, tolerance: 12, unit: "h"),
            ExperimentTarget(id: "lasts-10-20-days", kind: .validation,
                             description: "days from the last dose until withdrawal stays below COWS 5 (10-20 days)",
                             observed: 15, model: (course.endHours ?? 0) / 24, tolerance: 5, unit: "d"),
        ]
        let axis = times.map { ($0 - lastDose) / 24 }
        let panel = ExperimentPanel(title: "Abrupt stop after 60 days of methadone 60 mg daily", xLabel: "days after the last dose", yLabel: "COWS 0-48",
                                    curves: [ExperimentSupport.curve("model", axis, cows)])
        return ExperimentResult(name: "martin1973-methadone-abstinence", targets: targets, panels: [panel])
    }
}
