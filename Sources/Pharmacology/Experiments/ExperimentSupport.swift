import Foundation

/// Shared steps of the PK experiments: run a design on a library model, summarise a profile.
enum ExperimentSupport {
    /// Plasma concentration, ng/mL, of `model` under `design` at `times`.
    static func plasma(_ model: OpioidModel, _ design: DosingDesign, times: [Double]) throws(PharmacologyError) -> [Double] {
        let trajectory = try PKSimulation.run(model, design: design, outputTimes: times)
        return trajectory.column("Cp")!.map { $0 * 1000 }
    }

    /// The NCA summary of a profile, or an error saying why there is none.
    static func summary(_ times: [Double], _ values: [Double], terminal: ClosedRange<Double>, what: String) throws(PharmacologyError) -> PKSummary {
        guard let summary = PKSummary(times: times, values: values, terminalWindow: terminal) else {
            throw .invalidDesign("\(what): no terminal phase in \(terminal.lowerBound)–\(terminal.upperBound) h")
        }
        return summary
    }

    /// Tolerance for a value reported without a spread (`ExperimentTarget.betweenStudyRelativeTolerance`).
    static func betweenStudy(_ observed: Double) -> Double { abs(observed) * ExperimentTarget.betweenStudyRelativeTolerance }

    /// A model curve for a panel.
    static func curve(_ name: String, _ x: [Double], _ y: [Double], dashed: Bool = false) -> ExperimentPanel.Curve {
        ExperimentPanel.Curve(name: name, x: x, y: y, dashed: dashed)
    }
}
