import Foundation
import Simulation

/// The calibration of the model's free parameters across the experiment suite (#11; ASME V&V 40
/// practice: calibration and validation targets kept apart). The objective is the weighted sum
/// of squares Σ ((model − observed) / tolerance)² over every target marked `calibration` in the
/// chosen experiments — a target's tolerance is the variability its paper reports, so each
/// residual is in units of that spread. Targets marked `validation` never enter it: `run`
/// returns them apart, and `objective` reads only the calibration ones (a test changes a
/// validation target and sees the objective unchanged).
///
/// With a prior (the default: `priorWidth` 10), each parameter that has a centre adds
/// ((ln value − ln centre) / ln priorWidth)² — a log-normal prior whose standard deviation is a
/// factor of `priorWidth` — and the fit is a maximum a posteriori estimate: directions the targets
/// cannot see stay at their sourced or assumed centres, so an optimum is a point, not a valley, and
/// a rerun from it stays there (`CalibrationPrior`).
///
/// Parameters are searched on a log scale within their bounds, by Levenberg–Marquardt on the
/// weighted residuals (the default) or Nelder–Mead, from the shipped values and from seeded
/// random starts; the experiments run unchanged, with the trial values put in by
/// `ParameterOverrides`, in parallel on all cores. Only the experiments with a calibration target
/// run at each trial (`seeingTheObjective`): the validation-only ones cannot move the objective.
public struct Calibration: Sendable {
    public var parameters: [CalibrationParameter]
    public var experiments: [Experiment]
    /// The prior's standard deviation as a factor on each parameter's value; nil fits the targets
    /// alone (plain weighted least squares).
    public var priorWidth: Double?
    /// Validation targets, as `experiment/target`, that this calibration fits as if they were
    /// calibration targets: a diagnostic fit (what would meeting them cost the rest?). Their
    /// residuals are reported among the calibration ones with kind `calibration`; the experiments'
    /// own kinds are unchanged, so values fitted this way are not the shipped calibration.
    public var fittedValidationTargets: Set<String>

    public init(parameters: [CalibrationParameter], experiments: [Experiment] = ExperimentCatalogue.all, priorWidth: Double? = 10,
                fittedValidationTargets: Set<String> = []) {
        self.parameters = parameters
        self.experiments = experiments
        self.priorWidth = priorWidth
        self.fittedValidationTargets = fittedValidationTargets
    }

    /// The search methods.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Levenberg–Marquardt on the weighted residuals and the prior's (central-difference Jacobian).
        case levenbergMarquardt = "lm"
        /// The Nelder–Mead simplex on the objective (derivative-free).
        case nelderMead = "nelder-mead"
    }

    /// The prior's residuals, one per parameter with a centre: ln(value / centre) / ln(width).
    public func priorResiduals(_ values: [Double]) -> [Double] {
        guard let priorWidth else { return [] }
        return zip(parameters, values).compactMap { parameter, value in parameter.prior.map { log(value / $0) / log(priorWidth) } }
    }

    /// Σ of the squared prior residuals.
    public func priorPenalty(_ values: [Double]) -> Double { priorResiduals(values).reduce(0) { $0 + $1 * $1 } }

    /// The objective's value for an experiment that fails to run or gives a non-finite value.
    public static let failurePenalty = 1e6

    /// One target at one parameter set.
    public struct Residual: Sendable, Codable, Equatable {
        public var experiment: String
        public var target: String
        public var kind: ExperimentTarget.Kind
        public var observed: Double
        public var model: Double
        public var tolerance: Double
        public var unit: String

        /// (model − observed) / tolerance; the penalty's square root when the model value is not finite.
        public var weighted: Double {
            let value = (model - observed) / tolerance
            return value.isFinite ? value : Calibration.failurePenalty.squareRoot()
        }

        public var pass: Bool { model.isFinite && abs(model - observed) <= tolerance }
    }

    /// Every target at one parameter set, calibration and validation apart.
    public struct Run: Sendable {
        public var calibration: [Residual]
        public var validation: [Residual]
        /// Experiments that failed to run, with the reason.
        public var failures: [String]
        /// The prior's part of the objective at this parameter set (0 without a prior).
        public var priorPenalty = 0.0

        /// Σ weighted² over the calibration targets, plus the penalty per failed experiment.
        public var targetObjective: Double {
            calibration.reduce(0) { $0 + $1.weighted * $1.weighted } + Double(failures.count) * Calibration.failurePenalty
        }

        /// What the fit minimises: the targets' part plus the prior's.
        public var objective: Double { targetObjective + priorPenalty }
    }

    /// The overrides that put `values` (one per parameter, natural units) into the model files.
    public func overrides(_ values: [Double]) -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for (parameter, value) in zip(parameters, values) {
            for file in parameter.files { result[file, default: [:]][parameter.name] = value }
        }
        return result
    }

    /// Every experiment's full result (targets and panels), or its error, with `values` in
    /// force, in order, run in parallel (`Experiment.runAll`).
    public func results(_ values: [Double]) -> [(experiment: Experiment, result: Result<ExperimentResult, PharmacologyError>)] {
        results(withOverrides: overrides(values))
    }

    /// Every experiment's result with `overrides` in force.
    func results(withOverrides overrides: [String: [String: Double]]) -> [(experiment: Experiment, result: Result<ExperimentResult, PharmacologyError>)] {
        Array(zip(experiments, Experiment.runAll(experiments, overrides: overrides)))
    }

    /// Runs every experiment with `values` in force.
    public func run(_ values: [Double]) -> Run {
        var run = run(withOverrides: overrides(values))
        run.priorPenalty = priorPenalty(values)
        return run
    }

    /// Runs every experiment with `overrides` in force.
    func run(withOverrides overrides: [String: [String: Double]]) -> Run {
        var run = Run(calibration: [], validation: [], failures: [])
        for (experiment, outcome) in results(withOverrides: overrides) {
            switch outcome {
            case .success(let result):
                for target in result.targets {
                    let fitted = target.kind == .calibration || fittedValidationTargets.contains("\(experiment.name)/\(target.id)")
                    let residual = Residual(experiment: experiment.name, target: target.id, kind: fitted ? .calibration : target.kind,
                                            observed: target.observed, model: target.model, tolerance: target.tolerance, unit: target.unit)
                    if fitted { run.calibration.append(residual) } else { run.validation.append(residual) }
                }
            case .failure(let error):
                run.failures.append("\(experiment.name): \(error)")
            }
        }
        return run
    }

    /// The objective at `values`: calibration targets (never validation ones) and the prior.
    public func objective(_ values: [Double]) -> Double { run(values).objective }

    /// The shipped values of the parameters.
    public func shippedValues() throws(CalibrationError) -> [Double] {
        var values: [Double] = []
        for parameter in parameters { values.append(try parameter.shippedValue()) }
        return values
    }

    /// The outcome of a fit.
    public struct Fit: Sendable {
        public struct Start: Sendable {
            public var initial: [Double]
            public var values: [Double]
            public var objective: Double
            public var evaluations: Int
            public var converged: Bool
        }

        /// The best values found (natural units), its objective and the shipped set's.
        public var values: [Double]
        public var objective: Double
        public var shippedObjective: Double
        public var starts: [Start]
        public var evaluations: Int { starts.reduce(0) { $0 + $1.evaluations } }
    }

    /// `values` assessed without a search (a fit of zero evaluations).
    public func assess(_ values: [Double]) -> Fit {
        let objective = objective(values)
        return Fit(values: values, objective: objective, shippedObjective: objective, starts: [])
    }

    /// Minimises the objective from the shipped values and `starts − 1` seeded random points
    /// (log-uniform in the middle 60 % of each range), with at most `evaluationsPerStart`
    /// objective evaluations each. The search variable of parameter i is u with
    /// value = lower·(upper/lower)^σ(u), σ the logistic function, so every trial stays within
    /// bounds. Levenberg–Marquardt stops where a step would move no u by more than 1e-4 (the
    /// values by less than 0.02 % of their log span); Nelder–Mead where the simplex has shrunk
    /// to 1e-6.
    public func fit(method: Method = .levenbergMarquardt, starts: Int = 1, evaluationsPerStart: Int = 300, seed: UInt64 = 1,
                    progress: ((_ evaluations: Int, _ best: Double) -> Void)? = nil) throws(CalibrationError) -> Fit {
        guard !parameters.isEmpty else { throw CalibrationError("no free parameters") }
        for parameter in parameters where !(parameter.lower > 0 && parameter.upper > parameter.lower && parameter.upper.isFinite) {
            throw CalibrationError("\(parameter.label): bounds must satisfy 0 < lower < upper < ∞; got [\(parameter.lower), \(parameter.upper)]")
        }
        if let priorWidth, !(priorWidth > 1 && priorWidth.isFinite) { throw CalibrationError("the prior's width must be a factor > 1; got \(priorWidth)") }
        let shipped = try shippedValues()
        for (parameter, value) in zip(parameters, shipped) where !(value >= parameter.lower && value <= parameter.upper) {
            throw CalibrationError("\(parameter.label): the shipped value \(value) is outside [\(parameter.lower), \(parameter.upper)]")
        }
        var generator = SplitMix64(seed: seed)
        var total = 0
        var best = Double.infinity
        let shippedRun = run(shipped)
        let shippedObjective = shippedRun.objective
        let searching = seeingTheObjective(shippedRun)
        var results: [Fit.Start] = []
        for start in 0..<max(1, starts) {
            let initial = start == 0 ? shipped : parameters.map { $0.value(atFraction: 0.2 + 0.6 * generator.nextUniform()) }
            let before = total
            let result = search(method, from: initial, evaluations: evaluationsPerStart, runAt: { searching.run(withOverrides: searching.overrides($0)) }) { value in
                total += 1
                best = min(best, value)
                progress?(total, best)
            }
            results.append(Fit.Start(initial: initial, values: result.values, objective: result.objective,
                                     evaluations: total - before, converged: result.converged))
        }
        let winner = results.min { $0.objective < $1.objective }!
        return Fit(values: winner.values, objective: winner.objective, shippedObjective: shippedObjective, starts: results)
    }

    /// This calibration with only the experiments that can move its objective: those with a
    /// calibration target in `run`, or that failed in it (a failure rejects a trial). Target kinds
    /// are fixed by each experiment, so an experiment with validation targets alone contributes
    /// nothing at any parameter values; the search need not run it at every trial (the report
    /// still runs every experiment at the fitted values).
    func seeingTheObjective(_ run: Run) -> Calibration {
        let seen = Set(run.calibration.map(\.experiment))
        var restricted = self
        restricted.experiments = experiments.filter { experiment in
            seen.contains(experiment.name) || run.failures.contains { $0.hasPrefix("\(experiment.name):") }
        }
        return restricted
    }

    /// One search by `method` from `initial` in the logistic search variables, with at most
    /// `evaluations` runs of `runAt` (the experiments at trial values, without the prior, which
    /// this adds): Nelder–Mead on the objective, Levenberg–Marquardt on the residual vector (the
    /// targets' weighted residuals, then the prior's; a failed experiment rejects the trial).
    /// Shared by `fit` and the profile likelihood's refits; `report` sees each objective.
    func search(_ method: Method, from initial: [Double], evaluations: Int, runAt: ([Double]) -> Run,
                report: (Double) -> Void = { _ in }) -> (values: [Double], objective: Double, converged: Bool) {
        func values(_ u: [Double]) -> [Double] { zip(parameters, u).map { $0.value(atSearchVariable: $1) } }
        let u0 = zip(parameters, initial).map { $0.searchVariable(of: $1) }
        switch method {
        case .nelderMead:
            let result = NelderMead(maximumEvaluations: evaluations, tolerance: 1e-6, initialStep: 0.5).minimize({ u in
                let trial = values(u)
                let objective = runAt(trial).targetObjective + priorPenalty(trial)
                report(objective)
                return objective
            }, from: u0)
            return (values(result.point), result.value, result.converged)
        case .levenbergMarquardt:
            let minimiser = LevenbergMarquardt(maximumEvaluations: evaluations, gradientTolerance: 1e-6, stepTolerance: 1e-4, differenceStep: 1e-2)
            let result = minimiser.minimize({ u in
                let trial = values(u)
                let run = runAt(trial)
                let residuals = run.failures.isEmpty ? run.calibration.map(\.weighted) + priorResiduals(trial) : nil
                report(residuals.map(LevenbergMarquardt.sumOfSquares) ?? .infinity)
                return residuals
            }, from: u0)
            return (values(result.point), result.value, result.converged)
        }
    }
}
