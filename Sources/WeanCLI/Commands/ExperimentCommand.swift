import ArgumentParser

/// `wean experiment`: published designs rerun on the model, graded against the papers' numbers.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Rerun a published design on the model and compare it with the paper's numbers.",
        discussion: "`wean experiment list` names them; `wean experiment NAME` runs one and exits 1 if any target fails.\n\(Notice.text)",
        subcommands: [ExperimentListCommand.self, ExperimentRunCommand.self, ExperimentCalibrateCommand.self],
        defaultSubcommand: ExperimentRunCommand.self
    )
}
