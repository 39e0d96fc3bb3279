import Foundation

/// Shared steps of the PK experiments: run a design on a library model, summarise a profile.
enum ExperimentSupport {
    /// Plasma concentration, ng/mL, of `model` under `design` at `times`.
    static func plasma(_ model: OpioidModel, _ design: DosingDesign, times: [Double]) throws(PharmacologyError) -> [Double] {
        let trajectory = try PKSimulation.run(model, design: design, outputTimes: times)
        return trajectory.column("Cp")!.map { $0 * 1000 }
    }

    /// The NCA summary of a profile, or an error saying why there is none.
    static func summary(_ times: [Double], _ values: [Double], terminal: ClosedRange<Double>, what: String) throws(PharmacologyError) -> PKSummary {
        guard let summary = PKSummary(times: times, values: values, terminalWindow: terminal) else {
            throw .invalidDesign("\(what): no terminal phase in \(terminal.lowerBound)–\(terminal.upperBound) h")
        }
        return summary
    }

    /// Tolerance for a value reported without a spread (`ExperimentTarget.betweenStudyRelativeTolerance`).
    static func betweenStudy(_ observed: Double) -> Double { abs(observed) * ExperimentTarget.betweenStudyRelativeTolerance }

    /// An IV bolus and infusion that bring plasma to `milligramsPerLiter` at once and hold it from
    /// `fromHours` to `toHours` in a subject of `weightKilograms`, as a target-controlled infusion
    /// does: the bolus fills the volume named `volume` (L at 70 kg, scaled by weight), the
    /// infusion replaces what the clearance named `clearance` (L/h at 70 kg, scaled by weight to
    /// the 3/4 power) removes. Exact for one compartment; for more, plasma dips while the
    /// peripheral ones fill.
    static func heldPlasmaLevel(_ model: OpioidModel, milligramsPerLiter level: Double, fromHours: Double, toHours: Double,
                                weightKilograms weight: Double, volume: String, clearance: String) throws(PharmacologyError) -> [Administration] {
        guard let volumeAt70 = model.parameterValue(volume), let clearanceAt70 = model.parameterValue(clearance) else {
            throw .invalidDesign("internal: \(model.file) lacks \(volume) or \(clearance)")
        }
        return [
            .dose(DoseAmount(level * volumeAt70 * weight / 70, .mg), route: .iv, atHours: fromHours),
            .infusion(DoseRate(level * clearanceAt70 * pow(weight / 70, 0.75), .mgPerHour), route: .iv, fromHours: fromHours, toHours: toHours),
        ]
    }

    /// A model curve for a panel.
    static func curve(_ name: String, _ x: [Double], _ y: [Double], dashed: Bool = false) -> ExperimentPanel.Curve {
        ExperimentPanel.Curve(name: name, x: x, y: y, dashed: dashed)
    }
}
