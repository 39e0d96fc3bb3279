import ArgumentParser
import Benchmarks
import Foundation

/// `wean bench reference-job`: the 2,000-subject population job beside its peers.
struct BenchReferenceJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference-job",
        abstract: "The 2,000-subject two-compartment job of benchmarks/reference-job: ODE and exact paths, 1 thread and all cores, C peers."
    )

    @Option(help: "The benchmark's folder (subjects.csv and the C peers).")
    var folder = "benchmarks/reference-job"

    @Option(help: "Run only the first N subjects.")
    var subjects: Int?

    @Flag(help: "Skip the C peers.")
    var noPeers = false

    @Option(help: "Run each of Wean's paths and each C peer this many times and report the fastest.")
    var repeats = 3

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        if let subjects, subjects < 1 { throw ValidationError("--subjects must be at least 1, got \(subjects)") }
    }

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("warning: this is a debug build; timings mean little. Use swift run -c release wean bench reference-job\n".utf8))
        #endif
        let report = try ReferenceJobBenchmark.run(
            folder: URL(fileURLWithPath: folder), subjectLimit: subjects, peers: !noPeers, repeats: repeats
        ) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        print(report + Notice.text)
    }
}
