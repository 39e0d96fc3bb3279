import ArgumentParser
import Pharmacology

/// `wean experiment list`: one experiment per line, `NAME  description`, nothing else on stdout;
/// with `--results`, every experiment run and its calibration and validation targets counted.
struct ExperimentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments, one per line: NAME  description.",
        discussion: "With --results, runs every experiment (on all cores) and prints, for each, how many of its calibration and validation targets pass, with the totals. Validation targets were not used to choose any parameter."
    )

    @Flag(help: "Run every experiment and count the targets that pass.") var results = false

    func run() throws {
        print(results ? Self.scoreboard() : Self.listing(), terminator: "")
    }

    static func listing() -> String {
        ExperimentCatalogue.all.map { "\($0.name)  \($0.description)\n" }.joined()
    }

    /// Each experiment's passing calibration and validation targets over its total ("—" where it
    /// has none of a kind), and the totals; an experiment that cannot run says why.
    static func scoreboard(_ experiments: [Experiment] = ExperimentCatalogue.all) -> String {
        var table = TextTable("experiment", "calibration", "validation")
        var totals: [ExperimentTarget.Kind: (pass: Int, count: Int)] = [:]
        var errors: [String] = []
        func cell(_ targets: [ExperimentTarget]) -> String {
            targets.isEmpty ? "—" : "\(targets.filter(\.pass).count) / \(targets.count)"
        }
        for (experiment, outcome) in zip(experiments, Experiment.runAll(experiments)) {
            switch outcome {
            case .success(let result):
                let calibration = result.targets.filter { $0.kind == .calibration }
                let validation = result.targets.filter { $0.kind == .validation }
                for (kind, targets) in [(ExperimentTarget.Kind.calibration, calibration), (.validation, validation)] {
                    totals[kind, default: (0, 0)].pass += targets.filter(\.pass).count
                    totals[kind, default: (0, 0)].count += targets.count
                }
                table.add(experiment.name, cell(calibration), cell(validation))
            case .failure(let error):
                table.add(experiment.name, "did not run", "did not run")
                errors.append("\(experiment.name): \(error)")
            }
        }
        func total(_ kind: ExperimentTarget.Kind) -> String {
            let (pass, count) = totals[kind] ?? (0, 0)
            return "\(pass) / \(count)"
        }
        table.add("total (\(experiments.count) experiments)", total(.calibration), total(.validation))
        var text = table.rendered()
        for error in errors { text += "error: \(error)\n" }
        text += "\nEach: wean experiment NAME. Validation targets were not used to choose any parameter.\n"
        return text + "\n" + Notice.text + "\n"
    }
}
