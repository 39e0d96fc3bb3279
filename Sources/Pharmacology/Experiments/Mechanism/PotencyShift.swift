import Foundation

/// A dose-response test's potency shift read as the tolerance studies report it: ED50 over the
/// naive ED50 — or, when no challenge dose reached 50 %, the top dose over the naive ED50, a lower
/// bound the target's description says it is.
struct PotencyShift {
    let result: DoseResponseResult
    /// The fold shift, or its lower bound (NaN without a naive ED50).
    let fold: Double

    init(_ result: DoseResponseResult) {
        self.result = result
        let naive = result.ed50Naive ?? .nan
        fold = result.ed50Ratio ?? (result.aboveRange ? result.test.doses.last! / naive : .nan)
    }

    /// Appended to a target's description.
    var lowerBoundNote: String { result.aboveRange ? "; model: no dose reached 50 %, a lower bound" : "" }

    /// The naive and the tested dose-response curves on a log-dose axis, with the published ED50s.
    func panel(title: String, testedLabel: String, observations: ExperimentPanel.Observations) -> ExperimentPanel {
        let doses = result.test.doses
        return ExperimentPanel(
            title: title, xLabel: "dose (mg/kg)", yLabel: "%MPE", logX: true,
            curves: [ExperimentSupport.curve("naive", doses, result.naiveResponses),
                     ExperimentSupport.curve(testedLabel, doses, result.responses, dashed: true)],
            observations: [observations])
    }
}
