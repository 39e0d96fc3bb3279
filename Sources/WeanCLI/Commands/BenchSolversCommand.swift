import ArgumentParser
import Benchmarks
import Foundation

/// `wean bench solvers`: the work-precision comparison of the ODE solvers with CVODE and scipy.
struct BenchSolversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvers",
        abstract: "Work-precision tables of Wean's solvers beside CVODE and scipy on the Bari test problems.",
        discussion: """
            Runs Wean's methods and, unless --no-peers, the peers in benchmarks/peers/ (installed by its \
            install.sh: Debian's libsundials-dev and scipy) at a sweep of tolerances, and prints scd, work, \
            times and time ratios at equal scd. Build with `swift run -c release wean bench solvers`.
            """
    )

    @Option(help: "Comma-separated problems: rober, vdpol, orego, arenstorf, pk2cmt.")
    var problems = "rober,vdpol,orego,arenstorf,pk2cmt"

    @Option(help: "Comma-separated relative tolerances of the sweep.")
    var tolerances = "1e-4,1e-5,1e-6,1e-7,1e-8,1e-9,1e-10"

    @Option(help: "The folder of the peer harnesses.")
    var peersDir = "benchmarks/peers"

    @Flag(help: "Run Wean's solvers only.")
    var noPeers = false

    func validate() throws {
        let known = ["rober", "vdpol", "orego", "arenstorf", "pk2cmt"]
        for name in problemList where !known.contains(name) {
            throw ValidationError("unknown problem '\(name)'; expected one of \(known.joined(separator: ", "))")
        }
        guard let list = toleranceList, !list.isEmpty, list.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw ValidationError("--tolerances must be comma-separated numbers in (0, 1), got '\(tolerances)'")
        }
    }

    var problemList: [String] { problems.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
    var toleranceList: [Double]? {
        let values = tolerances.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("warning: this is a debug build; timings mean little. Use swift run -c release wean bench solvers\n".utf8))
        #endif
        var configuration = SolverBenchmark.Configuration()
        configuration.problems = problemList
        configuration.relativeTolerances = toleranceList ?? configuration.relativeTolerances
        configuration.peersDirectory = noPeers ? nil : URL(fileURLWithPath: peersDir)
        let results = try SolverBenchmark.run(configuration) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        print(SolverBenchmark.report(results, notice: Notice.text), terminator: "")
    }
}
