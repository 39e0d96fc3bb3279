import Foundation

extension Experiment {
    /// Where in a gradual methadone reduction withdrawal appears: "typically signs and symptoms of
    /// withdrawal will begin to rise as the methadone dose falls below 20 mg/day" (Henry-Edwards S,
    /// Gowing L, White J et al., *Clinical guidelines and procedures for the use of methadone in the
    /// maintenance treatment of opioid dependence*, Australian Government Department of Health and
    /// Ageing 2003, §3.6, as quoted on the Department's pages).
    ///
    /// Design: methadone 60 mg orally once daily for 90 days, then reduced at the rates a New
    /// Zealand service recommends (Bay of Plenty DHB, OST pathway, method of withdrawal: above 50
    /// mg at most 5 mg a week, from 50 to 30 mg at most 2.5 mg, below 30 mg 1–2 mg): 5 mg a week
    /// to 50 mg, 2.5 mg a week to 30 mg, then 2 mg a week to none [unverified: the guideline names
    /// no regime; weekly steps assumed]. "Begin to rise" is read as the trough, just before a dose,
    /// first reaching mild withdrawal (COWS 5, `AbstinenceReading.mildCOWS`), and the dose is the
    /// daily dose taken up to that trough; ±10 mg. Held out: written from the guideline's sentence
    /// and run once against the model, no parameter chosen from it.
    static let henry2003MethadoneReductionThreshold = Experiment(
        name: "henry2003-methadone-reduction-threshold",
        description: "human methadone 60 mg daily for 90 days, then reduced weekly (5, 2.5, then 2 mg a week) to none: the daily dose at which withdrawal appears",
        citation: "Henry-Edwards S et al., Australian methadone guidelines 2003, section 3.6"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let day = 24.0, week = 7 * day, start = 90 * day
        var dailyDoses: [Double] = [60]
        while dailyDoses.last! > 0 {
            let dose = dailyDoses.last!
            dailyDoses.append(max(0, dose - (dose > 50 ? 5 : dose > 30 ? 2.5 : 2)))
        }
        var administrations: [Administration] = [.repeated(DoseAmount(60, .mg), route: .oral, everyHours: day, fromHours: 0, toHours: start)]
        for (step, dose) in dailyDoses.enumerated().dropFirst() where dose > 0 {
            let from = start + Double(step - 1) * week
            administrations.append(.repeated(DoseAmount(dose, .mg), route: .oral, everyHours: day, fromHours: from, toHours: from + week))
        }
        /// The daily dose taken at dose time `time`.
        func dose(at time: Double) -> Double {
            guard time >= start else { return 60 }
            let step = Int(((time - start) / week).rounded(.down)) + 1
            return step < dailyDoses.count ? dailyDoses[step] : 0
        }
        // Each dose from the last day of maintenance to the end, and the trough just before the next.
        let doseTimes = Array(stride(from: start - day, to: start + Double(dailyDoses.count) * week, by: day))
        let troughs = doseTimes.map { $0 + day - 1e-6 }
        let run = try PKSimulation.run(model, design: DosingDesign(administrations), outputTimes: troughs)
        let cows = run.readout(.cows)!
        let first = cows.indices.first { cows[$0] >= AbstinenceReading.mildCOWS }
        let targets = [
            ExperimentTarget(id: "withdrawal-rises-below-20-mg", kind: .validation,
                             description: "daily dose (mg) when the trough first reaches mild withdrawal, COWS 5 (signs and symptoms begin to rise as the dose falls below 20 mg/day)",
                             observed: 20, model: first.map { dose(at: doseTimes[$0]) } ?? 0, tolerance: 10, unit: "mg"),
        ]
        let days = troughs.map { ($0 - start) / day }
        let panel = ExperimentPanel(title: "Methadone 60 mg reduced weekly to none: withdrawal at each trough", xLabel: "days from the start of the reduction", yLabel: "COWS 0-48 (trough) / daily dose (mg)",
                                    curves: [ExperimentSupport.curve("COWS at the trough", days, cows),
                                             ExperimentSupport.curve("daily dose, mg", days, doseTimes.map { dose(at: $0) }, dashed: true)])
        return ExperimentResult(name: "henry2003-methadone-reduction-threshold", targets: targets, panels: [panel])
    }
}
