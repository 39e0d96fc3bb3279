import Foundation
import Pharmacology
import Plots

/// What `wean experiment calibrate` prints and writes: the parameters (shipped, fitted, interval,
/// verdict), each calibration target's contribution, the validation targets apart, and the
/// parameters fixed by assumption, with a stamp saying when, on what and to what objective.
struct CalibrationReport {
    var calibration: Calibration
    var shipped: [Double]
    var fit: Calibration.Fit
    var run: Calibration.Run
    var identifiability: Identifiability?
    var profiles: [ProfileLikelihood] = []
    var seed: UInt64
    var method: Calibration.Method = .levenbergMarquardt

    /// A profile's 95 % interval as text.
    func intervalText(_ profile: ProfileLikelihood) -> String {
        let (lower, upper) = profile.interval
        return "\(lower.map(significant) ?? "unbounded below (within the range)") … \(upper.map(significant) ?? "unbounded above (within the range)")"
    }

    /// When the report was made: fixed at creation, so the file written and the text printed
    /// carry the same stamp however long apart they are rendered.
    let date: String = ISO8601DateFormatter().string(from: Date())

    /// Parameters of the involved model files that are not free: fixed by a source or an assumption.
    var fixed: [(file: String, name: String, value: Double, note: String)] {
        let files = Set(calibration.parameters.flatMap(\.files)).sorted()
        let free = Set(calibration.parameters.flatMap { parameter in parameter.files.map { "\($0)/\(parameter.name)" } })
        var list: [(String, String, Double, String)] = []
        for file in files {
            guard let model = PKLibrary.models.first(where: { $0.file == file }) else { continue }
            for parameter in model.checkedModel.parameters where !free.contains("\(file)/\(parameter.name)") && parameter.name != "WT" {
                list.append((file, parameter.name, parameter.defaultValue, parameter.documentation ?? ""))
            }
        }
        return list
    }

    /// What the objective is, in words.
    var objectiveDefinition: String {
        calibration.priorWidth.map { "Σ((model − observed)/tolerance)² + Σ(ln(value/centre)/ln \(significant($0)))²" }
            ?? "Σ((model − observed)/tolerance)² (no prior)"
    }

    /// How the search went.
    var searchSummary: String {
        guard !fit.starts.isEmpty else { return "no search: --evaluations 0" }
        let converged = fit.starts.filter(\.converged).count
        return "\(method == .levenbergMarquardt ? "Levenberg–Marquardt" : "Nelder–Mead"), \(fit.evaluations) evaluations, "
            + "\(fit.starts.count) start(s) of which \(converged) converged, seed \(seed)"
    }

    /// Each start's outcome: where several starts end at one objective, the optimum is not an
    /// accident of the first.
    var startsSummary: String {
        fit.starts.enumerated().map { index, start in
            "\(index == 0 ? "shipped" : "random \(index)") → \(significant(start.objective))\(start.converged ? "" : " (not converged)")"
        }.joined(separator: "; ")
    }

    func table() -> String {
        var text = "Calibration of \(calibration.parameters.count) parameter(s) on \(run.calibration.count) calibration target(s) "
            + "of \(calibration.experiments.count) experiment(s)\n"
        text += "  objective \(objectiveDefinition):\n"
        text += "  shipped \(significant(fit.shippedObjective)) → fitted \(significant(fit.objective)) "
            + "(targets \(significant(run.targetObjective)), prior \(significant(run.priorPenalty))); \(searchSummary)\n"
        if fit.starts.count > 1 { text += "  starts: \(startsSummary)\n" }
        if !calibration.fittedValidationTargets.isEmpty {
            text += "  diagnostic fit: validation targets fitted as calibration: \(calibration.fittedValidationTargets.sorted().joined(separator: ", "))\n"
        }
        text += "\n"
        var parameters = TextTable("parameter", "prior centre", "shipped", "fitted", "95% interval ×/÷", "verdict", "most sensitive target")
        for (index, parameter) in calibration.parameters.enumerated() {
            let row = identifiability?.rows[index]
            let factor = row.map { $0.intervalFactor.isFinite && $0.intervalFactor < 1e6 ? significant($0.intervalFactor) : "∞" } ?? "—"
            let verdict = row.map { $0.verdict.rawValue + ($0.atBound ? " (at bound)" : "") } ?? "—"
            parameters.add(parameter.label, parameter.prior.map(significant) ?? "—", significant(shipped[index]), significant(fit.values[index]),
                           factor, verdict, row?.mostSensitiveTarget ?? "—")
        }
        text += parameters.rendered() + "\n"
        var contributions = TextTable("calibration target", "observed", "model", "tolerance", "(model−obs)/tol")
        for residual in run.calibration.sorted(by: { abs($0.weighted) > abs($1.weighted) }) {
            contributions.add("\(residual.experiment)/\(residual.target)", significant(residual.observed), significant(residual.model),
                              "±" + significant(residual.tolerance), String(format: "%+.2f", residual.weighted))
        }
        text += contributions.rendered() + "\n"
        for profile in profiles {
            text += "Profile likelihood of \(profile.parameter): 95% interval \(intervalText(profile)) (Δχ² = 3.84)\n"
            var table = TextTable("value", "objective")
            for point in profile.points { table.add(significant(point.value), significant(point.objective)) }
            text += table.rendered() + "\n"
        }
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
            var fields = "{\"name\":\(jsonString(parameter.name)),\"label\":\(jsonString(parameter.label)),"
                + "\"files\":[\(parameter.files.map(jsonString).joined(separator: ","))],"
                + "\"shipped\":\(number(shipped[index])),\"value\":\(number(fit.values[index])),"
                + "\"lower\":\(number(parameter.lower)),\"upper\":\(number(parameter.upper)),"
                + "\"prior\":\(parameter.prior.map(number) ?? "null"),\"priorSource\":\(parameter.priorSource.map(jsonString) ?? "null")"
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
            + "\"targetObjective\":\(number(run.targetObjective)),\"priorPenalty\":\(number(run.priorPenalty)),"
            + "\"priorWidth\":\(calibration.priorWidth.map(number) ?? "null"),\"method\":\(jsonString(method.rawValue)),"
            + "\"startResults\":[\(fit.starts.map { "{\"objective\":\(number($0.objective)),\"evaluations\":\($0.evaluations),\"converged\":\($0.converged)}" }.joined(separator: ","))],"
            + "\"evaluations\":\(fit.evaluations),\"starts\":\(fit.starts.count),\"converged\":\(fit.starts.filter(\.converged).count),\"seed\":\(seed),"
            + "\"experiments\":[\(calibration.experiments.map { jsonString($0.name) }.joined(separator: ","))],"
            + "\"targets\":[\(run.calibration.map { jsonString("\($0.experiment)/\($0.target)") }.joined(separator: ","))],"
            + "\"fittedValidationTargets\":[\(calibration.fittedValidationTargets.sorted().map(jsonString).joined(separator: ","))]}"
        let profileList = profiles.map { profile in
            "{\"parameter\":\(jsonString(profile.parameter)),\"lower\":\(profile.interval.lower.map(number) ?? "null"),"
                + "\"upper\":\(profile.interval.upper.map(number) ?? "null"),\"points\":["
                + profile.points.map { "{\"value\":\(number($0.value)),\"objective\":\(number($0.objective))}" }.joined(separator: ",") + "]}"
        }
        return "{\"notice\":\(jsonString(Notice.text)),\"stamp\":\(stamp),\"parameters\":[\(parameters.joined(separator: ","))],"
            + "\"profiles\":[\(profileList.joined(separator: ","))],"
            + "\"calibration\":\(residuals(run.calibration)),\"validation\":\(residuals(run.validation)),"
            + "\"failures\":[\(run.failures.map(jsonString).joined(separator: ","))],\"fixedByAssumption\":[\(fixedList.joined(separator: ","))]}\n"
    }

    func significant(_ value: Double) -> String { ExperimentRunCommand.significant(value) }

    /// A profile as an SVG plot: the objective against the value (log scale) and the Δχ² = 3.84
    /// line, up to 4 × 3.84 above the minimum; points where an experiment failed (the objective's
    /// failure penalty) are left out.
    func profileFigure(_ profile: ProfileLikelihood) -> String {
        let points = profile.points.filter { $0.objective < Calibration.failurePenalty / 10 }
        guard let lowest = points.map(\.objective).min(), let first = points.first, let last = points.last else { return "" }
        let limit = lowest + ProfileLikelihood.threshold
        return LinePlot(title: "Profile likelihood of \(profile.parameter)",
                        xAxis: Axis(label: profile.parameter, scale: .logarithmic),
                        // The region that decides the interval: the profile above 4 × 3.84 is clipped.
                        yAxis: Axis(label: "objective", range: (lowest - 0.5)...(lowest + 4 * ProfileLikelihood.threshold)),
                        lines: [LineSeries(name: "profile (others refitted)", x: points.map(\.value), y: points.map(\.objective)),
                                LineSeries(name: "minimum + 3.84 (95 %)", x: [first.value, last.value], y: [limit, limit], dashed: true)])
            .svg()
    }


    /// A self-contained HTML page: the stamp, the parameters with their intervals and verdicts,
    /// each calibration target's contribution, the validation targets apart, the parameters fixed
    /// by a source or an assumption, and every experiment's model-vs-data figure at the fitted values.
    func html() -> String {
        func escape(_ text: String) -> String { TaperPage.escape(text) }
        func row(_ cells: [String], header: Bool = false) -> String {
            let tag = header ? "th" : "td"
            return "<tr>" + cells.map { "<\(tag)>\(escape($0))</\(tag)>" }.joined() + "</tr>\n"
        }
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Wean calibration report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 80em; }
            table { border-collapse: collapse; font-size: 0.85em; margin-bottom: 1.5em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; }
            td.fail { color: #b00; font-weight: bold; }
            figure { margin: 1em 0; } footer { margin-top: 2em; font-size: 0.85em; color: #555; }
            </style></head><body>
            <h1>Calibration report</h1>
            <p>\(escape(Notice.text))</p>
            <p>\(calibration.parameters.count) free parameter(s), \(run.calibration.count) calibration target(s) of \(calibration.experiments.count) experiment(s); \
            objective \(escape(objectiveDefinition)): shipped \(escape(significant(fit.shippedObjective))) → fitted \(escape(significant(fit.objective))) \
            (targets \(escape(significant(run.targetObjective))), prior \(escape(significant(run.priorPenalty)))); \(escape(searchSummary))\(fit.starts.count > 1 ? "; starts: " + escape(startsSummary) : ""); \(escape(date)).\(calibration.fittedValidationTargets.isEmpty ? "" : " Diagnostic fit: validation targets fitted as calibration: " + escape(calibration.fittedValidationTargets.sorted().joined(separator: ", ")) + ".")</p>
            <h2>Parameters</h2><table>

            """
        html += row(["parameter", "files", "prior centre", "set by", "shipped", "fitted", "bounds", "95% interval ×/÷", "verdict", "most sensitive target"],
                    header: true)
        for (index, parameter) in calibration.parameters.enumerated() {
            let id = identifiability?.rows[index]
            html += row([parameter.label, parameter.files.joined(separator: ", "), parameter.prior.map(significant) ?? "—", parameter.priorSource ?? "—",
                         significant(shipped[index]), significant(fit.values[index]),
                         "\(significant(parameter.lower))–\(significant(parameter.upper))",
                         id.map { $0.intervalFactor < 1e6 ? significant($0.intervalFactor) : "∞" } ?? "—",
                         id.map { $0.verdict.rawValue + ($0.atBound ? " (at bound)" : "") } ?? "—", id?.mostSensitiveTarget ?? "—"])
        }
        html += "</table>\n"
        for profile in profiles {
            html += "<h3>Profile likelihood of \(escape(profile.parameter))</h3><p>95% interval \(escape(intervalText(profile))) (Δχ² = 3.84).</p>\n"
            html += "<figure>\(profileFigure(profile))</figure><table>\n"
            html += row(["value", "objective"], header: true)
            for point in profile.points { html += row([significant(point.value), significant(point.objective)]) }
            html += "</table>\n"
        }
        html += "<h2>Calibration targets (in the objective)</h2><table>\n"
        html += row(["target", "observed", "model", "tolerance", "unit", "(model − observed)/tolerance"], header: true)
        for residual in run.calibration.sorted(by: { abs($0.weighted) > abs($1.weighted) }) {
            html += row(["\(residual.experiment)/\(residual.target)", significant(residual.observed), significant(residual.model),
                         "±" + significant(residual.tolerance), residual.unit, String(format: "%+.2f", residual.weighted)])
        }
        html += "</table>\n<h2>Validation targets (never in the objective)</h2>\n"
        html += "<p>\(run.validation.filter(\.pass).count) of \(run.validation.count) pass.</p><table>\n"
        html += row(["target", "observed", "model", "tolerance", "unit", "result"], header: true)
        for residual in run.validation {
            html += "<tr><td>\(escape("\(residual.experiment)/\(residual.target)"))</td><td>\(escape(significant(residual.observed)))</td>"
                + "<td>\(escape(significant(residual.model)))</td><td>±\(escape(significant(residual.tolerance)))</td><td>\(escape(residual.unit))</td>"
                + (residual.pass ? "<td>pass</td>" : "<td class=\"fail\">FAIL</td>") + "</tr>\n"
        }
        html += "</table>\n<h2>Fixed by a source or an assumption</h2><table>\n"
        html += row(["file", "parameter", "value", "source or assumption"], header: true)
        for item in fixed { html += row([item.file, item.name, significant(item.value), item.note]) }
        html += "</table>\n<h2>Model against data at the fitted values</h2>\n"
        for (experiment, outcome) in calibration.results(fit.values) {
            guard case .success(let result) = outcome else {
                html += "<p>\(escape(experiment.name)): did not run.</p>\n"
                continue
            }
            html += "<figure>\(ExperimentFigure.svg(for: result, experiment: experiment))</figure>\n"
        }
        html += "<footer>\(escape(Notice.text)) Generated by Wean.</footer>\n</body></html>\n"
        return html
    }
}
