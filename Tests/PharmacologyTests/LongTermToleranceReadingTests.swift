import Foundation
import Testing
@testable import Pharmacology

/// The reading of a tolerance course (`jpet1977-single-dose-tolerance`) on courses whose answer is
/// known in closed form.
@Suite struct LongTermToleranceReadingTests {
    /// s(t) = (t/τ)·e^(1 − t/τ) rises to 1 at t = τ, then falls; it is below a tenth after its
    /// peak where (t/τ)·e^(1 − t/τ) = 0.1, t/τ = 4.8897…, found here by bisection.
    @Test func peakAndRecoveryOfAGammaShapedCourse() throws {
        let tau = 72.0
        let times = gridHours(from: 0, to: 40 * 24, step: 0.25)
        let shift = times.map { ($0 / tau) * exp(1 - $0 / tau) }
        let reading = LongTermToleranceReading(times: times, shift: shift, lastDoseHours: 0)
        #expect(abs(reading.peak - 1) < 1e-6)
        #expect(abs(reading.peakHours - tau) < 0.25)
        var (low, high) = (1.0, 20.0)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if middle * exp(1 - middle) > 0.1 { low = middle } else { high = middle }
        }
        let recovery = try #require(reading.recoveryHours)
        #expect(abs(recovery - low * tau) <= 0.25, "\(recovery) h against \(low * tau) h")
    }

    /// The first 24 h after the last dose are not long-term: a spike there is not the peak, and the
    /// clock runs from the last dose. A course that levels off above a tenth never recovers.
    @Test func theFirstDayIsAcuteAndAPlateauNeverRecovers() {
        let last = 100.0
        let times = gridHours(from: 0, to: last + 30 * 24, step: 1)
        let shift = times.map { t -> Double in
            let since = t - last
            return (since >= 0 && since < 24 ? 5 : 0) + 0.5 * exp(-max(0, since) / 48) + 0.2
        }
        let reading = LongTermToleranceReading(times: times, shift: shift, lastDoseHours: last)
        #expect(reading.peakHours == 24)
        #expect(abs(reading.peak - (0.5 * exp(-0.5) + 0.2)) < 1e-12)
        #expect(reading.recoveryHours == nil)
    }
}
