import Foundation

extension Experiment {
    /// Ekblom M, Hammarlund-Udenaes M, Paalzow L. *JPET* 1993;266:244–252 (science.md §3.1): rats,
    /// IV morphine as a 35 µmol/kg bolus or constant infusions of 2.5 or 4.2 µmol/h for 4 days,
    /// followed 8 days. Tolerance developed on the first day of infusion; no antinociception was
    /// measurable from day 3; rebound hyperalgesia followed the end of infusion (significant at the
    /// higher rate), none followed the bolus. Antinociception is read here as tail-flick %MPE
    /// [unverified: the study's nociceptive test was not read]; the size of the rebound was not read,
    /// so its target is a range.
    static let ekblom1993Infusion = Experiment(
        name: "ekblom1993-infusion",
        description: "rat morphine IV: 4-day infusions (2.5, 4.2 umol/h) vs a 35 umol/kg bolus: tolerance and rebound hyperalgesia",
        citation: "Ekblom M et al., JPET 1993;266:244-252"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let milligramsPerMicromole = 285.34e-3
        let times = gridHours(from: 0, to: 96 + 192, step: 0.25)
        func mpe(_ design: DosingDesign) throws(PharmacologyError) -> [Double] {
            try PKSimulation.run(model, design: design, outputTimes: times).readout(.mpe)!
        }
        let high = try mpe(DosingDesign([.infusion(DoseRate(4.2 * milligramsPerMicromole, .mgPerHour), route: .iv, fromHours: 0, toHours: 96)]))
        let low = try mpe(DosingDesign([.infusion(DoseRate(2.5 * milligramsPerMicromole, .mgPerHour), route: .iv, fromHours: 0, toHours: 96)]))
        let bolus = try mpe(DosingDesign([.dose(DoseAmount(35 * milligramsPerMicromole, .mgPerKg), route: .iv, atHours: 0)]))
        func at(_ t: Double, _ series: [Double]) -> Double { series[times.firstIndex { $0 >= t }!] }
        let peak = zip(times, high).filter { $0.0 <= 12 }.map(\.1).max()!
        let reboundHigh = zip(times, high).filter { $0.0 > 96 }.map(\.1).min()!
        let afterBolus = zip(times, bolus).filter { $0.0 > 6 }.map(\.1).min()!
        let targets = [
            ExperimentTarget(id: "tolerance-first-day", kind: .calibration,
                             description: "share of the first hours' peak effect left after 24 h of the 4.2 umol/h infusion (tolerance on day 1: below half)",
                             observed: 0.25, model: at(24, high) / peak, tolerance: 0.25, unit: "fraction"),
            ExperimentTarget(id: "no-antinociception-day3-high", kind: .calibration, description: "%MPE on day 3 of the 4.2 umol/h infusion",
                             observed: 0, model: at(72, high), tolerance: 10, unit: "%MPE"),
            ExperimentTarget(id: "no-antinociception-day3-low", kind: .calibration, description: "%MPE on day 3 of the 2.5 umol/h infusion",
                             observed: 0, model: at(72, low), tolerance: 10, unit: "%MPE"),
            ExperimentTarget(id: "rebound-after-infusion", kind: .calibration,
                             description: "lowest %MPE in the 8 days after the 4.2 umol/h infusion (hyperalgesia; size not read: -5 to -35)",
                             observed: -20, model: reboundHigh, tolerance: 15, unit: "%MPE"),
            ExperimentTarget(id: "no-rebound-after-bolus", kind: .calibration, description: "lowest %MPE from 6 h to 12 days after the bolus (no hyperalgesia)",
                             observed: 0, model: afterBolus, tolerance: 5, unit: "%MPE"),
        ]
        let days = times.map { $0 / 24 }
        let panel = ExperimentPanel(
            title: "Rat morphine IV: infusion vs bolus (Ekblom 1993)", xLabel: "time (days)", yLabel: "tail flick (%MPE)",
            curves: [ExperimentSupport.curve("4.2 umol/h, days 0-4", days, high), ExperimentSupport.curve("2.5 umol/h, days 0-4", days, low, dashed: true),
                     ExperimentSupport.curve("35 umol/kg bolus", days, bolus)],
            observations: [ExperimentPanel.Observations(name: "no antinociception (day 3)", x: [3], y: [0], lower: [-10], upper: [10])])
        return ExperimentResult(name: "ekblom1993-infusion", targets: targets, panels: [panel])
    }
}
