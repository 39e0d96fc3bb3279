import Foundation

extension Experiment {
    /// Cheng J et al., AAPM 2017 (news release, 16 Mar 2017; full paper probably Liu L et al.,
    /// Mil Med 2017;182(S1):175 [unverified]; science.md §1.2): bone-marrow and adipose MSCs, IV or
    /// IT, gave powerful, long-lasting relief of the mechanical allodynia of sciatic CCI in rats.
    /// Design: rat CCI at day 0, 10⁶ cells IV or 2.5×10⁵ IT on day 7 [unverified: doses and day not
    /// read], von Frey daily to day 35. Bone-marrow and adipose cells enter alike (the model has no
    /// cell source). The untreated allodynia (its size on day 7 and that it persists through day
    /// 35, as CCI allodynia does for 1–2 months [unverified: general literature]) fixed the nerve-injury
    /// drive and its half-life (calibration); the relief by either route is validation.
    static let cheng2017CCIMSC = Experiment(
        name: "cheng2017-cci-msc",
        description: "rat CCI, MSCs IV or IT on day 7: long-lasting relief of mechanical allodynia by either route",
        citation: "Cheng J et al., AAPM 2017 (Liu L et al., Mil Med 2017;182(S1):175)"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .rat)
        let days = 35
        func transplant(_ cells: Double, _ route: CellTransplant.Route) -> [Administration] {
            [.msc(CellTransplant(cells: cells, route: route, atHours: 7 * 24))]
        }
        let untreated = try MSCSupport.injury(model, days: days)
        let iv = try MSCSupport.injury(model, days: days, extra: transplant(MSCSupport.huaRatIVCells, .iv))
        let it = try MSCSupport.injury(model, days: days, extra: transplant(MSCSupport.huaRatITCells, .it))
        let targets = [
            ExperimentTarget(id: "cci-allodynia-day-7", kind: .calibration,
                             description: "von Frey threshold lost on day 7 after CCI (size not read: 30-80 %)",
                             observed: 0.5, model: untreated.allodynia[7], tolerance: 0.2, unit: "fraction"),
            ExperimentTarget(id: "cci-allodynia-persists", kind: .calibration,
                             description: "allodynia on day 35 relative to day 7 (persists for weeks)",
                             observed: 0.85, model: untreated.allodynia[35] / max(untreated.allodynia[7], 1e-12), tolerance: 0.25, unit: "ratio"),
            ExperimentTarget(id: "iv-relief-day-21", kind: .validation,
                             description: "share of the allodynia removed on day 21 by IV cells (powerful, long-lasting relief: at least half; size not read)",
                             observed: 0.75, model: MSCSupport.relief(iv, untreated, day: 21), tolerance: 0.25, unit: "fraction"),
            ExperimentTarget(id: "it-relief-day-21", kind: .validation,
                             description: "the same by IT cells",
                             observed: 0.75, model: MSCSupport.relief(it, untreated, day: 21), tolerance: 0.25, unit: "fraction"),
            ExperimentTarget(id: "iv-relief-day-35", kind: .validation,
                             description: "share removed on day 35 by IV cells (still relieved four weeks later: at least half)",
                             observed: 0.75, model: MSCSupport.relief(iv, untreated, day: 35), tolerance: 0.25, unit: "fraction"),
        ]
        let axis = (0...days).map(Double.init)
        let panels = [
            ExperimentPanel(title: "Rat CCI, MSCs on day 7 (Cheng 2017 design)", xLabel: "day after injury", yLabel: "von Frey threshold lost (fraction)",
                            curves: [ExperimentSupport.curve("CCI", axis, untreated.allodynia),
                                     ExperimentSupport.curve("CCI + MSC IV", axis, iv.allodynia, dashed: true),
                                     ExperimentSupport.curve("CCI + MSC IT", axis, it.allodynia, dashed: true)]),
        ]
        return ExperimentResult(name: "cheng2017-cci-msc", targets: targets, panels: panels)
    }
}
