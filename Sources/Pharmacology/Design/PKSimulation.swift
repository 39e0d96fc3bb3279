import Dosing
import ModelLanguage
import Simulation
import Solvers

/// Runs a library model through a dosing design: the `Simulation` stage (DESIGN.md §1) for the
/// pharmacology library, with the design's weight set on the model (`WT`).
public enum PKSimulation {
    /// Solver tolerances for the library runs: tight enough that computed PK summaries (AUC,
    /// half-lives) are limited by their definitions, not by the solver.
    public static let defaultOptions = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)

    /// Simulates `model` under `design`, reporting every output of the model at `outputTimes`
    /// (increasing, hours). The run starts at the earliest of 0, the first administration and
    /// the first output — or, given `start`, from its states (`Trajectory.states(at:)` of an
    /// earlier run) at its time, which must come no later than every administration and output.
    /// Parameters: the model's defaults, then `ParameterOverrides.current` for its file, then
    /// `parameters`. A design with a second opioid runs on the two drugs' combined model
    /// (`DosingDesign.model(from:)`; the second drug's overrides are those of its own file, its
    /// explicit `parameters` named as in the combined model, e.g. `buprenorphine_EC50`).
    public static func run(_ model: OpioidModel, design: DosingDesign, outputTimes: [Double],
                           parameters: [String: Double] = [:],
                           options: SolverOptions = defaultOptions,
                           from start: (hours: Double, states: [Double])? = nil) throws(PharmacologyError) -> Trajectory {
        guard !outputTimes.isEmpty else { throw .invalidDesign("no output times") }
        for (a, b) in zip(outputTimes, outputTimes.dropFirst()) where !(b >= a) {
            throw .invalidDesign("output times must increase; \(b) h follows \(a) h")
        }
        let model = try design.model(from: model)
        let runtime = model.makeRuntime()
        let weight = design.weight(for: model.species)
        guard weight.isFinite, weight > 0 else { throw .invalidDesign("body weight must be a positive number of kg; got \(weight)") }
        runtime.setParameter(named: "WT", to: weight)
        for knockout in design.knockouts.sorted(by: { $0.rawValue < $1.rawValue }) {
            let (name, value) = knockout.parameter
            guard runtime.setParameter(named: name, to: value) else {
                throw .invalidDesign("\(model.name) has no '\(knockout.rawValue)' knockout (it is a PK-only model)")
            }
        }
        // Overrides in force (a calibration's trial values), then the explicit ones.
        let overrides = ParameterOverrides.in(model)
        let merged = overrides.merging(parameters) { _, explicit in explicit }
        for (name, value) in merged.sorted(by: { $0.key < $1.key }) {
            guard runtime.setParameter(named: name, to: value) else {
                throw .invalidDesign("\(model.file) has no parameter '\(name)'")
            }
        }
        let timeline = try design.timeline(for: model, runtime: runtime, outputTimes: outputTimes)
        do throws(SimulationError) {
            let outputs: [TimelineOutput]
            if let start {
                (outputs, _) = try Simulator.run(runtime, timeline: timeline, from: start.states, at: start.hours, method: .auto, options: options)
            } else {
                let startTime = min(0, outputTimes[0], design.everyAdministration.map(\.startHours).min() ?? 0)
                (outputs, _) = try Simulator.run(runtime, timeline: timeline, method: .auto, options: options, startTime: startTime)
            }
            var rows = [[Double]](repeating: [], count: outputTimes.count)
            for output in outputs { rows[output.tag] = output.values }
            return Trajectory(species: model.species, weightKilograms: weight, names: runtime.model.outputNames,
                              stateCount: runtime.model.states.count, times: outputTimes, rows: rows)
        } catch {
            throw .simulation(error)
        }
    }
}

extension PKSimulation {
    /// What a challenge adds against the placebo session: the largest excess of `readout` in
    /// `challenged` over `placebo` (the same subject without the challenge) within `windowHours`
    /// after `hours`, read every `stepHours` — spontaneous withdrawal, the next maintenance dose
    /// and anything else both sessions share cancel (a precipitated-withdrawal score).
    public static func excessOverPlacebo(_ model: OpioidModel, placebo: DosingDesign, challenged: DosingDesign, at hours: Double,
                                         windowHours: Double, readout: Readout = .cows, stepHours: Double = 5.0 / 60) throws(PharmacologyError) -> Double {
        guard windowHours.isFinite, windowHours > 0, stepHours.isFinite, stepHours > 0 else {
            throw .invalidDesign("a challenge's window and reading step must be positive times; got \(windowHours) h and \(stepHours) h")
        }
        let times = gridHours(from: hours, to: hours + windowHours, step: stepHours)
        let base = try run(model, design: placebo, outputTimes: times)
        let test = try run(model, design: challenged, outputTimes: times)
        guard let a = base.readout(readout, design: placebo), let b = test.readout(readout, design: challenged) else {
            throw .invalidDesign("\(model.name) has no \(readout.rawValue) readout")
        }
        return zip(b, a).map { $0 - $1 }.max()!
    }
}

/// A simulated time course: every output of a library model at each output time, plus the
/// species' readouts derived from it (`Readout`).
public struct Trajectory: Sendable {
    public var species: Species
    public var weightKilograms: Double
    /// Output names: the model's states, then its assigned names.
    public var names: [String]
    /// How many of `names` are the model's states.
    public var stateCount: Int
    /// Hours.
    public var times: [Double]
    /// One row per time, in `names` order.
    public var rows: [[Double]]

    /// The values of output `name` over time, or `nil` if the model has no such output.
    public func column(_ name: String) -> [Double]? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return rows.map { $0[index] }
    }

    /// Every state of the model at output `index` (the first `stateCount` outputs): where a run
    /// can be continued from (`PKSimulation.run(_:design:outputTimes:from:)`).
    public func states(at index: Int) -> [Double] { Array(rows[index].prefix(stateCount)) }

    /// The value of output `name` at the output time nearest `time`.
    public func value(_ name: String, at time: Double) -> Double? {
        guard let index = names.firstIndex(of: name), !times.isEmpty else { return nil }
        let nearest = times.indices.min { abs(times[$0] - time) < abs(times[$1] - time) }!
        return rows[nearest][index]
    }
}
