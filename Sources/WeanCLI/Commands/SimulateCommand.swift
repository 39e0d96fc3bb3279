import ArgumentParser
import Dosing
import Foundation
import ModelLanguage
import Simulation
import Solvers

/// `wean simulate MODEL`: solve a model with doses and print its outputs over time
/// (DESIGN.md §3: CSV with a `# ` notice line and a header `time,<states>,<assigned names>`).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a .wean model with doses and print its outputs.",
        discussion: """
            Doses: --dose "time=0,amt=100,cmt=depot" (bolus); add rate=R for a zero-order infusion \
            (or dur=D), ii=24,addl=6 for repeats, rate=-1 / rate=-2 for the model's rate() / dur(). \
            cmt is a state's name or 1-based number (default: the first state). Solvers: \
            \(SolverMethod.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).
            """
    )

    @Argument(help: "The model file (.wean).")
    var model: String

    @Option(help: "End time (model time units).")
    var end: Double?

    @Option(help: "Output interval (default: end/100).")
    var step: Double?

    @Option(help: "Comma-separated output times (instead of --end/--step).")
    var times: String?

    @Option(name: .customLong("param"), help: "NAME=VALUE: set a parameter (repeatable).")
    var parameters: [String] = []

    @Option(name: .customLong("dose"), help: "A dose, e.g. \"time=0,amt=100,cmt=depot\" (repeatable).")
    var doses: [String] = []

    @Option(help: "Relative tolerance.")
    var rtol: Double = 1e-8

    @Option(help: "Absolute tolerance.")
    var atol: Double = 1e-10

    @Option(help: "Integration method: \(SolverMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var solver: String = SolverMethod.auto.rawValue

    @Option(help: "Comma-separated outputs to print (default: every state and assigned name).")
    var outputs: String?

    @Option(help: "csv, json or table.")
    var format: OutputFormat = .csv

    func outputTimes() throws -> [Double] {
        if let times {
            guard end == nil, step == nil else { throw ValidationError("give --times or --end/--step, not both") }
            var values: [Double] = []
            for part in times.split(separator: ",") {
                guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw ValidationError("--times: '\(part)' is not a number")
                }
                values.append(value)
            }
            guard !values.isEmpty else { throw ValidationError("--times is empty") }
            guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ValidationError("--times must be increasing")
            }
            return values
        }
        guard let end else { throw ValidationError("give --end (with an optional --step) or --times") }
        guard end.isFinite, end > 0 else { throw ValidationError("--end must be a positive number, got \(end)") }
        let interval = step ?? end / 100
        guard interval.isFinite, interval > 0 else { throw ValidationError("--step must be a positive number, got \(interval)") }
        let count = (end / interval * (1 + 1e-12)).rounded(.down)
        guard count <= 10_000_000 else { throw ValidationError("--end/--step asks for \(Int(count)) output times; at most 10,000,000") }
        var values = (0...Int(count)).map { Double($0) * interval }
        if let last = values.last, end - last > 1e-9 * end { values.append(end) }
        return values
    }

    func run() throws {
        print(try output(), terminator: "")
    }

    /// What `run` prints: the simulated outputs in the requested format.
    func output() throws -> String {
        guard let method = SolverMethod(rawValue: solver) else {
            throw ValidationError("unknown solver '\(solver)'; expected one of \(SolverMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard rtol.isFinite, rtol >= 0, atol.isFinite, atol >= 0, rtol + atol > 0 else {
            throw ValidationError("--rtol and --atol must be finite, ≥ 0, and not both 0")
        }
        let compiled = try ModelLoading.compile(model)
        let instance = compiled.makeInstance()
        for assignment in parameters {
            let pair = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), value.isFinite else {
                throw ValidationError("--param '\(assignment)': expected NAME=NUMBER")
            }
            guard instance.setParameter(named: pair[0], to: value) else {
                let names = compiled.model.parameters.map(\.name)
                let hint = closestName(pair[0], names).map { "; did you mean '\($0)'?" } ?? " (parameters: \(names.joined(separator: ", ")))"
                throw ValidationError("--param: the model has no parameter '\(pair[0])'\(hint)")
            }
        }
        var records: [DoseRecord] = []
        for text in doses {
            do { records.append(try DoseSpecification.parse(text)) } catch { throw ValidationError("--dose: \(error.message)") }
        }
        var selected = compiled.outputNames
        if let outputs {
            selected = outputs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for name in selected where !compiled.outputNames.contains(name) {
                let hint = closestName(name, compiled.outputNames).map { "; did you mean '\($0)'?" } ?? " (outputs: \(compiled.outputNames.joined(separator: ", ")))"
                throw ValidationError("--outputs: the model has no output '\(name)'\(hint)")
            }
        }
        var options = SolverOptions(relativeTolerance: .scalar(rtol), absoluteTolerance: .scalar(atol))
        options.maximumSteps = 1_000_000
        let grid = try outputTimes()
        let result: SimulationResult
        do {
            result = try Simulator.simulate(instance, doses: records, outputTimes: grid, method: method, options: options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        return Self.render(result, columns: selected, format: format)
    }

    static func render(_ result: SimulationResult, columns: [String], format: OutputFormat) -> String {
        let indices = columns.map { result.names.firstIndex(of: $0)! }
        switch format {
        case .csv:
            var text = "# \(Notice.text)\n"
            text += (["time"] + columns).joined(separator: ",") + "\n"
            for (t, row) in zip(result.times, result.rows) {
                text += ([shortest(t)] + indices.map { shortest(row[$0]) }).joined(separator: ",") + "\n"
            }
            return text
        case .json:
            let rows = zip(result.times, result.rows).map { t, row in
                "[" + ([jsonNumber(t)] + indices.map { jsonNumber(row[$0]) }).joined(separator: ",") + "]"
            }
            return "{\"notice\":\(jsonString(Notice.text)),\"columns\":[\((["time"] + columns).map(jsonString).joined(separator: ","))],"
                + "\"rows\":[\(rows.joined(separator: ","))]}\n"
        case .table:
            var table = TextTable(["time"] + columns)
            for (t, row) in zip(result.times, result.rows) {
                table.rows.append([shortest(t)] + indices.map { String(format: "%.6g", row[$0]) })
            }
            return table.rendered(indent: "") + Notice.text + "\n"
        }
    }
}

/// The candidate closest to `name` by edit distance (at most 2), if any.
func closestName(_ name: String, _ candidates: [String]) -> String? {
    func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
    return candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
}
