import ArgumentParser
import Pharmacology

/// `wean experiment list`: one experiment per line, `NAME  description`, nothing else on stdout.
struct ExperimentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments, one per line: NAME  description."
    )

    func run() throws {
        print(Self.listing(), terminator: "")
    }

    static func listing() -> String {
        ExperimentCatalogue.all.map { "\($0.name)  \($0.description)\n" }.joined()
    }
}
