import Foundation

extension Experiment {
    /// Di Cesare Mannelli L, Corti F, Micheli L, Zanardelli M, Ghelardini C. "Delay of morphine
    /// tolerance by palmitoylethanolamide." *BioMed Res Int* 2015;2015:894732 (abstract): rats,
    /// morphine 10 mg/kg i.p. daily; PEA 30 mg/kg s.c. daily doubled the number of days morphine
    /// stayed effective and prevented the rise of microglia and astrocytes in the dorsal horn.
    /// PEA enters as a glial inhibitor held from the first day at a level chosen to meet the
    /// doubling (the study's dose–level relation is not modelled), so the doubling is a
    /// calibration target; that the vehicle group loses efficacy within about a week (science.md
    /// §6) is another; the glial count is a validation target.
    static let dicesaremannelli2015PEATolerance = Experiment(
        name: "dicesaremannelli2015-pea-tolerance",
        description: "rat morphine 10 mg/kg i.p. daily with or without the glial inhibitor PEA: days of efficacy, glial activation",
        citation: "Di Cesare Mannelli L et al., BioMed Res Int 2015:894732"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let days = 24
        let dose = DoseAmount(10, .mgPerKg)
        let vehicle = try MechanismSupport.daily(model, amount: dose, route: .ip, days: days)
        let pea = try MechanismSupport.daily(model, amount: dose, route: .ip, days: days,
                                             extra: [.treatment(.pea, level: peaLevel, fromHours: -24, toHours: Double(days) * 24)])
        let vehicleDays = MechanismSupport.effectiveDays(vehicle.afterDose)
        let peaDays = MechanismSupport.effectiveDays(pea.afterDose)
        let checkDay = min(days - 1, max(1, Int(vehicleDays.rounded())))
        let targets = [
            ExperimentTarget(id: "vehicle-effective-days", kind: .calibration,
                             description: "days morphine stays effective without PEA (loss within about a week)",
                             observed: 6, model: vehicleDays, tolerance: 2, unit: "days"),
            ExperimentTarget(id: "pea-doubles-effective-days", kind: .calibration, description: "days of efficacy with PEA / without (doubled)",
                             observed: 2, model: peaDays / max(1, vehicleDays), tolerance: 0.4, unit: "ratio"),
            ExperimentTarget(id: "pea-prevents-glial-activation", kind: .validation,
                             description: "glial activation with PEA relative to without, on the day the vehicle group loses efficacy (rise prevented: below half)",
                             observed: 0.25, model: pea.glia[checkDay] / max(vehicle.glia[checkDay], 1e-12), tolerance: 0.25, unit: "fraction"),
        ]
        let axis = MechanismSupport.dayAxis(days)
        let panels = [
            ExperimentPanel(title: "Rat morphine 10 mg/kg i.p. daily (Di Cesare Mannelli 2015)", xLabel: "day", yLabel: "%MPE 30 min after the dose",
                            curves: [ExperimentSupport.curve("morphine + vehicle", axis, vehicle.afterDose),
                                     ExperimentSupport.curve("morphine + PEA", axis, pea.afterDose, dashed: true)]),
            ExperimentPanel(title: "Spinal glial activation before each dose", xLabel: "day", yLabel: "glia (fraction of maximal)",
                            curves: [ExperimentSupport.curve("morphine + vehicle", axis, vehicle.glia),
                                     ExperimentSupport.curve("morphine + PEA", axis, pea.glia, dashed: true)]),
        ]
        return ExperimentResult(name: "dicesaremannelli2015-pea-tolerance", targets: targets, panels: panels)
    }

    /// The glial-inhibition level standing for PEA 30 mg/kg s.c. daily (calibrated to the doubling
    /// of effective days in Di Cesare Mannelli 2015).
    static let peaLevel = 0.2507
}
