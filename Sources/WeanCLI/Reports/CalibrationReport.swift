import Foundation
import Pharmacology

/// What `wean experiment calibrate` prints and writes: the parameters (shipped, fitted, interval,
/// verdict), each calibration target's contribution, the validation targets apart, and the
/// parameters fixed by assumption, with a stamp saying when, on what and to what objective.
struct CalibrationReport {
    var calibration: Calibration
    var shipped: [Double]
    var fit: Calibration.Fit
    var run: Calibration.Run
    var identifiability: Identifiability?
    var seed: UInt64

    var date: String { ISO8601DateFormatter().string(from: Date()) }

    /// Parameters of the involved model files that are not free: fixed by a source or an assumption.
    var fixed: [(file: String, name: String, value: Double, note: String)] {
        let files = Set(calibration.parameters.flatMap(\.files)).sorted()
        let free = Set(calibration.parameters.map(\.name))
        var list: [(String, String, Double, String)] = []
        for file in files {
            guard let model = PKLibrary.models.first(where: { $0.file == file }) else { continue }
            for parameter in model.checkedModel.parameters where !free.contains(parameter.name) && parameter.name != "WT" {
                list.append((file, parameter.name, parameter.defaultValue, parameter.documentation ?? ""))
            }
        }
        return list
    }

    func table() -> String {
        var text = "Calibration of \(calibration.parameters.count) parameter(s) on \(run.calibration.count) calibration target(s) "
            + "of \(calibration.experiments.count) experiment(s)\n"
        text += "  objective Σ((model − observed)/tolerance)²: shipped \(significant(fit.shippedObjective)) → fitted \(significant(fit.objective))"
        text += fit.starts.isEmpty ? " (no search: --evaluations 0)\n\n" : " (\(fit.evaluations) evaluations, \(fit.starts.count) start(s), seed \(seed))\n\n"
        var parameters = TextTable("parameter", "shipped", "fitted", "95% interval ×/÷", "verdict", "most sensitive target")
        for (index, parameter) in calibration.parameters.enumerated() {
            let row = identifiability?.rows[index]
            let factor = row.map { $0.intervalFactor.isFinite && $0.intervalFactor < 1e6 ? significant($0.intervalFactor) : "∞" } ?? "—"
            let verdict = row.map { $0.verdict.rawValue + ($0.atBound ? " (at bound)" : "") } ?? "—"
            parameters.add(parameter.name, significant(shipped[index]), significant(fit.values[index]), factor, verdict, row?.mostSensitiveTarget ?? "—")
        }
        text += parameters.rendered() + "\n"
        var contributions = TextTable("calibration target", "observed", "model", "tolerance", "(model−obs)/tol")
        for residual in run.calibration.sorted(by: { abs($0.weighted) > abs($1.weighted) }) {
            contributions.add("\(residual.experiment)/\(residual.target)", significant(residual.observed), significant(residual.model),
                              "±" + significant(residual.tolerance), String(format: "%+.2f", residual.weighted))
        }
        text += contributions.rendered() + "\n"
        let passed = run.validation.filter(\.pass).count
        text += "Validation (not in the objective): \(passed) of \(run.validation.count) targets pass\n"
        var validation = TextTable("validation target", "observed", "model", "tolerance", "result")
        for residual in run.validation where !residual.pass {
            validation.add("\(residual.experiment)/\(residual.target)", significant(residual.observed), significant(residual.model),
                           "±" + significant(residual.tolerance), "FAIL")
        }
        if passed < run.validation.count { text += validation.rendered() }
        for failure in run.failures { text += "  experiment failed: \(failure)\n" }
        text += "\n\(fixed.count) parameters of these models are fixed by a source or an assumption (listed with their notes in --format json).\n"
        text += "\n\(Notice.text)\n"
        return text
    }

    func json() -> String {
        func number(_ x: Double) -> String { jsonNumber(x) }
        let parameters = calibration.parameters.enumerated().map { index, parameter in
            let row = identifiability?.rows[index]
            var fields = "{\"name\":\(jsonString(parameter.name)),\"files\":[\(parameter.files.map(jsonString).joined(separator: ","))],"
                + "\"shipped\":\(number(shipped[index])),\"value\":\(number(fit.values[index])),"
                + "\"lower\":\(number(parameter.lower)),\"upper\":\(number(parameter.upper))"
            if let row {
                fields += ",\"standardErrorLog\":\(number(row.standardErrorLog)),\"intervalFactor\":\(number(row.intervalFactor)),"
                    + "\"verdict\":\(jsonString(row.verdict.rawValue)),\"atBound\":\(row.atBound)"
            }
            return fields + "}"
        }
        func residuals(_ list: [Calibration.Residual]) -> String {
            "[" + list.map {
                "{\"experiment\":\(jsonString($0.experiment)),\"target\":\(jsonString($0.target)),\"observed\":\(number($0.observed)),"
                    + "\"model\":\(number($0.model)),\"tolerance\":\(number($0.tolerance)),\"unit\":\(jsonString($0.unit)),"
                    + "\"weighted\":\(number($0.weighted)),\"pass\":\($0.pass)}"
            }.joined(separator: ",") + "]"
        }
        let fixedList = fixed.map {
            "{\"file\":\(jsonString($0.file)),\"name\":\(jsonString($0.name)),\"value\":\(number($0.value)),\"note\":\(jsonString($0.note))}"
        }
        let stamp = "{\"date\":\(jsonString(date)),\"objective\":\(number(fit.objective)),\"shippedObjective\":\(number(fit.shippedObjective)),"
            + "\"evaluations\":\(fit.evaluations),\"starts\":\(fit.starts.count),\"seed\":\(seed),"
            + "\"experiments\":[\(calibration.experiments.map { jsonString($0.name) }.joined(separator: ","))],"
            + "\"targets\":[\(run.calibration.map { jsonString("\($0.experiment)/\($0.target)") }.joined(separator: ","))]}"
        return "{\"notice\":\(jsonString(Notice.text)),\"stamp\":\(stamp),\"parameters\":[\(parameters.joined(separator: ","))],"
            + "\"calibration\":\(residuals(run.calibration)),\"validation\":\(residuals(run.validation)),"
            + "\"failures\":[\(run.failures.map(jsonString).joined(separator: ","))],\"fixedByAssumption\":[\(fixedList.joined(separator: ","))]}\n"
    }

    func significant(_ value: Double) -> String { ExperimentRunCommand.significant(value) }
}
