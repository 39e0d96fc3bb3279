extension Scenario {
    /// Validates and runs the scenario: the time course of the readouts at the output times, and
    /// each dose-response test.
    public func run() throws(ScenarioError) -> ScenarioResult {
        try validate()
        let model = try model()
        let times = try outputTimes()
        let readouts = try resolvedReadouts(model: model)
        let design = design
        let trajectory: Trajectory
        do {
            trajectory = try PKSimulation.run(model, design: design, outputTimes: times)
        } catch {
            throw ScenarioError(nil, "the simulation failed: \(error)")
        }
        var columns: [[Double]] = []
        for readout in readouts {
            guard let column = trajectory.readout(readout, design: design, opioid: opioid) else {
                throw ScenarioError("readouts", "'\(readout.rawValue)' is not available for \(model.name)")
            }
            if let row = column.firstIndex(where: { !$0.isFinite }) {
                throw ScenarioError(nil, "the model gave a non-finite \(readout.rawValue) at \(ScenarioText.text(hours: times[row])); the design is outside what it can simulate")
            }
            columns.append(column)
        }
        var tests: [DoseResponseResult] = []
        var battery = DoseResponseBattery(model, design: design)
        for (index, test) in doseResponses.enumerated() {
            do {
                tests.append(try battery.run(test))
            } catch {
                throw ScenarioError("dose-response", occurrence: doseResponses.count > 1 ? index + 1 : nil, "\(error)")
            }
        }
        let modelName = (try? design.model(from: model).name) ?? model.name
        return ScenarioResult(scenario: self, modelName: modelName, weightKilograms: trajectory.weightKilograms,
                              times: times, readouts: readouts, columns: columns, doseResponses: tests)
    }
}

/// What a scenario run gives: each readout at each output time, and the dose-response tests.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    /// e.g. "morphine (rat)".
    public var modelName: String
    /// The body weight used, kg.
    public var weightKilograms: Double
    /// Output times, h.
    public var times: [Double]
    public var readouts: [Readout]
    /// One column per readout, one value per output time, in the readout's unit (`Readout.unit`).
    public var columns: [[Double]]
    public var doseResponses: [DoseResponseResult]

    /// The values of `readout` over time, or `nil` if it was not read.
    public func column(_ readout: Readout) -> [Double]? {
        readouts.firstIndex(of: readout).map { columns[$0] }
    }
}
