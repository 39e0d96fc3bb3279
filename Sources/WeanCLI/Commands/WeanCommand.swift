import ArgumentParser

/// The `wean` command: simulation of opioid tolerance, opioid-induced hyperalgesia and
/// mesenchymal stem cell therapy. Research and education software, not medical advice.
public struct WeanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wean",
        abstract: "Simulate opioid tolerance, hyperalgesia and MSC therapy; plan tapers.",
        discussion: Notice.text,
        subcommands: [DemoCommand.self, CheckCommand.self, SimulateCommand.self, ExperimentCommand.self, ScenarioCommand.self, MMECommand.self, RiskCommand.self, COWSCommand.self, PainCommand.self, TaperCommand.self, BenchCommand.self]
    )

    public init() {}
}
