import Foundation
import Simulation

/// Non-compartmental PK of a simulated concentration profile, computed the way the studies
/// computed theirs: terminal half-life by log-linear least squares over a terminal window,
/// AUC by the linear-up/log-down rule extrapolated to infinity (AUC∞ = AUC₀–last + C_last/λz),
/// CL = F·dose / AUC∞ and Vz = CL / λz (Gabrielsson & Weiner, *Pharmacokinetic and
/// Pharmacodynamic Data Analysis*, 5th ed., §2.8–2.9).
public struct PKSummary: Sendable {
    /// Peak concentration (the profile's unit) and its time, h.
    public var cmax: Double
    public var tmax: Double
    /// Terminal rate constant, 1/h, and half-life, h.
    public var lambdaZ: Double
    public var halfLife: Double { log(2) / lambdaZ }
    /// Area to the last time, and extrapolated to infinity (unit × h).
    public var aucToLast: Double
    public var aucToInfinity: Double

    /// Summarises `values` at `times` (h); the terminal slope is fitted to the points with
    /// time in `terminalWindow` (at least two positive values, else `nil`).
    public init?(times: [Double], values: [Double], terminalWindow: ClosedRange<Double>) {
        guard let nca = NonCompartmentalSummary(times: times, values: values) else { return nil }
        let terminal = zip(times, values).filter { terminalWindow.contains($0.0) && $0.1 > 0 }
        guard terminal.count >= 2 else { return nil }
        guard let slope = leastSquaresSlope(terminal.map(\.0), terminal.map { log($0.1) }), slope < 0 else { return nil }
        lambdaZ = -slope
        cmax = nca.cmax
        tmax = nca.tmax
        aucToLast = nca.auc
        let last = zip(times, values).filter { $0.1.isFinite }.last?.1 ?? 0
        aucToInfinity = nca.auc + last / lambdaZ
    }
}

/// Evenly spaced output times from `start` to `end` inclusive, every `step` hours.
public func gridHours(from start: Double, to end: Double, step: Double) -> [Double] {
    guard step > 0, end >= start else { return [start] }
    let count = Int(((end - start) / step).rounded(.down))
    var times = (0...count).map { start + Double($0) * step }
    if let last = times.last, end - last > step * 1e-9 { times.append(end) }
    return times
}
