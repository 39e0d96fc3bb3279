import Foundation
import Simulation

extension Experiment {
    /// Runs `experiments` on all cores with `overrides` (file → parameter → value, as
    /// `ParameterOverrides`) in force, and returns each one's result or error in the order given.
    /// Each worker thread sets the overrides itself: task-local values do not reach it.
    public static func runAll(_ experiments: [Experiment], overrides: [String: [String: Double]] = [:])
        -> [Result<ExperimentResult, PharmacologyError>] {
        var results: [Result<ExperimentResult, PharmacologyError>?] = Array(repeating: nil, count: experiments.count)
        // Neither closure throws, so the run itself cannot fail; a result left unset (which
        // ParallelSubjects does not do) reads as an error naming the experiment.
        try? ParallelSubjects.run(count: experiments.count, threads: ProcessInfo.processInfo.activeProcessorCount,
                                  batchSize: experiments.count, compute: { index in
            ParameterOverrides.with(overrides) {
                Result { () throws(PharmacologyError) in try experiments[index].run() }
            }
        }, emit: { index, outcome in results[index] = outcome })
        return experiments.indices.map { results[$0] ?? .failure(.invalidDesign("\(experiments[$0].name) did not run")) }
    }
}
