import Foundation

extension Experiment {
    /// Varvel JR, Shafer SL, Hwang SS, Coen PA, Stanski DR. "Absorption characteristics of
    /// transdermally administered fentanyl." *Anesthesiology* 1989;70:928–934 (authors [unverified];
    /// pk-more.md §1.7): a nominal 100 µg/h patch worn 24 h; F 0.92 ± 0.33 of the nominal dose
    /// delivered; apparent t½ after removal 17.0 ± 2.3 h; 1.07 ± 0.43 mg left in the skin at
    /// removal; absorption 91.7 ± 25.7 µg/h (calibration of the patch's release and skin depot).
    /// Validation against Grond S, Radbruch L, Lehmann KA, *Clin Pharmacokinet* 2000;38:59–89
    /// (authors [unverified]): for a 72-h patch, Cmax at 12–48 h and t½ after removal 13–25 h; and
    /// against Marquardt KA, Tharratt RS, Musallam NA, *Ann Pharmacother* 1995;29:969–971
    /// (abstract): nine patches worn 3 days by hospice patients still held 28–84.4 % of their
    /// content.
    static let varvel1989FentanylPatch = Experiment(
        name: "varvel1989-fentanyl-patch",
        description: "human fentanyl patch 100 ug/h for 24 h, and 72 h: rise, skin depot, decline after removal",
        citation: "Varvel JR et al., Anesthesiology 1989;70:928-934"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.fentanyl, .human)
        let strength = DoseRate(100, .mcgPerHour)
        let times = gridHours(from: 0, to: 96, step: 0.25)
        let design = DosingDesign([.patch(strength: strength, fromHours: 0, toHours: 24)], weightKilograms: 70)
        let trajectory = try PKSimulation.run(model, design: design, outputTimes: times)
        let plasma = trajectory.column("Cp")!.map { $0 * 1000 }
        let afterRemoval = try ExperimentSupport.summary(times, plasma, terminal: 36...72, what: "fentanyl after patch removal")
        let skinAtRemoval = trajectory.value("skin", at: 24)!
        guard let load = model.parameterValue("PATCH_LOAD") else {
            throw .invalidDesign("internal: \(model.file) has no PATCH_LOAD")
        }
        let nominal = strength.milligramsPerHour(forWeightKilograms: 70)  // mg/h
        let content = nominal * load
        let deliveredShare = (content - trajectory.value("patch_residue", at: 24)!) / (nominal * 24)
        let absorptionAt24Hours = trajectory.value("absorption", at: 23.99)! * 1000
        let longTimes = gridHours(from: 0, to: 144, step: 0.25)
        let longRun = try PKSimulation.run(model, design: DosingDesign([.patch(strength: strength, fromHours: 0, toHours: 72)], weightKilograms: 70),
                                           outputTimes: longTimes)
        let long = longRun.column("Cp")!.map { $0 * 1000 }
        let leftAfter72Hours = longRun.value("patch_residue", at: 72)! / content
        let longSummary = try ExperimentSupport.summary(longTimes, long, terminal: 84...120, what: "fentanyl after a 72-h patch")
        let targets = [
            ExperimentTarget(id: "delivered-share-24h", kind: .calibration,
                             description: "drug delivered by the 24-h patch as a share of its nominal dose, F (mean ± SD)",
                             observed: 0.92, model: deliveredShare, tolerance: 0.33, unit: "fraction"),
            ExperimentTarget(id: "half-life-after-removal", kind: .calibration,
                             description: "apparent half-life after removal of a 24-h patch (mean ± SD)",
                             observed: 17.0, model: afterRemoval.halfLife, tolerance: 2.3, unit: "h"),
            ExperimentTarget(id: "skin-depot-at-removal", kind: .calibration,
                             description: "fentanyl left in the skin when the 24-h patch is removed (mean ± SD)",
                             observed: 1.07, model: skinAtRemoval, tolerance: 0.43, unit: "mg"),
            ExperimentTarget(id: "absorption-rate-24h", kind: .calibration,
                             description: "absorption rate into plasma just before removal of the 100 ug/h patch (mean ± SD)",
                             observed: 91.7, model: absorptionAt24Hours, tolerance: 25.7, unit: "ug/h"),
            ExperimentTarget(id: "tmax-72h-patch", kind: .validation,
                             description: "time to Cmax of a 72-h patch, 12-48 h (Grond 2000)",
                             observed: 30, model: longSummary.tmax, tolerance: 18, unit: "h"),
            ExperimentTarget(id: "half-life-after-72h-patch", kind: .validation,
                             description: "half-life after removal of a 72-h patch, 13-25 h (Grond 2000)",
                             observed: 19, model: longSummary.halfLife, tolerance: 6, unit: "h"),
            ExperimentTarget(id: "content-left-after-72h", kind: .validation,
                             description: "share of its content a patch still holds after 72 h of wear, 28-84 % (Marquardt 1995)",
                             observed: 0.56, model: leftAfter72Hours, tolerance: 0.28, unit: "fraction"),
        ]
        let panels = [
            ExperimentPanel(title: "Fentanyl 100 ug/h patch worn 24 h", xLabel: "time (h)", yLabel: "plasma fentanyl (ng/mL)",
                            curves: [ExperimentSupport.curve("24-h patch", times, plasma),
                                     ExperimentSupport.curve("72-h patch", longTimes, long, dashed: true)]),
        ]
        return ExperimentResult(name: "varvel1989-fentanyl-patch", targets: targets, panels: panels)
    }
}
