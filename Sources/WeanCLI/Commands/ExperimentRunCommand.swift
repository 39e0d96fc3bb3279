import ArgumentParser
import Foundation
import NameSuggestions
import Pharmacology

/// `wean experiment NAME`: runs one experiment, prints each target, exits 1 if any fails.
struct ExperimentRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one experiment (the default: `wean experiment NAME`)."
    )

    /// Output formats of an experiment: a table or JSON.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "The experiment's name (see `wean experiment list`).") var name: String
    @Option(help: "table or json.") var format: Format = .table
    @Option(help: "Write the model-vs-data plot to this SVG file.") var plot: String?

    func run() throws {
        let (text, pass) = try output()
        print(text, terminator: "")
        if !pass { throw ExitCode(1) }
    }

    /// The printed result and whether every target passed.
    func output() throws -> (String, Bool) {
        guard let experiment = ExperimentCatalogue.named(name) else {
            let names = ExperimentCatalogue.all.map(\.name)
            let hint = closestName(name, names, maximumDistance: max(2, name.count / 4)).map { " Did you mean '\($0)'?" } ?? ""
            throw ValidationError("no experiment '\(name)'.\(hint) `wean experiment list` names them all.")
        }
        let result: ExperimentResult
        do {
            result = try experiment.run()
        } catch {
            throw ValidationError("experiment \(name) failed to run: \(error)")
        }
        if let plot {
            let svg = ExperimentFigure.svg(for: result, experiment: experiment)
            do {
                try svg.write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the plot to '\(plot)': \(error.localizedDescription)")
            }
        }
        return (Self.render(result, experiment: experiment, format: format), result.pass)
    }

    static func render(_ result: ExperimentResult, experiment: Experiment, format: Format) -> String {
        switch format {
        case .json:
            let targets = result.targets.map { target in
                "{\"id\":\(jsonString(target.id)),\"kind\":\(jsonString(target.kind.rawValue)),"
                    + "\"description\":\(jsonString(target.description)),\"observed\":\(jsonNumber(target.observed)),"
                    + "\"model\":\(jsonNumber(target.model)),\"tolerance\":\(jsonNumber(target.tolerance)),"
                    + "\"unit\":\(jsonString(target.unit)),\"pass\":\(target.pass)}"
            }
            return "{\"notice\":\(jsonString(Notice.text)),\"name\":\(jsonString(result.name)),"
                + "\"citation\":\(jsonString(experiment.citation)),\"pass\":\(result.pass),"
                + "\"targets\":[\(targets.joined(separator: ","))]}\n"
        case .table:
            var table = TextTable("target", "kind", "observed", "model", "tolerance", "unit", "result")
            for target in result.targets {
                table.add(target.id, target.kind.rawValue, significant(target.observed), significant(target.model),
                          "±" + significant(target.tolerance), target.unit, target.pass ? "pass" : "FAIL")
            }
            let passed = result.targets.filter(\.pass).count
            var text = "\(result.name): \(experiment.description)\n  \(experiment.citation)\n\n" + table.rendered() + "\n"
            for target in result.targets { text += "  \(target.id): \(target.description)\n" }
            text += "\n  \(passed) of \(result.targets.count) targets pass\(result.pass ? "" : "; the experiment FAILS").\n\n\(Notice.text)\n"
            return text
        }
    }

    /// Four significant digits, without trailing zeros.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.4g", value)
    }
}
