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
        let kinds: [ExperimentTarget.Kind] = [.calibration, .validation]
        var passing = [0, 0], counts = [0, 0], errors: [String] = []
        func cell(_ pass: Int, _ count: Int) -> String { count == 0 ? "—" : "\(pass) / \(count)" }
        for (experiment, outcome) in zip(experiments, Experiment.runAll(experiments)) {
            switch outcome {
            case .success(let result):
                let byKind = kinds.map { kind in result.targets.filter { $0.kind == kind } }
                for index in kinds.indices {
                    passing[index] += byKind[index].filter(\.pass).count
                    counts[index] += byKind[index].count
                }
                table.add([experiment.name] + byKind.map { cell($0.filter(\.pass).count, $0.count) })
            case .failure(let error):
                table.add(experiment.name, "did not run", "did not run")
                errors.append("\(experiment.name): \(error)")
            }
        }
        table.add(["total (\(experiments.count) experiments)"] + kinds.indices.map { "\(passing[$0]) / \(counts[$0])" })
        var text = table.rendered()
        for error in errors { text += "error: \(error)\n" }
        text += "\nEach: wean experiment NAME. Validation targets were not used to choose any parameter.\n"
        return text + "\n" + Notice.text + "\n"
    }
}
