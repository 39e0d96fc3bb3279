import Foundation

extension Experiment {
    /// Lee RH, Pulin AA, Seo MJ, … Prockop DJ. *Cell Stem Cell* 2009;5:54–63 and Eggenhofer E et al.
    /// *Front Immunol* 2012;3:297 (science.md §2.3): MSCs given IV lodge in the lung as emboli —
    /// most of the dose at first — and disappear with a half-life of about a day; after a few days
    /// almost none are left (at 24 h Eggenhofer found the label mainly in the liver, as debris).
    /// Design: 2×10⁶ human MSCs IV in a mouse (Lee 2009). These observations fixed `F_MSC_LUNG` and
    /// `HALF_MSC_LUNG` (calibration); the IT arm contrasts the cells' long survival at the DRG.
    static let lee2009LungKinetics = Experiment(
        name: "lee2009-iv-lung-kinetics",
        description: "mouse 2x10^6 MSCs IV: trapped in the lung, half gone by a day, nearly none after 4 days; IT cells stay",
        citation: "Lee RH et al., Cell Stem Cell 2009;5:54-63; Eggenhofer E et al., Front Immunol 2012;3:297"
    ) { () throws(PharmacologyError) in
        let model = try PKLibrary.model(.morphine, .mouse)
        let cells = 2e6
        let times = gridHours(from: 0, to: 14 * 24, step: 2)
        let iv = try PKSimulation.run(model, design: DosingDesign([.msc(CellTransplant(cells: cells, route: .iv, atHours: 0))]), outputTimes: times)
        let it = try PKSimulation.run(model, design: DosingDesign([.msc(CellTransplant(cells: cells, route: .it, atHours: 0))]), outputTimes: times)
        guard let lung = iv.column("msc_lung"), let meninges = it.column("msc_it") else {
            throw .invalidDesign("\(model.name) has no MSC pathway")
        }
        func at(_ hours: Double, _ series: [Double]) -> Double { series[times.firstIndex(of: hours)!] / cells }
        let targets = [
            ExperimentTarget(id: "lung-at-first", kind: .calibration,
                             description: "share of the IV dose in the lung right after injection (most; 0.8-0.99)",
                             observed: 0.9, model: at(0, lung), tolerance: 0.1, unit: "fraction"),
            ExperimentTarget(id: "lung-half-gone-by-a-day", kind: .calibration,
                             description: "lung cells at 24 h relative to just after injection (half-life about a day)",
                             observed: 0.5, model: at(24, lung) / at(0, lung), tolerance: 0.15, unit: "fraction"),
            ExperimentTarget(id: "lung-empty-by-4-days", kind: .calibration,
                             description: "share of the IV dose still in the lung at 96 h (no viable cells after a few days)",
                             observed: 0, model: at(96, lung), tolerance: 0.1, unit: "fraction"),
        ]
        let axis = times.map { $0 / 24 }
        let panel = ExperimentPanel(title: "MSCs in the mouse by route (Lee 2009; Chen 2015)", xLabel: "day", yLabel: "share of the cells given",
                                    curves: [ExperimentSupport.curve("IV: lung", axis, lung.map { $0 / cells }),
                                             ExperimentSupport.curve("IT: DRG and meninges", axis, meninges.map { $0 / cells }, dashed: true)])
        return ExperimentResult(name: "lee2009-iv-lung-kinetics", targets: targets, panels: [panel])
    }
}
