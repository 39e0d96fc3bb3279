import Foundation

/// Shared designs of the MSC and nerve-injury experiments (science.md §1–2; research/hua2016.md).
enum MSCSupport {
    /// Cells per rat by route in the Hua 2016 designs: of order 10⁶ IV and 10⁵–5×10⁵ IT per rat
    /// [unverified: recalled, research/hua2016.md §6 — the paper's Methods could not be read].
    static let huaRatIVCells = 1e6
    static let huaRatITCells = 2.5e5
    /// Cells per mouse, intrathecal: about 2.5×10⁵ BMSCs in 10 µl (Chen 2015) [unverified: recalled,
    /// science.md §2.1].
    static let chenMouseITCells = 2.5e5

    /// Fraction of the effect lost by `lostAt` that is back at `at`, relative to the day-1 effect:
    /// (E(at) − E(lost)) / (E(day 1) − E(lost)). 1: fully restored; 0: still tolerant.
    static func restoredFraction(_ afterDose: [Double], lostAt: Int, at: Int) -> Double {
        let lost = afterDose[0] - afterDose[lostAt]
        return lost > 1e-9 ? (afterDose[at] - afterDose[lostAt]) / lost : .nan
    }

    /// A nerve injury at 0 h with `extra` administrations: the fraction of the von Frey threshold
    /// lost (`hyperalgesia`) at each output, and the trajectory's MSC cells.
    struct InjuryRun {
        var allodynia: [Double]
        var cells: [Double]
    }

    /// `injury(_:_:atHours:extra:)` read at each whole day 0…`days`.
    static func injury(_ model: OpioidModel, _ kind: NerveInjury = .cci, days: Int, extra: [Administration] = []) throws(PharmacologyError) -> InjuryRun {
        try injury(model, kind, atHours: (0...days).map { Double($0) * 24 }, extra: extra)
    }

    static func injury(_ model: OpioidModel, _ kind: NerveInjury = .cci, atHours times: [Double], extra: [Administration] = []) throws(PharmacologyError) -> InjuryRun {
        let run = try PKSimulation.run(model, design: DosingDesign([.nerveInjury(kind, atHours: 0)] + extra), outputTimes: times)
        guard let allodynia = run.readout(.oih), let cells = run.readout(.mscCells) else {
            throw .invalidDesign("\(model.name) has no mechanistic readouts")
        }
        return InjuryRun(allodynia: allodynia, cells: cells)
    }

    /// Share of the untreated allodynia removed by a treatment on day `day`: 1 − treated/untreated.
    static func relief(_ treated: InjuryRun, _ untreated: InjuryRun, day: Int) -> Double {
        untreated.allodynia[day] > 1e-9 ? 1 - treated.allodynia[day] / untreated.allodynia[day] : .nan
    }
}
