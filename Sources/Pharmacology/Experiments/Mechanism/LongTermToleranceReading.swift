import Foundation

/// How a tolerance course is read: long-term tolerance is what is left from 24 h after the last
/// dose, when the drug has gone; its peak is the largest shift from then on, and recovery the
/// first time after the peak that the shift is below a tenth of it (as
/// `dicesaremannelli2018-tolerance-recovery` reads full recovery).
struct LongTermToleranceReading: Equatable {
    /// The largest long-term shift (EC50 fold − 1).
    let peak: Double
    /// Its time after the last dose, h.
    let peakHours: Double
    /// Hours from the last dose to recovery; `nil` if the course never falls so far.
    let recoveryHours: Double?

    /// `times` increasing, h, at least one of them 24 h or more after `lastDoseHours`.
    init(times: [Double], shift: [Double], lastDoseHours: Double) {
        let longTerm = times.indices.filter { times[$0] >= lastDoseHours + 24 }
        let peakIndex = longTerm.max { shift[$0] < shift[$1] }!
        peak = shift[peakIndex]
        peakHours = times[peakIndex] - lastDoseHours
        let threshold = 0.1 * peak
        recoveryHours = longTerm.first { $0 > peakIndex && shift[$0] < threshold }.map { times[$0] - lastDoseHours }
    }
}
