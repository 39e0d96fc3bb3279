import Foundation

extension Experiment {
    /// The TGF-β1-neutralising antibody of `chen2015-it-bmsc-nerve-injury`: its level (concentration
    /// over K_D, assumed) and the hours from it to the von Frey reading (assumed).
    static let chen2015AntibodyLevel = 1000.0
    static let chen2015HoursToReading = 3.0

    /// Chen G, Park CK, Xie RG, Ji RR. "Intrathecal bone marrow stromal cells inhibit neuropathic
    /// pain via TGF-β secretion." *J Clin Invest* 2015;125:3226–3240 (abstract; science.md §2.1):
    /// one intrathecal BMSC injection relieved the allodynia of CCI in mice for several weeks; the
    /// cells survived at the DRG for more than 2 months; neutralising TGF-β1 (not IL-10) removed the
    /// relief; TGF-β1 acted within minutes on neurons. Design: mouse CCI at day 0, 2.5×10⁵ BMSCs i.t.
    /// on day 4 [unverified: dose and day recalled], von Frey daily; a TGF-β1-neutralising antibody
    /// given intrathecally on day 14 and read 3 h later [unverified: the study read within hours;
    /// day and hour assumed]. The antibody's level, 1000 times its K_D, is an assumption (the dose
    /// was not read): about 1 µg of IgG in the 35–40 µL of a mouse's CSF is of order 100 nM, and a
    /// neutralising antibody binds TGF-β1 with a sub-nanomolar K_D [unverified]. The cells'
    /// survival fixed `HALF_MSC_IT` (calibration); everything else is validation (the MSC
    /// parameters came from the Hua rat arms, the injury parameters from the rat CCI of
    /// `cheng2017-cci-msc`).
    static let chen2015IntrathecalBMSC = Experiment(
        name: "chen2015-it-bmsc-nerve-injury",
        description: "mouse CCI, intrathecal BMSCs on day 4: allodynia relieved for weeks through TGF-beta1; cells survive > 2 months",
        citation: "Chen G et al., J Clin Invest 2015;125:3226-3240"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .mouse)
        let days = 63
        let cells = MSCSupport.chenMouseITCells
        let transplant = Administration.msc(CellTransplant(cells: cells, route: .it, atHours: 4 * 24))
        let untreated = try MSCSupport.injury(model, days: days)
        let treated = try MSCSupport.injury(model, days: days, extra: [transplant])
        let antibody = Administration.treatmentBolus(.antiTGFb1, level: chen2015AntibodyLevel, atHours: 14 * 24)
        let neutralised = try MSCSupport.injury(model, days: days, extra: [transplant, antibody])
        let reading = 14 * 24 + chen2015HoursToReading
        let untreatedAtReading = try MSCSupport.injury(model, atHours: [reading]).allodynia[0]
        let neutralisedAtReading = try MSCSupport.injury(model, atHours: [reading], extra: [transplant, antibody]).allodynia[0]
        let targets = [
            ExperimentTarget(id: "cci-allodynia", kind: .validation,
                             description: "von Frey threshold lost on day 4 after CCI, before the cells (mechanical allodynia; size not read: 30-80 %)",
                             observed: 0.5, model: untreated.allodynia[4], tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "relief-at-3-weeks", kind: .validation,
                             description: "share of the allodynia removed on day 21 by the cells (relief for several weeks)",
                             observed: 0.7, model: MSCSupport.relief(treated, untreated, day: 21), tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "anti-tgfb1-removes-relief", kind: .validation,
                             description: "share of the allodynia removed 3 h after neutralising TGF-beta1 on day 14 (relief gone: near 0)",
                             observed: 0, model: 1 - neutralisedAtReading / untreatedAtReading, tolerance: 0.3, unit: "fraction"),
            ExperimentTarget(id: "cells-survive-2-months", kind: .calibration,
                             description: "share of the injected cells alive on day 60 (more than 2 months after injection some survive)",
                             observed: 0.25, model: treated.cells[60] / cells, tolerance: 0.2, unit: "fraction"),
        ]
        let axis = (0...days).map(Double.init)
        let panels = [
            ExperimentPanel(title: "Mouse CCI, BMSCs i.t. on day 4 (Chen 2015 design)", xLabel: "day after injury", yLabel: "von Frey threshold lost (fraction)",
                            curves: [ExperimentSupport.curve("CCI", axis, untreated.allodynia),
                                     ExperimentSupport.curve("CCI + BMSC i.t.", axis, treated.allodynia, dashed: true),
                                     ExperimentSupport.curve("CCI + BMSC i.t. + anti-TGF-beta1 day 14", axis, neutralised.allodynia, dashed: true)]),
        ]
        return ExperimentResult(name: "chen2015-it-bmsc-nerve-injury", targets: targets, panels: panels)
    }
}
