import Foundation

extension Experiment {
    /// Schuh KJ, Walsh SL, Bigelow GE, Preston KL, Stitzer ML. "Buprenorphine, morphine and
    /// naloxone effects during ascending morphine maintenance in humans." *J Pharmacol Exp Ther*
    /// 1996;278:836–846 (abstract): six opioid-dependent volunteers were maintained on morphine
    /// 15, 30, 60 and 120 mg a day, two weeks at each, and challenged with morphine 30 mg i.m.,
    /// buprenorphine 6 mg i.m. and naloxone 0.3 mg. Naloxone produced little effect at the lower
    /// maintenance doses but precipitated withdrawal at the higher; buprenorphine failed to
    /// precipitate withdrawal even on 120 mg a day.
    ///
    /// Design [assumed: the abstract gives neither the maintenance route and schedule, the
    /// naloxone route, nor the challenge times]: morphine i.m. in four doses 6 h apart, the daily
    /// amount rising every 14 days, in a 70-kg subject; on copies of the subject the challenge
    /// replaces the first dose of the level's 14th day (6 h after the last; the doses after it go
    /// on), buprenorphine given IV (the model has no i.m. buprenorphine: i.m. bioavailability is
    /// comparable to IV's, Swiss Temgesic label, reg. 41931; the absorption's speed not read,
    /// taken as minutes), naloxone i.m. through its kinetics. Precipitated withdrawal is the
    /// largest COWS excess over the placebo session within 4 h. Readings: "failed to
    /// precipitate" and "little effect" as below 3 COWS points (0 ± 3); "precipitated" as at least
    /// 3 (capped at 8: 8 ± 5, as `eissenberg1996-buprenorphine-naloxone` reads "significant").
    /// Every target is validation, held out: written from the abstract once the model could carry
    /// two opioids, and run once. [Disclosed: before writing it the same session had run, as
    /// scenarios, buprenorphine 2 and 6 mg IV and naloxone 0.3 mg i.m. 6 h after the last of two
    /// weeks of morphine i.m. every 6 h at each of the four levels, each level from the start.]
    static let schuh1996AscendingMorphineChallenges = Experiment(
        name: "schuh1996-ascending-morphine-challenges",
        description: "human morphine 15, 30, 60 then 120 mg/day i.m., two weeks each; buprenorphine 6 mg or naloxone 0.3 mg in place of a dose at each level",
        citation: "Schuh KJ et al., J Pharmacol Exp Ther 1996;278:836-846 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .human)
        let weight = 70.0, levelHours = 14 * 24.0, interval = 6.0
        let levels = [15.0, 30, 60, 120]
        var buprenorphine: [Double] = [], naloxone: [Double] = []
        for (index, daily) in levels.enumerated() {
            let challenge = Double(index) * levelHours + levelHours - 24
            let dose = DoseAmount(daily / 4, .mg)
            var maintenance: [Administration] = []
            for (level, amount) in levels.prefix(index + 1).enumerated() {
                let from = Double(level) * levelHours
                maintenance.append(.repeated(DoseAmount(amount / 4, .mg), route: .im, everyHours: interval, fromHours: from,
                                             toHours: level == index ? challenge : from + levelHours))
            }
            maintenance.append(.repeated(dose, route: .im, everyHours: interval, fromHours: challenge + interval, toHours: challenge + 24))
            let placebo = DosingDesign(maintenance, weightKilograms: weight)
            var withBuprenorphine = placebo
            withBuprenorphine.coadministration = Coadministration(.buprenorphine, [.dose(DoseAmount(6, .mg), route: .iv, atHours: challenge)])
            let withNaloxone = DosingDesign(maintenance + [.treatmentDose(.naloxone, DoseAmount(0.3, .mg), route: .im, atHours: challenge)],
                                            weightKilograms: weight)
            buprenorphine.append(try PKSimulation.excessOverPlacebo(model, placebo: placebo, challenged: withBuprenorphine, at: challenge, windowHours: 4))
            naloxone.append(try PKSimulation.excessOverPlacebo(model, placebo: placebo, challenged: withNaloxone, at: challenge, windowHours: 4))
        }
        let targets = [
            ExperimentTarget(id: "buprenorphine-none-on-120-mg", kind: .validation,
                             description: "largest COWS excess over placebo within 4 h of buprenorphine 6 mg on morphine 120 mg/day (failed to precipitate: below 3)",
                             observed: 0, model: buprenorphine[3], tolerance: 3, unit: "COWS points"),
            ExperimentTarget(id: "naloxone-precipitates-on-120-mg", kind: .validation,
                             description: "the same after naloxone 0.3 mg i.m., capped at 8 (precipitated: at least 3)",
                             observed: 8, model: min(naloxone[3], 8), tolerance: 5, unit: "COWS points"),
            ExperimentTarget(id: "naloxone-little-on-15-mg", kind: .validation,
                             description: "the same after naloxone 0.3 mg i.m. on morphine 15 mg/day (little effect: below 3)",
                             observed: 0, model: naloxone[0], tolerance: 3, unit: "COWS points"),
        ]
        let panel = ExperimentPanel(title: "Ascending morphine maintenance: challenges in place of a dose (Schuh 1996 design)",
                                    xLabel: "morphine maintenance, mg/day i.m.", yLabel: "COWS excess over placebo within 4 h",
                                    curves: [ExperimentSupport.curve("buprenorphine 6 mg", levels, buprenorphine),
                                             ExperimentSupport.curve("naloxone 0.3 mg i.m.", levels, naloxone, dashed: true)])
        return ExperimentResult(name: "schuh1996-ascending-morphine-challenges", targets: targets, panels: [panel])
    }
}
