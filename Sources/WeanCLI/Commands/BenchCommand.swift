import ArgumentParser

/// `wean bench`: speed and memory against peers measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Wean's speed against peer tools in the same run (build with -c release).",
        subcommands: [BenchSolversCommand.self, BenchLanguageCommand.self, BenchReferenceJobCommand.self]
    )
}
