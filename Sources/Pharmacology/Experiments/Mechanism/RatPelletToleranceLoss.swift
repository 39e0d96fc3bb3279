import Foundation

extension Experiment {
    /// "Pharmacodynamics and kinetics of loss of tolerance to and physical dependence on
    /// morphine" (title as indexed, shortened), *Pharmacology* (Basel) 45:319 (abstract; its authors
    /// not read; 1992, from the volume [inferred]): male Sprague-Dawley rats implanted with 6
    /// morphine pellets during 7 days became highly tolerant to morphine's analgesic and
    /// hyperthermic effects; after the pellets' removal the response to morphine recovered
    /// gradually and linearly with time, and on day 4 after removal it no longer differed
    /// significantly from that of placebo-pelleted rats.
    ///
    /// Design: 75 mg pellets (the rat pellets of the time held 75 mg of base [unverified for this
    /// study]), one at 0, two at 2 days and three at 4 days, all removed at 7 days [unverified: the
    /// schedule within the 7 days was not read]; the library's pellet (its release the mouse's,
    /// unverified for rats). The analgesic response is that to a test dose of morphine 10 mg/kg s.c.
    /// (the dose not read; about twice the rat's naive ED50), each on its own copy
    /// (`DoseResponseTest`). Targets: the test dose's %MPE 4 days after removal over the placebo
    /// rats', no significant difference read as 1 ± 0.25; and the same at the removal, "a high
    /// degree of tolerance" read as at most half (0.25 ± 0.25) [the readings assumed]. Held out:
    /// written from the abstract and run once against the model as it stood, no parameter chosen
    /// from it.
    static let pharmacology1992RatPelletToleranceLoss = Experiment(
        name: "pharmacology1992-rat-pellet-tolerance-loss",
        description: "rat 6 morphine pellets over 7 days, removed: the analgesic response to a test dose at removal and 4 days later",
        citation: "Pharmacodynamics and kinetics of loss of tolerance to and physical dependence on morphine in rats, Pharmacology (Basel) 1992;45:319 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let removal = 7.0 * 24
        let pellets: [Administration] = [(0.0, 1), (48, 2), (96, 3)].flatMap { hours, count in
            (0..<count).map { _ in Administration.pellet(DoseAmount(75, .mg), atHours: hours, removeHours: removal) }
        }
        let design = DosingDesign(pellets)
        var battery = DoseResponseBattery(model, design: design)
        let testDose = [10.0]
        /// The test dose's %MPE at `hours` over the drug-naive rats'.
        func relative(at hours: Double) throws(PharmacologyError) -> Double {
            let result = try battery.run(DoseResponseTest(atHours: hours, doses: testDose, unit: .mgPerKg, route: .sc))
            return result.responses[0] / max(result.naiveResponses[0], 1e-12)
        }
        let days = [0.0, 1, 2, 3, 4, 6, 8, 11, 14]
        var course: [Double] = []
        for day in days { course.append(try relative(at: removal + day * 24)) }
        let targets = [
            ExperimentTarget(id: "tolerant-at-removal", kind: .validation,
                             description: "the test dose's %MPE at the pellets' removal over placebo rats' (a high degree of tolerance: at most half)",
                             observed: 0.25, model: course[0], tolerance: 0.25, unit: "ratio"),
            ExperimentTarget(id: "recovered-by-day-4", kind: .validation,
                             description: "the same 4 days after the removal (no significant difference from placebo rats)",
                             observed: 1, model: course[days.firstIndex(of: 4)!], tolerance: 0.25, unit: "ratio"),
        ]
        let panel = ExperimentPanel(title: "Morphine 10 mg/kg s.c. after 6 pellets over 7 days, removed", xLabel: "days after the removal",
                                    yLabel: "%MPE / placebo rats' %MPE", curves: [ExperimentSupport.curve("model", days, course)])
        return ExperimentResult(name: "pharmacology1992-rat-pellet-tolerance-loss", targets: targets, panels: [panel])
    }
}
