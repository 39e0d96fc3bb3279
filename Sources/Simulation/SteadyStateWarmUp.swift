import Foundation

/// How many dose intervals a steady-state series runs before its pattern of administrations
/// repeats (its lag and longest infusion passed), shared by the event engine and the analytic
/// path so both refuse the same doses with the same words.
enum SteadyStateWarmUp {
    /// An infusion so slow, or a lag so long, that one dose outlasts this many intervals has no
    /// steady state within reach.
    static let maximumIntervals = 100_000

    struct Refusal: Error { let message: String }

    static func intervals(span: Double, interval: Double, stateName: String) -> Result<Int, Refusal> {
        let intervals = (max(0, span) / interval).rounded(.up)
        guard intervals <= Double(maximumIntervals) else {
            return .failure(Refusal(message: "no steady state within reach for the dose into '\(stateName)' every \(String(format: "%g", interval)): its lag and infusion last \(String(format: "%g", span)), more than \(maximumIntervals) dosing intervals; is the rate or the lag right?"))
        }
        return .success(2 + Int(intervals))
    }
}
