import Foundation

/// The course of tolerance (EC50 fold − 1) after a last dose, on a half-hour grid for 70 days, read
/// by `LongTermToleranceReading`.
struct LongTermTolerance {
    static let windowDays = 70.0
    let times: [Double]
    let shift: [Double]
    let reading: LongTermToleranceReading

    init(_ model: OpioidModel, _ design: DosingDesign, lastDoseHours: Double) throws(PharmacologyError) {
        times = gridHours(from: 0, to: lastDoseHours + Self.windowDays * 24, step: 0.5)
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        guard let fold = run.readout(.tolerance) else { throw .invalidDesign("\(model.name) has no tolerance readout") }
        shift = fold.map { $0 - 1 }
        reading = LongTermToleranceReading(times: times, shift: shift, lastDoseHours: lastDoseHours)
    }

    var peak: Double { reading.peak }
    var peakHours: Double { reading.peakHours }
    var recovered: Bool { reading.recoveryHours != nil }
    /// Days from the last dose to recovery; the window's length, a lower bound, without one.
    var recoveryDays: Double { reading.recoveryHours.map { $0 / 24 } ?? Self.windowDays }

    func shift(atHours hours: Double) -> Double { shift[times.firstIndex { $0 >= hours }!] }

    /// The course every 3 h, in days from `fromHours`, from an hour after the (first) dose: a plot
    /// needs no finer grid, and the log axis no zero.
    func plotted(_ name: String, fromHours: Double) -> ExperimentPanel.Curve {
        let kept = times.indices.filter { times[$0] >= 1 && Int(times[$0] * 2) % 6 == 0 }
        return ExperimentSupport.curve(name, kept.map { (times[$0] - fromHours) / 24 }, kept.map { shift[$0] })
    }
}
