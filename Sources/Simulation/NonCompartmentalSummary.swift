import Foundation

/// Non-compartmental summaries of a simulated profile: Cmax, Tmax and the AUC by the
/// linear-up/log-down trapezoidal rule (linear where the value rises or stays, logarithmic where
/// it falls between two positive values — the default of Phoenix WinNonlin's "linear up log
/// down" method; Gabrielsson & Weiner, *Pharmacokinetic and Pharmacodynamic Data Analysis*,
/// 5th ed., §2.8).
public struct NonCompartmentalSummary: Sendable, Equatable {
    public var cmax: Double
    public var tmax: Double
    public var auc: Double
    /// The span summarised.
    public var start: Double
    public var end: Double

    /// Summarises `values` at increasing `times`, over `[interval.lower, interval.upper]` if
    /// given (points inside it only), or over all points. `nil` with fewer than one point.
    public init?(times: [Double], values: [Double], interval: ClosedRange<Double>? = nil) {
        var points = zip(times, values).filter { interval?.contains($0.0) ?? true }
        points.sort { $0.0 < $1.0 }
        guard let first = points.first else { return nil }
        var best = first
        var area = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            if b.1 > best.1 { best = b }
            let dt = b.0 - a.0
            guard dt > 0 else { continue }
            if b.1 < a.1, a.1 > 0, b.1 > 0 {
                area += (a.1 - b.1) * dt / log(a.1 / b.1)
            } else {
                area += 0.5 * (a.1 + b.1) * dt
            }
        }
        cmax = best.1
        tmax = best.0
        auc = area
        start = first.0
        end = points.last!.0
    }
}
