import Foundation

/// Shared steps of the experiments on the mechanistic model: daily dosing protocols read as the
/// laboratory reads them.
enum MechanismSupport {
    /// Hours after a dose at which antinociception is read in daily-dosing studies: 30 min, the
    /// usual tail-flick time after s.c. or i.p. morphine [unverified: the studies' exact times were
    /// not read].
    static let readingDelayHours = 0.5

    /// A daily-dosing run: the trajectory on an hourly-or-finer grid, and per day the readout
    /// `readingDelayHours` after the dose and just before it (the pre-dose baseline).
    struct Daily {
        /// %MPE (rodents) after each day's dose.
        var afterDose: [Double]
        /// The readout's value just before each day's dose (day 0: the naive baseline).
        var beforeDose: [Double]
        /// Mechanistic readouts just before each day's dose.
        var tolerance: [Double]
        var hyperalgesia: [Double]
        var glia: [Double]
        var cytokines: [Double]
    }

    /// An in-patient methadone detoxification as Gossop's studies describe it: `maintenanceHours`
    /// of `startingMilligrams` orally once daily (the dependence before admission), then daily
    /// doses falling linearly to none over `reductionDays` (day d: (1 − d/n) of the starting dose).
    static func methadoneLinearReduction(startingMilligrams dose: Double, maintenanceHours start: Double, reductionDays n: Int) -> [Administration] {
        var administrations: [Administration] = [.repeated(DoseAmount(dose, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: start)]
        for day in 0..<n {
            administrations.append(.dose(DoseAmount(dose * (1 - Double(day) / Double(n)), .mg), route: .oral, atHours: start + Double(day) * 24))
        }
        return administrations
    }

    /// `days` daily doses of `amount` by `route` (first at 0 h) with `extra` administrations
    /// (treatments), read with `readout` (`.mpe` or `.vonFrey`).
    static func daily(_ model: OpioidModel, amount: DoseAmount, route: Route, days: Int, extra: [Administration] = [],
                      knockouts: Set<Knockout> = [], readout: Readout = .mpe) throws(PharmacologyError) -> Daily {
        var times = gridHours(from: 0, to: Double(days) * 24, step: 0.25)
        for day in 0..<days {
            times.append(Double(day) * 24 + readingDelayHours)
            times.append(Double(day) * 24 - 0.01)
        }
        times = Array(Set(times.filter { $0 >= 0 })).sorted()
        let design = DosingDesign([.repeated(amount, route: route, everyHours: 24, fromHours: 0, toHours: Double(days) * 24)] + extra,
                                  knockouts: knockouts)
        let trajectory = try PKSimulation.run(model, design: design, outputTimes: times)
        guard let values = trajectory.readout(readout), let tolerance = trajectory.readout(.tolerance),
              let hyperalgesia = trajectory.readout(.oih), let glia = trajectory.readout(.glia),
              let cytokines = trajectory.readout(.cytokines) else {
            throw .invalidDesign("\(model.name) has no mechanistic readouts")
        }
        func at(_ t: Double, _ series: [Double]) -> Double { series[times.firstIndex { abs($0 - t) < 1e-9 }!] }
        let days = 0..<days
        // Just before each day's dose; day 0's "before" is the naive start.
        func beforeEachDose(_ series: [Double]) -> [Double] { days.map { $0 == 0 ? series[0] : at(Double($0) * 24 - 0.01, series) } }
        return Daily(
            afterDose: days.map { at(Double($0) * 24 + readingDelayHours, values) },
            beforeDose: beforeEachDose(values),
            tolerance: beforeEachDose(tolerance),
            hyperalgesia: beforeEachDose(hyperalgesia),
            glia: beforeEachDose(glia),
            cytokines: beforeEachDose(cytokines))
    }

    /// Days of antinociceptive efficacy: when the post-dose %MPE first falls below half of day 1's,
    /// interpolated linearly between the days that bracket the crossing (day 1 counts from 0)
    /// [unverified: the studies judged efficacy by significance against controls; half of the first
    /// day's effect stands in for it]. The whole run if it never falls so far.
    static func effectiveDays(_ afterDose: [Double]) -> Double {
        guard let first = afterDose.first else { return 0 }
        let criterion = 0.5 * first
        for day in afterDose.indices.dropFirst() where afterDose[day] < criterion {
            let (before, after) = (afterDose[day - 1], afterDose[day])
            return Double(day - 1) + (before - criterion) / (before - after)
        }
        return Double(afterDose.count)
    }

    /// A rat's abstinence course: the withdrawal readout at `times` around the last injection, and
    /// its reading (`AbstinenceReading`).
    struct RatAbstinence {
        var lastDoseHours: Double
        var times: [Double]
        var withdrawal: [Double]
        var course: AbstinenceReading

        /// The course against days after the last injection.
        func panel(title: String) -> ExperimentPanel {
            ExperimentPanel(title: title, xLabel: "days after the last injection", yLabel: "withdrawal (ln units)",
                            curves: [ExperimentSupport.curve("model", times.map { ($0 - lastDoseHours) / 24 }, withdrawal)])
        }
    }

    /// The abstinence of a rat given morphine i.p. every 12 h, `perDay(day)` mg/kg per injection
    /// on day `day` (0-based) for `days` days, then none: the withdrawal readout from a day
    /// before the last injection to 10 days after, read against its own peak at `fractionOfPeak`.
    static func ratTwiceDailyAbstinence(days: Int, perDay: (Int) -> Double, fractionOfPeak: Double) throws(PharmacologyError) -> RatAbstinence {
        let model = try PKLibrary.model(.morphine, .rat)
        let every = 12.0
        let doses: [Administration] = (0..<days).flatMap { day -> [Administration] in
            [0.0, every].map { .dose(DoseAmount(perDay(day), .mgPerKg), route: .ip, atHours: Double(day) * 24 + $0) }
        }
        let lastDose = Double(days - 1) * 24 + every
        let times = gridHours(from: lastDose - 24, to: lastDose + 10 * 24, step: 0.25)
        let withdrawal = try PKSimulation.run(model, design: DosingDesign(doses), outputTimes: times).readout(.withdrawal)!
        let course = AbstinenceReading(times: times, withdrawal: withdrawal, lastDoseHours: lastDose, dosingIntervalHours: every, fractionOfPeak: fractionOfPeak)
        return RatAbstinence(lastDoseHours: lastDose, times: times, withdrawal: withdrawal, course: course)
    }

    /// The largest rise of `readout` within `windowHours` of a dose of naloxone (`amount` by
    /// `route`) at `hours`, in a subject given `regimen` (and earlier doses of the same at
    /// `earlier`), over its value a minute before, read every minute; with the minutes from the
    /// dose to that largest rise. The acute-dependence studies' precipitated withdrawal.
    static func precipitatedRise(_ model: OpioidModel, _ regimen: [Administration], weightKilograms weight: Double,
                                 at hours: Double, naloxone amount: DoseAmount, route: Route, earlier: [Double] = [], windowHours: Double,
                                 readout: Readout) throws(PharmacologyError) -> (rise: Double, minutes: Double) {
        let boluses = (earlier + [hours]).map { Administration.treatmentDose(.naloxone, amount, route: route, atHours: $0) }
        let times = gridHours(from: hours - 1.0 / 60, to: hours + windowHours, step: 1.0 / 60)
        let run = try PKSimulation.run(model, design: DosingDesign(regimen + boluses, weightKilograms: weight), outputTimes: times)
        guard let values = run.readout(readout) else { throw .invalidDesign("\(model.name) has no \(readout.rawValue) readout") }
        let peak = values.indices.max { values[$0] < values[$1] }!
        return (values[peak] - values[0], (times[peak] - hours) * 60)
    }

    /// The largest withdrawal within 1 h of an antagonist bolus of `level` (its concentration over
    /// its K_i at the receptors) at `hours`, in a subject given `regimen`, read every minute: how
    /// the rodent studies' naloxone challenges measure dependence.
    static func antagonistChallenge(_ model: OpioidModel, _ regimen: [Administration], level: Double, atHours hours: Double,
                                    weightKilograms weight: Double) throws(PharmacologyError) -> Double {
        let times = gridHours(from: hours, to: hours + 1, step: 1.0 / 60)
        let design = DosingDesign(regimen + [.treatmentBolus(.naloxone, level: level, atHours: hours)], weightKilograms: weight)
        return try PKSimulation.run(model, design: design, outputTimes: times).readout(.withdrawal)!.max()!
    }

    /// The arithmetic mean of a non-empty series.
    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    /// Pearson correlation of two equally long series (NaN if either is constant).
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let ma = mean(a), mb = mean(b)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    /// Day numbers 1…n as plot abscissae.
    static func dayAxis(_ count: Int) -> [Double] { (0..<count).map { Double($0 + 1) } }
}
