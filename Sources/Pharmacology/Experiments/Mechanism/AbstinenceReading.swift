import Foundation

/// The course of spontaneous withdrawal after a last dose, read as clinical texts describe it:
/// when it becomes mild, when it is most intense, and when it is last at least mild (or, for
/// animals, at least a given fraction of its peak).
///
/// The syndrome `withdrawal` is the model's (Readout.withdrawal); "mild" is COWS 5, the lower
/// bound of the scale's mild band, below which withdrawal is commonly read as absent (clinical.md,
/// COWS bands). The last dose first relieves whatever withdrawal there was between doses, so the
/// onset is the first time after the least withdrawal within one dosing interval of the last dose
/// that the syndrome reaches mild again.
struct AbstinenceReading: Equatable {
    /// Mild withdrawal on the COWS scale: the lower bound of its mild band.
    static let mildCOWS = 5.0
    /// The syndrome that scores `mildCOWS`.
    static let mild = Readout.withdrawal(cows: mildCOWS)

    /// Hours from the last dose until withdrawal is mild again; infinite if it never is.
    let onsetHours: Double
    /// The largest syndrome after the last dose, and its time after the last dose, h.
    let peak: Double
    let peakHours: Double
    /// Hours from the last dose to the last time withdrawal is at least mild; `nil` if it never is.
    let endHours: Double?

    /// `times` increasing, h, with at least one at or after `lastDoseHours`; `withdrawal` at them.
    /// Onset and end are read at mild withdrawal (COWS 5).
    init(times: [Double], withdrawal: [Double], lastDoseHours: Double, dosingIntervalHours: Double) {
        self.init(times: times, withdrawal: withdrawal, lastDoseHours: lastDoseHours, dosingIntervalHours: dosingIntervalHours) { _ in Self.mild }
    }

    /// The same course with onset and end read at `fractionOfPeak` of its own peak (0 < fraction
    /// ≤ 1): for animals, whose signs have no clinical scale, "clearly manifest" and "over" are
    /// read against the syndrome's own size.
    init(times: [Double], withdrawal: [Double], lastDoseHours: Double, dosingIntervalHours: Double, fractionOfPeak: Double) {
        self.init(times: times, withdrawal: withdrawal, lastDoseHours: lastDoseHours, dosingIntervalHours: dosingIntervalHours) { $0 * fractionOfPeak }
    }

    private init(times: [Double], withdrawal: [Double], lastDoseHours: Double, dosingIntervalHours: Double, threshold: (Double) -> Double) {
        let after = times.indices.filter { times[$0] >= lastDoseHours }
        let peakIndex = after.max { withdrawal[$0] < withdrawal[$1] }!
        peak = withdrawal[peakIndex]
        peakHours = times[peakIndex] - lastDoseHours
        let level = threshold(peak)
        let relieved = after.filter { times[$0] <= lastDoseHours + dosingIntervalHours }.min { withdrawal[$0] < withdrawal[$1] }!
        onsetHours = after.first { $0 > relieved && withdrawal[$0] >= level }.map { times[$0] - lastDoseHours } ?? .infinity
        endHours = after.last { withdrawal[$0] >= level }.map { times[$0] - lastDoseHours }
    }
}
