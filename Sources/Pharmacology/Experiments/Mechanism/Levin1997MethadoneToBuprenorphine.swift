import Foundation

extension Experiment {
    /// Levin FR, Fischman MW, Connerney I, Foltin RW. "A protocol to switch high-dose
    /// methadone-maintained subjects to buprenorphine." *Am J Addict* 1997;6:105–116 (abstract):
    /// 18 inpatient volunteers maintained on methadone 60 mg were switched over 7 days — methadone
    /// 60, 40, 30 and 0 mg, then buprenorphine 4 and 8 mg — and 15 completed it. They had moderate
    /// withdrawal on the Subjective Opiate Withdrawal Scale, highest at the first assessment of the
    /// day, at the time of the buprenorphine dose, and back to baseline 4 days after the switch.
    ///
    /// Design [assumed: the abstract gives neither the days of each step, the dosing times, the
    /// length of maintenance nor the scores]: methadone 60 mg by mouth once daily for 30 days in a
    /// 70-kg subject, then one step a day — methadone 60, 40 and 30 mg, a day without, then
    /// buprenorphine 4 mg and 8 mg sublingual — and buprenorphine 8 mg daily after; COWS read at
    /// each dose and every 3 h after it over the day. Readings: "highest at the time of the
    /// buprenorphine dose" as the day's later readings no higher than the one at the first
    /// buprenorphine dose (their largest over it at most 1: 0.5 ± 0.5); "back to baseline 4 days
    /// after the switch" as the first day after the first buprenorphine dose whose largest reading
    /// is within 2 COWS points of the last maintenance day's (4 ± 2 days); "moderate" as the
    /// largest reading of the changeover in COWS's moderate band, 13–24 (18.5 ± 5.5) [unverified:
    /// the subjective scale's "moderate" read on COWS]. Every target is validation, held out:
    /// written from the abstract once the model could carry two opioids, and run once.
    static let levin1997MethadoneToBuprenorphine = Experiment(
        name: "levin1997-methadone-to-buprenorphine",
        description: "human methadone 60 mg/day, then 60, 40, 30 and 0 mg, then buprenorphine 4 and 8 mg sublingual: withdrawal through a 7-day switch",
        citation: "Levin FR et al., Am J Addict 1997;6:105-116 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.methadone, .human)
        let weight = 70.0, day = 24.0, maintenanceDays = 30.0
        let changeover = maintenanceDays * day
        let methadoneSteps = [60.0, 40, 30]
        var methadone: [Administration] = [.repeated(DoseAmount(60, .mg), route: .oral, everyHours: day, fromHours: 0, toHours: changeover)]
        for (index, milligrams) in methadoneSteps.enumerated() {
            methadone.append(.dose(DoseAmount(milligrams, .mg), route: .oral, atHours: changeover + Double(index) * day))
        }
        let switchDay = changeover + 4 * day
        let followDays = 10.0
        let buprenorphine: [Administration] = [
            .dose(DoseAmount(4, .mg), route: .sublingual, atHours: switchDay),
            .repeated(DoseAmount(8, .mg), route: .sublingual, everyHours: day, fromHours: switchDay + day, toHours: switchDay + followDays * day),
        ]
        let design = DosingDesign(methadone, weightKilograms: weight, coadministration: Coadministration(.buprenorphine, buprenorphine))
        let start = changeover - day
        let times = gridHours(from: start, to: switchDay + followDays * day, step: 3)
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        guard let cows = run.readout(.cows) else { throw .invalidDesign("\(model.name) has no COWS readout") }
        /// The readings of the day starting at `hours` (the dose and every 3 h after it).
        func readings(ofDayAt hours: Double) -> [Double] {
            times.indices.filter { times[$0] >= hours - 1e-9 && times[$0] < hours + day - 1e-9 }.map { cows[$0] }
        }
        let baseline = readings(ofDayAt: start).max()!
        let firstSwitchDay = readings(ofDayAt: switchDay)
        let laterOverFirst = firstSwitchDay.dropFirst().max()! / max(firstSwitchDay[0], 1e-9)
        let changeoverPeak = times.indices.filter { times[$0] >= changeover && times[$0] < switchDay + 4 * day }.map { cows[$0] }.max()!
        let recovery = (1...Int(followDays) - 1).first { readings(ofDayAt: switchDay + Double($0) * day).max()! <= baseline + 2 }
        let targets = [
            ExperimentTarget(id: "highest-at-buprenorphine-time", kind: .validation,
                             description: "on the first buprenorphine day, the largest later reading over the one at the dose (highest at the dose: at most 1)",
                             observed: 0.5, model: laterOverFirst, tolerance: 0.5, unit: "ratio"),
            ExperimentTarget(id: "baseline-4-days-after-switch", kind: .validation,
                             description: "days after the first buprenorphine dose until a day's largest COWS is within 2 points of the last maintenance day's",
                             observed: 4, model: recovery.map(Double.init) ?? followDays, tolerance: 2, unit: "days"),
            ExperimentTarget(id: "moderate-withdrawal", kind: .validation,
                             description: "the largest COWS of the changeover (moderate: 13-24) [the subjective scale's moderate read on COWS]",
                             observed: 18.5, model: changeoverPeak, tolerance: 5.5, unit: "COWS"),
        ]
        let panel = ExperimentPanel(title: "Methadone 60 mg to buprenorphine over 7 days (Levin 1997 design)", xLabel: "days from the changeover",
                                    yLabel: "COWS", curves: [ExperimentSupport.curve("model", times.map { ($0 - changeover) / day }, cows)])
        return ExperimentResult(name: "levin1997-methadone-to-buprenorphine", targets: targets, panels: [panel])
    }
}
