import Foundation

extension Experiment {
    /// Ferrini F, Trang T, Mattioli TA, … Salter MW, De Koninck Y. *Nat Neurosci* 2013;16:183–192
    /// (science.md §3.5): morphine hyperalgesia needs microglial P2X4 → BDNF → KCC2 down-regulation;
    /// mice without microglial BDNF had no OIH but normal tolerance. Design: mice, morphine
    /// 20 mg/kg i.p. once daily for 8 days (the mouse OIH protocol of Front Synaptic Neurosci 2021,
    /// PMC8637419, extended to the 6–8 days in which OIH appears, Ferrini 2017) [unverified: the
    /// 2013 protocol was not read], von Frey before each dose. The size of OIH in wild-type mice is
    /// not read; the rat's ~30 % fall of the von Frey threshold within days (remifentanil, science.md
    /// §3.5) gives its range. No parameter was chosen from this study: every target is validation.
    static let ferrini2013BDNFKnockout = Experiment(
        name: "ferrini2013-bdnf-knockout",
        description: "mouse morphine 20 mg/kg i.p. daily 8 days, wild type vs microglial BDNF knockout: OIH needs BDNF, tolerance does not",
        citation: "Ferrini F et al., Nat Neurosci 2013;16:183-192"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .mouse)
        let days = 9
        let dose = DoseAmount(20, .mgPerKg)
        let wild = try MechanismSupport.daily(model, amount: dose, route: .ip, days: days, readout: .vonFrey)
        let knockout = try MechanismSupport.daily(model, amount: dose, route: .ip, days: days, knockouts: [.microglialBDNF], readout: .vonFrey)
        let baseline = wild.beforeDose[0]
        let fallWild = 1 - wild.beforeDose[8] / baseline
        let fallKnockout = 1 - knockout.beforeDose[8] / baseline
        let targets = [
            ExperimentTarget(id: "oih-in-wild-type", kind: .validation,
                             description: "fall of the von Frey threshold before the day-9 dose, wild type (OIH; size not read: 10-50 %)",
                             observed: 0.3, model: fallWild, tolerance: 0.2, unit: "fraction"),
            ExperimentTarget(id: "no-oih-without-bdnf", kind: .validation, description: "the same fall in BDNF-knockout mice (none)",
                             observed: 0, model: fallKnockout, tolerance: 0.05, unit: "fraction"),
            ExperimentTarget(id: "tolerance-intact-without-bdnf", kind: .validation,
                             description: "tolerance (EC50 fold) on day 9, knockout / wild type (unchanged)",
                             observed: 1, model: knockout.tolerance[8] / wild.tolerance[8], tolerance: 0.1, unit: "ratio"),
        ]
        let axis = MechanismSupport.dayAxis(days)
        let panel = ExperimentPanel(
            title: "Mouse von Frey before each dose (Ferrini 2013 design)", xLabel: "day", yLabel: "50% withdrawal threshold (g)",
            curves: [ExperimentSupport.curve("wild type", axis, wild.beforeDose), ExperimentSupport.curve("microglial BDNF knockout", axis, knockout.beforeDose, dashed: true)])
        return ExperimentResult(name: "ferrini2013-bdnf-knockout", targets: targets, panels: [panel])
    }
}
