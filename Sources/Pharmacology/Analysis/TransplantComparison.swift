/// What one MSC transplant does to a subject on a given regimen: the same design run with and
/// without the transplant, read at chosen times (science.md §1; research/trials.md for human cell
/// doses). The Swift API under the clinic's and the trials' questions — "what would IV cells at
/// 1.5×10⁶/kg do to this patient's tolerance, OIH and pain, and to their taper?".
///
/// Human predictions extrapolate: the MSC mediator and memory parameters come from rodent
/// experiments (Hua 2016), scaled per kg of body weight [unverified: no human opioid-tolerance
/// trial of MSCs has reported]; see docs/model.md, "MSC therapy".
public struct TransplantComparison: Sendable {
    /// One readout at one time, without and with the transplant.
    public struct Row: Sendable, Equatable {
        public var hours: Double
        public var readout: Readout
        public var without: Double
        public var with: Double
    }

    public var transplant: CellTransplant
    public var rows: [Row]

    /// Runs `design` on `model` without and with `transplant`, reading `readouts` at `hours`
    /// (increasing). Readouts the species lacks are skipped.
    public static func run(_ model: OpioidModel, design: DosingDesign, transplant: CellTransplant,
                           readouts: [Readout], hours: [Double]) throws(PharmacologyError) -> TransplantComparison {
        var treated = design
        treated.administrations.append(.msc(transplant))
        let without = try PKSimulation.run(model, design: design, outputTimes: hours)
        let with = try PKSimulation.run(model, design: treated, outputTimes: hours)
        var rows: [Row] = []
        for readout in readouts where readout.applies(to: model.species) {
            guard let a = without.readout(readout), let b = with.readout(readout) else { continue }
            for index in hours.indices {
                rows.append(Row(hours: hours[index], readout: readout, without: a[index], with: b[index]))
            }
        }
        return TransplantComparison(transplant: transplant, rows: rows)
    }
}
