import Foundation

extension Experiment {
    /// Chu LF, Clark DJ, Angst MS. "Opioid tolerance and hyperalgesia in chronic pain patients
    /// after one month of oral morphine therapy." *J Pain* 2006;7:43–48 (science.md §5): six
    /// patients with chronic low back pain, tested before and one month after starting oral
    /// morphine, all became hyperalgesic and tolerant on the cold pressor test. The dose is taken as
    /// 30 mg extended-release morphine every 12 h [unverified: the study's titrated doses were not
    /// read]; the sizes of the changes were not read, so the targets are ranges. Human glial and
    /// sensitisation rates were chosen so that OIH appears within this month: calibration targets.
    static let chu2006HumanOIH = Experiment(
        name: "chu2006-human-oih",
        description: "human oral morphine 30 mg every 12 h for one month: tolerance and hyperalgesia (OIH) by one month",
        citation: "Chu LF, Clark DJ, Angst MS, J Pain 2006;7:43-48"
    ) { () throws(PharmacologyError) in
        let (times, run) = try oralMorphineTwiceDaily(days: 31, outputEveryHours: 1)
        let hyperalgesia = run.readout(.oih)!, tolerance = run.readout(.tolerance)!, pain = run.readout(.pain)!
        let month = times.firstIndex { $0 >= 30 * 24 - 0.5 }!  // just before the morning dose of day 31
        let targets = [
            ExperimentTarget(id: "hyperalgesic-by-one-month", kind: .calibration,
                             description: "pain threshold lost (OIH) before a dose after one month (all hyperalgesic; size not read: 5-35 %)",
                             observed: 0.2, model: hyperalgesia[month], tolerance: 0.15, unit: "fraction"),
            ExperimentTarget(id: "tolerant-by-one-month", kind: .calibration,
                             description: "tolerance (EC50 fold) after one month (all tolerant; size not read: 1.2-2.5)",
                             observed: 1.85, model: tolerance[month], tolerance: 0.65, unit: "fold"),
        ]
        let axis = times.map { $0 / 24 }
        let panels = [
            ExperimentPanel(title: "Oral morphine 30 mg q12h (Chu 2006 design)", xLabel: "day", yLabel: "fraction / fold",
                            curves: [ExperimentSupport.curve("hyperalgesia (threshold lost)", axis, hyperalgesia),
                                     ExperimentSupport.curve("tolerance (EC50 fold - 1)", axis, tolerance.map { $0 - 1 }, dashed: true)]),
            ExperimentPanel(title: "Pain (NRS, baseline 6)", xLabel: "day", yLabel: "NRS 0-10",
                            curves: [ExperimentSupport.curve("model", axis, pain)]),
        ]
        return ExperimentResult(name: "chu2006-human-oih", targets: targets, panels: panels)
    }

    /// Cepeda MS, Fife D, Chow W, Mastrogiovanni G, Henderson SC. *BMC Palliat Care* 2010;9:14
    /// (science.md §5): in opioid-naive starters on continuous therapy, mean and median doses
    /// stayed stable for two years; Henry 2015 and Morasco 2020 find meaningful escalation in a
    /// minority (9–20 %). On a stable dose the model's tolerance must therefore level off rather
    /// than keep growing. Design: oral morphine 30 mg every 12 h for two years [unverified dose].
    /// Validation: no parameter was chosen from these studies.
    static let cepeda2010StableDose = Experiment(
        name: "cepeda2010-stable-dose",
        description: "human oral morphine 30 mg every 12 h for two years: tolerance and pain level off on a stable dose",
        citation: "Cepeda MS et al., BMC Palliat Care 2010;9:14"
    ) { () throws(PharmacologyError) in
        let (times, run) = try oralMorphineTwiceDaily(days: 730, outputEveryHours: 6)
        let tolerance = run.readout(.tolerance)!, pain = run.readout(.pain)!
        func dayValue(_ day: Double, _ series: [Double]) -> Double { series[times.firstIndex { $0 >= day * 24 }!] }
        let targets = [
            ExperimentTarget(id: "tolerance-levels-off", kind: .validation,
                             description: "tolerance (EC50 fold) after 2 years / after 3 months on the same dose (stable doses for 2 years)",
                             observed: 1, model: dayValue(729, tolerance) / dayValue(90, tolerance), tolerance: 0.2, unit: "ratio"),
            ExperimentTarget(id: "pain-levels-off", kind: .validation,
                             description: "pain (NRS, before a dose) after 2 years minus after 3 months (no drift)",
                             observed: 0, model: dayValue(729, pain) - dayValue(90, pain), tolerance: 1, unit: "NRS points"),
        ]
        let axis = times.map { $0 / 24 }
        let panel = ExperimentPanel(title: "Two years on oral morphine 30 mg q12h", xLabel: "day", yLabel: "EC50 fold / NRS",
                                    curves: [ExperimentSupport.curve("tolerance (EC50 fold)", axis, tolerance),
                                             ExperimentSupport.curve("pain (NRS)", axis, pain, dashed: true)])
        return ExperimentResult(name: "cepeda2010-stable-dose", targets: targets, panels: [panel])
    }

    /// The human design of both studies: oral morphine 30 mg every 12 h for `days` days.
    static func oralMorphineTwiceDaily(days: Double, outputEveryHours step: Double) throws(PharmacologyError) -> ([Double], Trajectory) {
        let model = try PKLibrary.model(.morphine, .human)
        let times = gridHours(from: 0, to: days * 24, step: step)
        let design = DosingDesign([.repeated(DoseAmount(30, .mg), route: .oral, everyHours: 12, fromHours: 0, toHours: days * 24)])
        return (times, try PKSimulation.run(model, design: design, outputTimes: times))
    }
}
