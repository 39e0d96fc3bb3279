import Foundation
import Testing
@testable import Pharmacology

/// The reading of a withdrawal course (`kolb1938-morphine-abstinence`,
/// `martin1973-methadone-abstinence`, the rat courses of `martin1963-rat-abstinence` and
/// `stinus1998-rat-abstinence`) on courses whose answer is known in closed form.
@Suite struct AbstinenceReadingTests {
    /// w(s) = A·(1 − e^(−s/τ₁))·e^(−s/τ₂), s hours after the last dose, rises from 0 to its peak at
    /// s* = τ₁·ln(1 + τ₂/τ₁) and falls; it crosses mild (COWS 5) once on each side, found here by
    /// bisection.
    @Test func onsetPeakAndEndOfAClosedFormCourse() throws {
        let (amplitude, tau1, tau2, last, step) = (1.0, 20.0, 60.0, 30.0, 0.05)
        func w(_ s: Double) -> Double { s < 0 ? 0 : amplitude * (1 - exp(-s / tau1)) * exp(-s / tau2) }
        let times = gridHours(from: 0, to: last + 40 * 24, step: step)
        let reading = AbstinenceReading(times: times, withdrawal: times.map { w($0 - last) }, lastDoseHours: last, dosingIntervalHours: 6)
        let peakHours = tau1 * log(1 + tau2 / tau1)
        #expect(abs(reading.peakHours - peakHours) <= step)
        #expect(abs(reading.peak - w(peakHours)) < 1e-6)
        func crossing(_ low: Double, _ high: Double, rising: Bool) -> Double {
            var (low, high) = (low, high)
            for _ in 0..<80 {
                let middle = (low + high) / 2
                if (w(middle) < AbstinenceReading.mild) == rising { low = middle } else { high = middle }
            }
            return low
        }
        #expect(abs(reading.onsetHours - crossing(0, peakHours, rising: true)) <= step)
        let end = try #require(reading.endHours)
        #expect(abs(end - crossing(peakHours, 40 * 24, rising: false)) <= step)
        #expect(abs(Readout.cows(withdrawal: AbstinenceReading.mild) - 5) < 1e-12)
    }

    /// Read against its own peak (the rodent courses), the same closed-form course becomes
    /// manifest and is over where it crosses that fraction of w(s*), whatever its amplitude.
    @Test func onsetAndEndAtAFractionOfThePeak() throws {
        let (tau1, tau2, last, step) = (8.0, 30.0, 24.0, 0.05)
        for amplitude in [1e-3, 1.0, 40.0] {
            func w(_ s: Double) -> Double { s < 0 ? 0 : amplitude * (1 - exp(-s / tau1)) * exp(-s / tau2) }
            let times = gridHours(from: 0, to: last + 20 * 24, step: step)
            let reading = AbstinenceReading(times: times, withdrawal: times.map { w($0 - last) }, lastDoseHours: last,
                                            dosingIntervalHours: 12, fractionOfPeak: 0.5)
            let peakHours = tau1 * log(1 + tau2 / tau1)
            let half = w(peakHours) / 2
            func crossing(_ low: Double, _ high: Double, rising: Bool) -> Double {
                var (low, high) = (low, high)
                for _ in 0..<80 {
                    let middle = (low + high) / 2
                    if (w(middle) < half) == rising { low = middle } else { high = middle }
                }
                return low
            }
            #expect(abs(reading.onsetHours - crossing(0, peakHours, rising: true)) <= step)
            let end = try #require(reading.endHours)
            #expect(abs(end - crossing(peakHours, 20 * 24, rising: false)) <= step)
        }
    }

    /// Withdrawal between doses, before the last one, is not the onset: the last dose relieves it
    /// and the onset is its return. A course that never reaches mild has no onset and no end.
    @Test func theLastDoseRelievesAndAFaintCourseIsNeverMild() {
        let last = 24.0
        let times = gridHours(from: 0, to: 200, step: 1)
        let course = times.map { t -> Double in
            let since = t - last
            if since < 0 { return 0.3 }                      // interdose withdrawal, above mild
            return since < 4 ? 0.3 * (1 - since / 4) : 0.05 * (since - 4)  // relieved, then rising
        }
        let reading = AbstinenceReading(times: times, withdrawal: course, lastDoseHours: last, dosingIntervalHours: 12)
        #expect(reading.onsetHours == 7)                     // 0.05·(s − 4) ≥ 0.110 first at s = 7
        let faint = AbstinenceReading(times: times, withdrawal: times.map { _ in 0.05 }, lastDoseHours: last, dosingIntervalHours: 12)
        #expect(faint.onsetHours == .infinity)
        #expect(faint.endHours == nil)
    }
}
