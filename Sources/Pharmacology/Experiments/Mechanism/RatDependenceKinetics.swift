import Foundation

extension Experiment {
    /// "The kinetics of physical dependence to morphine in rats." *Pharmacology* (Basel) 11:38
    /// (abstract; its authors not read; 1974, from the volume [inferred]): rats implanted with
    /// morphine tablets (the method of Huidobro and Contreras) were challenged with levallorphan
    /// 10 mg/kg, in groups, from 3 to 96 h after implantation, the abstinence gauged by the
    /// reaction to graded mechanical stimuli. Physical dependence developed exponentially with a
    /// time constant of 12 h, 95 % complete at 48 h. With the tablets removed at 96 h, abstinence
    /// took 12 h to reach its maximum, of an intensity comparable to the levallorphan challenge's in
    /// the presence of morphine.
    ///
    /// Design: one 75 mg morphine pellet (the library's pellet) at 0 [unverified: the tablets'
    /// content was not read], each challenge on its own copy: levallorphan as a competitive
    /// antagonist bolus of 100 times its K_i (the model's naloxone) [assumed: 10 mg/kg is a large
    /// dose], its intensity the largest withdrawal within 1 h of the challenge; in the removal arm
    /// the pellet is taken out at 96 h and the syndrome read over the following 3 days. Targets:
    /// the challenge at 12 h over the one at 96 h, 1 − e^(−1) = 0.63 for a 12-h time constant
    /// (±0.15, time constants of about 8 to 18 h); at 48 h, 0.95 (±0.15); the hours from removal to
    /// the most intense abstinence, 12 (±4); the spontaneous peak over the challenge at 96 h,
    /// comparable (1 ± 0.3). Held out: written from the abstract and run once against the model as
    /// it stood, no parameter chosen from it.
    static let pharmacology1974RatDependenceKinetics = Experiment(
        name: "pharmacology1974-rat-dependence-kinetics",
        description: "rat morphine pellet; antagonist challenges 3-96 h after implantation, and removal at 96 h: how fast dependence develops and abstinence peaks",
        citation: "The kinetics of physical dependence to morphine in rats, Pharmacology (Basel) 1974;11:38 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let removal = 96.0
        let antagonistLevel = 100.0
        func pellet(removedAt hours: Double?) -> Administration { .pellet(DoseAmount(75, .mg), atHours: 0, removeHours: hours) }
        let weight = Species.rat.defaultWeightKilograms
        func challenged(at hours: Double) throws(PharmacologyError) -> Double {
            try MechanismSupport.antagonistChallenge(model, [pellet(removedAt: nil)], level: antagonistLevel, atHours: hours, weightKilograms: weight)
        }
        let challengeHours = [3.0, 6, 12, 24, 48, 72, 96]
        var intensity: [Double] = []
        for hours in challengeHours { intensity.append(try challenged(at: hours)) }
        let atFull = max(intensity.last!, 1e-12)
        let removed = DosingDesign([pellet(removedAt: removal)], weightKilograms: weight)
        let times = gridHours(from: 0, to: removal + 72, step: 0.25)
        let spontaneous = try PKSimulation.run(model, design: removed, outputTimes: times).readout(.withdrawal)!
        let after = times.indices.filter { times[$0] >= removal }
        let peak = after.max { spontaneous[$0] < spontaneous[$1] }!
        let targets = [
            ExperimentTarget(id: "dependence-63-percent-at-12h", kind: .validation,
                             description: "precipitated abstinence 12 h after implantation over that at 96 h (exponential development, time constant 12 h)",
                             observed: 1 - exp(-1), model: intensity[challengeHours.firstIndex(of: 12)!] / atFull, tolerance: 0.15, unit: "ratio"),
            ExperimentTarget(id: "dependence-95-percent-at-48h", kind: .validation,
                             description: "the same at 48 h (95 % complete at 48 h)",
                             observed: 0.95, model: intensity[challengeHours.firstIndex(of: 48)!] / atFull, tolerance: 0.15, unit: "ratio"),
            ExperimentTarget(id: "abstinence-peaks-12h-after-removal", kind: .validation,
                             description: "hours from the tablets' removal at 96 h to the most intense abstinence (12 h)",
                             observed: 12, model: times[peak] - removal, tolerance: 4, unit: "h"),
            ExperimentTarget(id: "spontaneous-peak-as-intense-as-challenge", kind: .validation,
                             description: "the spontaneous peak after removal over the challenge at 96 h with the tablets in place (comparable)",
                             observed: 1, model: spontaneous[peak] / atFull, tolerance: 0.3, unit: "ratio"),
        ]
        let panels = [
            ExperimentPanel(title: "Antagonist challenges after a 75 mg pellet (one group each)", xLabel: "hours after implantation",
                            yLabel: "precipitated withdrawal (ln units)", curves: [ExperimentSupport.curve("model", challengeHours, intensity)]),
            ExperimentPanel(title: "Pellet removed at 96 h", xLabel: "hours after implantation", yLabel: "withdrawal (ln units)",
                            curves: [ExperimentSupport.curve("model", times, spontaneous)]),
        ]
        return ExperimentResult(name: "pharmacology1974-rat-dependence-kinetics", targets: targets, panels: panels)
    }
}
