import Foundation

extension Experiment {
    /// Bhargava HN et al. "Brain serotonin turnover and morphine tolerance-dependence induced by
    /// multiple injections in the rat." *Eur J Pharmacol* 1977;44:25–33 (abstract): morphine
    /// sulfate i.p. twice daily for 14 days in increasing doses, the last 200 mg/kg, gave a 4-fold
    /// tolerance (the dose of morphine needed for analgesia), a tolerance and dependence
    /// (naloxone ED50 for withdrawal jumping) comparable to those of two 75 mg morphine pellets
    /// implanted for 3 days — "a mild degree" of both.
    ///
    /// Design [unverified: only the abstract was read]: 28 injections 12 h apart, rising
    /// geometrically from 10 mg/kg (the starting dose was not read) to 200 mg/kg, the salt's dose
    /// taken as morphine; the dose-response test (s.c., each dose to its own rat) 12 h after the
    /// last injection (the abstract times its other measurements 6 or 12 h after it); the pellet
    /// arm tested 72 h after implantation with the pellets in place. Dependence is compared by the
    /// withdrawal an antagonist bolus of 100 times its K_i precipitates at the same times (as in
    /// `pharmacology1974-rat-dependence-kinetics`), standing for the naloxone ED50 the study
    /// measured. Validation, held out: written from the abstract and run once. Shifts ±50 % as
    /// for the other rat and mouse shifts; "comparable" read as a ratio of 1 ± 0.5.
    static let bhargava1977RatMultipleInjections = Experiment(
        name: "bhargava1977-rat-multiple-injections",
        description: "rat morphine i.p. twice daily for 14 days rising to 200 mg/kg, or two 75 mg pellets for 3 days: tolerance and dependence",
        citation: "Bhargava HN et al., Eur J Pharmacol 1977;44:25-33 (abstract)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let injectionCount = 28
        let growth = pow(200.0 / 10.0, 1.0 / Double(injectionCount - 1))
        let injections: [Administration] = (0..<injectionCount).map {
            .dose(DoseAmount(10 * pow(growth, Double($0)), .mgPerKg), route: .ip, atHours: Double($0) * 12)
        }
        let injectionTestHours = Double(injectionCount - 1) * 12 + 12
        let pellets: [Administration] = (0..<2).map { _ in .pellet(DoseAmount(75, .mg), atHours: 0, removeHours: nil) }
        let pelletTestHours = 72.0
        let challenge = (-2..<12).map { pow(2, Double($0)) }
        func shift(_ regimen: [Administration], at hours: Double) throws(PharmacologyError) -> PotencyShift {
            PotencyShift(try DoseResponseTest(atHours: hours, doses: challenge, unit: .mgPerKg, route: .sc).run(model, design: DosingDesign(regimen)))
        }
        let injected = try shift(injections, at: injectionTestHours)
        let implanted = try shift(pellets, at: pelletTestHours)
        let weight = Species.rat.defaultWeightKilograms
        func precipitated(_ regimen: [Administration], at hours: Double) throws(PharmacologyError) -> Double {
            try MechanismSupport.antagonistChallenge(model, regimen, level: 100, atHours: hours, weightKilograms: weight)
        }
        let injectedDependence = try precipitated(injections, at: injectionTestHours)
        let implantedDependence = try precipitated(pellets, at: pelletTestHours)
        let targets = [
            ExperimentTarget(id: "injections-4-fold-tolerance", kind: .validation,
                             description: "ED50 12 h after the last of 28 rising injections / naive ED50 (4-fold; ±50 %)" + injected.lowerBoundNote,
                             observed: 4, model: injected.fold, tolerance: 2, unit: "ratio"),
            ExperimentTarget(id: "pellets-comparable-tolerance", kind: .validation,
                             description: "ED50 shift with two 75 mg pellets for 3 days over the injections' (comparable: 1 ± 0.5)" + implanted.lowerBoundNote + injected.lowerBoundNote,
                             observed: 1, model: implanted.fold / injected.fold, tolerance: 0.5, unit: "ratio"),
            ExperimentTarget(id: "pellets-comparable-dependence", kind: .validation,
                             description: "withdrawal precipitated by an antagonist (100 x K_i) with the pellets at 72 h over that 12 h after the injections (comparable: 1 ± 0.5)",
                             observed: 1, model: implantedDependence / injectedDependence, tolerance: 0.5, unit: "ratio"),
        ]
        let panel = injected.panel(
            title: "Rat tail flick, naive and 12 h after 14 days of rising injections", testedLabel: "after the injections",
            observations: ExperimentPanel.Observations(
                name: "ED50 fold 4 (Bhargava 1977)", x: injected.result.ed50Naive.map { [$0 * 4] } ?? [], y: injected.result.ed50Naive.map { _ in [50] } ?? [],
                lower: nil, upper: nil))
        return ExperimentResult(name: "bhargava1977-rat-multiple-injections", targets: targets, panels: [panel])
    }
}
