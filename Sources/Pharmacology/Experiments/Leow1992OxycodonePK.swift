import Foundation

extension Experiment {
    /// Leow KP, Smith MT, Williams B, Cramond T. "Single-dose and steady-state pharmacokinetics and
    /// pharmacodynamics of oxycodone in patients with cancer." *Clin Pharmacol Ther* 1992;52:487
    /// (author list [unverified]; science.md §4): IV and oral t½ 3.0 and 3.5 h, V 212 l, CL 48.6 l/h,
    /// F 87 %, 10 mg every 4 h → Css 34.6 µg/l. Single doses of 10 mg IV and oral are assumed
    /// [unverified: the study's doses were not read]. Validation also against the US label's Vss
    /// 2.6 l/kg.
    static let leow1992OxycodonePK = Experiment(
        name: "leow1992-oxycodone-pk",
        description: "human oxycodone 10 mg IV and oral, then 10 mg every 4 h: half-lives, volume, clearance, F, Css",
        citation: "Leow KP et al., Clin Pharmacol Ther 1992;52:487"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.oxycodone, .human)
        let dose = DoseAmount(10, .mg)
        let times = gridHours(from: 0, to: 36, step: 1.0 / 12)
        let iv = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .iv, atHours: 0)], weightKilograms: 70), times: times)
        let oral = try ExperimentSupport.plasma(model, DosingDesign([.dose(dose, route: .oral, atHours: 0)], weightKilograms: 70), times: times)
        let ivSummary = try ExperimentSupport.summary(times, iv, terminal: 4...24, what: "IV oxycodone")
        let oralSummary = try ExperimentSupport.summary(times, oral, terminal: 4...24, what: "oral oxycodone")
        let clearance = 10_000 / ivSummary.aucToInfinity
        // Steady state: 10 mg every 4 h for 3 days; the average over the last interval.
        let steadyTimes = gridHours(from: 0, to: 72, step: 1.0 / 12)
        let steady = try ExperimentSupport.plasma(
            model, DosingDesign([.repeated(dose, route: .oral, everyHours: 4, fromHours: 0, toHours: 72)], weightKilograms: 70),
            times: steadyTimes)
        let lastInterval = PKSummaryWindow.average(steadyTimes, steady, over: 64...68)
        let targets = [
            ExperimentTarget(id: "iv-half-life", kind: .calibration, description: "IV half-life (mean; ±30 % between subjects)",
                             observed: 3.0, model: ivSummary.halfLife, tolerance: ExperimentSupport.betweenStudy(3.0), unit: "h"),
            ExperimentTarget(id: "volume", kind: .calibration, description: "volume of distribution (mean; ±30 %)",
                             observed: 212, model: clearance / ivSummary.lambdaZ, tolerance: ExperimentSupport.betweenStudy(212), unit: "L"),
            ExperimentTarget(id: "clearance", kind: .calibration, description: "clearance (mean; ±30 %)",
                             observed: 48.6, model: clearance, tolerance: ExperimentSupport.betweenStudy(48.6), unit: "L/h"),
            ExperimentTarget(id: "oral-bioavailability", kind: .calibration, description: "oral bioavailability, AUC oral / AUC IV",
                             observed: 0.87, model: oralSummary.aucToInfinity / ivSummary.aucToInfinity, tolerance: 0.1, unit: "fraction"),
            ExperimentTarget(id: "oral-half-life", kind: .validation, description: "apparent half-life after an oral dose (mean; ±30 %)",
                             observed: 3.5, model: oralSummary.halfLife, tolerance: ExperimentSupport.betweenStudy(3.5), unit: "h"),
            ExperimentTarget(id: "steady-state-concentration", kind: .validation,
                             description: "average concentration at steady state on 10 mg every 4 h (mean; ±30 %)",
                             observed: 34.6, model: lastInterval, tolerance: ExperimentSupport.betweenStudy(34.6), unit: "ng/mL"),
            ExperimentTarget(id: "label-volume", kind: .validation, description: "Vss 2.6 L/kg in the US label, 70 kg (±30 %)",
                             observed: 182, model: clearance / ivSummary.lambdaZ, tolerance: ExperimentSupport.betweenStudy(182), unit: "L"),
        ]
        let panels = [
            ExperimentPanel(title: "Oxycodone 10 mg, single doses", xLabel: "time (h)", yLabel: "plasma oxycodone (ng/mL)", logY: true,
                            curves: [ExperimentSupport.curve("IV", times, iv), ExperimentSupport.curve("oral", times, oral, dashed: true)]),
            ExperimentPanel(title: "Oxycodone 10 mg every 4 h", xLabel: "time (h)", yLabel: "plasma oxycodone (ng/mL)",
                            curves: [ExperimentSupport.curve("model", steadyTimes, steady)],
                            observations: [ExperimentPanel.Observations(name: "Css (Leow 1992)", x: [66], y: [34.6], lower: nil, upper: nil)]),
        ]
        return ExperimentResult(name: "leow1992-oxycodone-pk", targets: targets, panels: panels)
    }
}

/// Averages of a profile over a window, by the trapezoidal rule.
enum PKSummaryWindow {
    /// The time-average of `values` over `window` (points inside it).
    static func average(_ times: [Double], _ values: [Double], over window: ClosedRange<Double>) -> Double {
        let points = zip(times, values).filter { window.contains($0.0) }
        guard let first = points.first, let last = points.last, last.0 > first.0 else { return .nan }
        var area = 0.0
        for (a, b) in zip(points, points.dropFirst()) { area += 0.5 * (a.1 + b.1) * (b.0 - a.0) }
        return area / (last.0 - first.0)
    }
}
