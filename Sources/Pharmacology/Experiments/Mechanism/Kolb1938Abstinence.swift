import Foundation

extension Experiment {
    /// The course of spontaneous withdrawal in adults dependent on morphine, as the pharmacology
    /// texts summarise the Lexington abstinence studies (Kolb L, Himmelsbach CK. "Clinical studies
    /// of drug addiction III." *Am J Psychiatry* 1938;94:759–797): increasingly restless and anxious
    /// over the first 8–16 h, yawning, sweating and running eyes and nose within about 14 h, then
    /// intensifying to the most intense syndrome 36–72 h after the last dose, subsiding over 5–10
    /// days [unverified: secondary summaries; the studies' point scores were not read].
    ///
    /// Design: morphine 30 mg s.c. every 6 h for 30 days, then none [unverified: the subjects were
    /// stabilised on their accustomed doses given four times a day; the amount is assumed]. The
    /// model's peak hardly depends on the amount (44–52 h after the last dose for 10–60 mg); its
    /// onset does (10–17 h), because a larger dose takes longer to leave the receptors. Onset is
    /// read as the return of a COWS score of 5, below which withdrawal is commonly read as absent
    /// (clinical.md, COWS bands). The peak's timing sets how fast and how far sustained withdrawal
    /// escalates (`HALF_WITHDRAWAL_ESCALATION`, `GAIN_WITHDRAWAL_ESCALATION`) and the decline by
    /// day 10 the counter-adaptation's half-life (`HALF_MODERATOR`): calibration targets. The
    /// onset entered no fit: validation (its reading was revised once, docs/model.md).
    static let kolb1938MorphineAbstinence = Experiment(
        name: "kolb1938-morphine-abstinence",
        description: "human morphine 30 mg s.c. every 6 h for 30 days, then abrupt stop: onset, peak and subsiding of spontaneous withdrawal",
        citation: "Kolb L, Himmelsbach CK, Am J Psychiatry 1938;94:759 (texts' summary)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .human)
        let every = 6.0, stop = 30.0 * 24
        let lastDose = stop - every
        let times = gridHours(from: lastDose - 24, to: lastDose + 14 * 24, step: 0.25)
        let design = DosingDesign([.repeated(DoseAmount(30, .mg), route: .sc, everyHours: every, fromHours: 0, toHours: stop)])
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        let withdrawal = run.readout(.withdrawal)!, cows = run.readout(.cows)!
        let course = AbstinenceReading(times: times, withdrawal: withdrawal, lastDoseHours: lastDose, dosingIntervalHours: every)
        let dayTen = withdrawal[times.firstIndex { $0 >= lastDose + 10 * 24 }!]
        let targets = [
            ExperimentTarget(id: "peak-36-72h", kind: .calibration,
                             description: "hours from the last dose to the most intense withdrawal (36-72 h)",
                             observed: 54, model: course.peakHours, tolerance: 18, unit: "h"),
            ExperimentTarget(id: "subsided-by-day-10", kind: .calibration,
                             description: "withdrawal 10 days after the last dose relative to its peak (subsiding over 5-10 days: at most a quarter left)",
                             observed: 0.1, model: dayTen / max(course.peak, 1e-12), tolerance: 0.15, unit: "fraction"),
            ExperimentTarget(id: "mild-by-8-16h", kind: .validation,
                             description: "hours from the last dose until withdrawal returns to COWS 5, mild (restless and anxious over 8-16 h; yawning, sweating, running nose within about 14 h)",
                             observed: 12, model: course.onsetHours, tolerance: 4, unit: "h"),
        ]
        let axis = times.map { ($0 - lastDose) / 24 }
        let panels = [
            ExperimentPanel(title: "Abrupt stop after 30 days of morphine 30 mg s.c. q6h", xLabel: "days after the last dose", yLabel: "COWS 0-48",
                            curves: [ExperimentSupport.curve("model", axis, cows)]),
        ]
        return ExperimentResult(name: "kolb1938-morphine-abstinence", targets: targets, panels: panels)
    }
}
