import ArgumentParser
import Benchmarks
import Foundation

/// `wean bench language`: the model language's run-time cost against native and hand-written code.
struct BenchLanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Cost per RHS and Jacobian evaluation: evaluator, native library model, hand-written Swift."
    )

    @Option(help: "The examples folder (model files).")
    var examples = "examples"

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("warning: this is a debug build; timings mean little. Use swift run -c release wean bench language\n".utf8))
        #endif
        let report = try LanguageBenchmark.run(examples: URL(fileURLWithPath: examples)) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        print(report + Notice.text)
    }
}
