import ArgumentParser
import Foundation
import NameSuggestions
import Pharmacology

/// `wean experiment calibrate`: fits the free parameters of the mechanism to every calibration
/// target of the experiment suite, then reports identifiability and the validation targets apart.
/// The work is `Pharmacology.Calibration` and `Identifiability`; this type maps options to them.
struct ExperimentCalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the mechanism's free parameters to every calibration target; report identifiability and validation.",
        discussion: """
            The objective is Σ ((model − observed) / tolerance)² over the targets marked
            `calibration`, plus a log-normal prior Σ (ln(value / centre) / ln width)² that holds
            each parameter near its sourced or assumed centre where the targets cannot see it;
            `validation` targets are run after the fit and reported apart. Free parameters are
            searched on a log scale a decade either side of their centres, by Levenberg–Marquardt
            (or Nelder–Mead) from the shipped values and seeded random starts. The shipped model
            files are the output of this command with its defaults and --write-models.

            Examples:
              wean experiment calibrate --evaluations 0            (the shipped set, assessed)
              wean experiment calibrate --write-models Sources/Pharmacology/Models
              wean experiment calibrate --starts 2 --output fit.json --report fit.html
              wean experiment calibrate --species rat --parameters K_RESOLVE,GAIN_OIH --method nelder-mead --evaluations 100
              wean experiment calibrate --fit-validation EXPERIMENT/TARGET   (a diagnostic fit)
            \(Notice.text)
            """
    )

    @Option(help: "Whose free parameters: all (every species at once), rat (shared with the mouse and the human), mouse or human.") var species: String = "all"
    @Option(help: "Comma-separated parameter names (default: the species' free set; with all, names as reported, e.g. 'EC50 (mouse)', or any positive parameter as NAME (species), the rat's when bare).") var parameters: String?
    @Option(help: "lm (Levenberg–Marquardt) or nelder-mead.") var method: String = "lm"
    @Option(help: "The prior's standard deviation as a factor on each value (default 10), or none for the targets alone.") var priorWidth: String = "10"
    @Option(help: "Comma-separated experiment names (default: all).") var experiments: String?
    @Option(help: "Optimiser starts: the shipped values, then seeded random points.") var starts: Int = 1
    @Option(help: "Objective evaluations per start at most (0: assess the shipped values only).") var evaluations: Int = 3_000
    @Option(help: "Seed of the random starts.") var seed: UInt64 = 1
    @Flag(help: "Skip the identifiability analysis (2 suite runs per parameter).") var noIdentifiability = false
    @Option(help: "Comma-separated parameters to profile (each fixed on a grid, the others refitted): the profile-likelihood 95% interval.") var profile: String?
    @Option(help: "Grid points per profile (before refining the interval's ends).") var profilePoints: Int = 9
    @Option(help: "Objective evaluations of each profile point's refit at most (by --method).") var profileEvaluations: Int = 300
    @Option(help: "table or json.") var format: ExperimentRunCommand.Format = .table
    @Option(name: .customLong("output"), help: "Write the fitted parameter set with its stamp (JSON) to this file.") var outputFile: String?
    @Option(help: "Write an HTML report (parameters, contributions, validation, model-vs-data figures) to this file.") var report: String?
    @Option(help: "Write the fitted values, with a stamp line, into the .wean files in this folder (e.g. Sources/Pharmacology/Models); rebuild to ship them.") var writeModels: String?
    @Option(help: "Comma-separated validation targets (experiment/target) to fit as if they were calibration targets: a diagnostic fit, never written with --write-models.") var fitValidation: String?

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        let calibration = try makeCalibration()
        guard starts >= 1, starts <= 100 else { throw ValidationError("--starts must be 1…100; got \(starts)") }
        guard evaluations >= 0, evaluations <= 1_000_000 else { throw ValidationError("--evaluations must be 0…1000000; got \(evaluations)") }
        let shipped: [Double]
        do {
            shipped = try calibration.shippedValues()
        } catch {
            throw ValidationError(error.message)
        }
        let searchMethod = try searchMethod()
        var fit: Calibration.Fit
        if evaluations == 0 {
            fit = calibration.assess(shipped)
        } else {
            let bar = ProgressBar(total: starts * evaluations, label: "objective evaluations")
            let limit = starts * evaluations
            do {
                fit = try calibration.fit(method: searchMethod, starts: starts, evaluationsPerStart: evaluations, seed: seed) { done, _ in
                    bar.update(min(done, limit), limit)
                }
            } catch {
                throw ValidationError(error.message)
            }
            bar.finish()
        }
        let identifiability = noIdentifiability ? nil : Identifiability.analyse(calibration, at: fit.values)
        var profiles: [ProfileLikelihood] = []
        if let profile {
            guard profilePoints >= 3, profilePoints <= 200 else { throw ValidationError("--profile-points must be 3…200; got \(profilePoints)") }
            guard profileEvaluations >= 1 else { throw ValidationError("--profile-evaluations must be ≥ 1; got \(profileEvaluations)") }
            for name in profile.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let index = calibration.parameters.firstIndex(where: { $0.label == name }) else {
                    throw ValidationError("--profile: '\(name)' is not a free parameter of this calibration (\(calibration.parameters.map(\.label).joined(separator: ", ")))")
                }
                do {
                    profiles.append(try ProfileLikelihood.profile(calibration, parameter: index, from: fit.values, gridPoints: profilePoints,
                                                                  evaluationsPerPoint: profileEvaluations, method: searchMethod))
                } catch {
                    throw ValidationError(error.message)
                }
            }
        }
        let reportText = CalibrationReport(calibration: calibration, shipped: shipped, fit: fit, run: calibration.run(fit.values),
                                           identifiability: identifiability, profiles: profiles, seed: seed, method: searchMethod)
        if let outputFile {
            do {
                try reportText.json().write(toFile: outputFile, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write '\(outputFile)': \(error.localizedDescription)")
            }
        }
        if let report {
            do {
                try reportText.html().write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write '\(report)': \(error.localizedDescription)")
            }
        }
        if let writeModels { try write(fit, calibration: calibration, runTargets: reportText.run.calibration.count, into: writeModels) }
        return format == .json ? reportText.json() : reportText.table()
    }

    /// Writes `fit`'s values into the model files in `folder`, each with the stamp line.
    func write(_ fit: Calibration.Fit, calibration: Calibration, runTargets: Int, into folder: String) throws {
        let date = ISO8601DateFormatter().string(from: Date()).prefix(10)
        // The objective of the values as written (rounded), so the stamp can be checked against the files.
        let written = fit.values.map { Double(ModelParameterFile.text($0)) ?? $0 }
        let run = calibration.run(written)
        var command = "--species \(species) --method \(method) --prior-width \(priorWidth) --starts \(starts) --evaluations \(evaluations) --seed \(seed)"
        if let parameters { command += " --parameters \(parameters)" }
        if let experiments { command += " --experiments \(experiments)" }
        let priors = calibration.priorResiduals(written).count
        let converged = fit.starts.contains { $0.converged } ? "converged" : "not converged (evaluation limit)"
        let stamp = "\(ModelParameterFile.stampPrefix) \(command) (\(date)): objective \(ExperimentRunCommand.significant(run.objective)) "
            + "over \(runTargets) calibration targets of \(calibration.experiments.count) experiments and \(priors) priors "
            + "(targets \(ExperimentRunCommand.significant(run.targetObjective)), prior \(ExperimentRunCommand.significant(run.priorPenalty))); "
            + "\(converged); values rounded to 4 significant digits"
        var byFile: [String: [String: Double]] = [:]
        for (parameter, value) in zip(calibration.parameters, written) {
            for file in parameter.files { byFile[file, default: [:]][parameter.name] = value }
        }
        for (file, values) in byFile.sorted(by: { $0.key < $1.key }) {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("--write-models: cannot read '\(path)'; give the folder holding the .wean files")
            }
            do {
                try ModelParameterFile.updating(source, values: values, stamp: stamp).write(toFile: path, atomically: true, encoding: .utf8)
            } catch let error as CalibrationError {
                throw ValidationError("--write-models: \(file): \(error.message)")
            }
        }
    }

    func searchMethod() throws -> Calibration.Method {
        guard let method = Calibration.Method(rawValue: method.lowercased()) else {
            throw ValidationError("--method must be \(Calibration.Method.allCases.map(\.rawValue).joined(separator: " or ")); got '\(method)'")
        }
        return method
    }

    func priorFactor() throws -> Double? {
        if priorWidth.lowercased() == "none" { return nil }
        guard let width = Double(priorWidth), width > 1, width.isFinite else {
            throw ValidationError("--prior-width must be a factor > 1 (e.g. 10) or none; got '\(priorWidth)'")
        }
        return width
    }

    func makeCalibration() throws -> Calibration {
        let everySpecies = species.lowercased() == "all"
        guard let species = everySpecies ? .rat : Species(rawValue: species.lowercased()) else {
            throw ValidationError("--species must be all, rat, mouse or human; got '\(species)'")
        }
        var free: [CalibrationParameter]
        do {
            free = everySpecies ? try CalibrationParameter.suite() : try CalibrationParameter.defaults(for: species)
            if let parameters {
                let names = parameters.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !names.isEmpty else { throw CalibrationError("give at least one parameter name") }
                if everySpecies {
                    free = try names.map { try CalibrationParameter.inSuite($0) }
                } else {
                    free = try names.map { try CalibrationParameter.named($0, for: species) }
                }
            }
        } catch let error as CalibrationError {
            throw ValidationError((parameters == nil ? "" : "--parameters: ") + error.message)
        }
        var chosenExperiments = ExperimentCatalogue.all
        if let experiments {
            chosenExperiments = []
            for name in experiments.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let experiment = ExperimentCatalogue.named(name) else {
                    let hint = closestName(name, ExperimentCatalogue.all.map(\.name), maximumDistance: max(2, name.count / 4)).map { " Did you mean '\($0)'?" } ?? ""
                    throw ValidationError("--experiments: no experiment '\(name)'.\(hint)")
                }
                chosenExperiments.append(experiment)
            }
        }
        return Calibration(parameters: free, experiments: chosenExperiments, priorWidth: try priorFactor(),
                           fittedValidationTargets: try fittedValidationTargets(among: chosenExperiments))
    }

    /// The `--fit-validation` targets, each checked to be a validation target of a chosen
    /// experiment (the named experiments are run once at the shipped values to read their targets).
    func fittedValidationTargets(among chosen: [Experiment]) throws -> Set<String> {
        guard let fitValidation else { return [] }
        guard writeModels == nil else {
            throw ValidationError("--fit-validation makes a diagnostic fit, which is not written into the models: drop --write-models")
        }
        let keys = fitValidation.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !keys.isEmpty else { throw ValidationError("--fit-validation: give at least one experiment/target") }
        var targetsOf: [String: [ExperimentTarget]] = [:]  // each named experiment run once
        for key in keys {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--fit-validation: '\(key)' is not experiment/target (e.g. cox1975-tolerance-offset/independent-of-regimen)")
            }
            guard let experiment = chosen.first(where: { $0.name == parts[0] }) else {
                let hint = closestName(parts[0], chosen.map(\.name), maximumDistance: max(2, parts[0].count / 4)).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("--fit-validation: no experiment '\(parts[0])' in this calibration.\(hint)")
            }
            if targetsOf[parts[0]] == nil {
                do {
                    targetsOf[parts[0]] = try experiment.run().targets
                } catch {
                    throw ValidationError("--fit-validation: \(parts[0]) does not run: \(error)")
                }
            }
            let targets = targetsOf[parts[0]]!
            guard let target = targets.first(where: { $0.id == parts[1] }) else {
                let hint = closestName(parts[1], targets.map(\.id), maximumDistance: max(2, parts[1].count / 4)).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("--fit-validation: \(parts[0]) has no target '\(parts[1])'.\(hint)")
            }
            guard target.kind == .validation else {
                throw ValidationError("--fit-validation: \(key) is already a calibration target")
            }
        }
        return Set(keys)
    }
}
