import NameSuggestions
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
            \(SolverMethod.every.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).
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

    @Option(help: "Integration method: \(SolverMethod.every.map(\.rawValue).joined(separator: ", ")).")
    var solver: String = SolverMethod.auto.rawValue

    @Option(help: "A NONMEM-style data set (CSV): simulate every ID through its records.")
    var events: String?

    @Option(help: "With --events: threads to simulate subjects on (default: all cores).")
    var threads: Int?

    @Option(help: "With --events: comma-separated columns to ignore (NONMEM's DROP).")
    var drop: String?

    @Option(help: "How covariates apply between records: nocb (NONMEM's) or locf.")
    var covariates: String = CovariateRule.nocb.rawValue

    @Option(help: "With --events: print per-ID Cmax, Tmax and AUC (linear-up/log-down) of this output instead of the rows.")
    var summary: String?

    @Option(help: "With --summary: the interval \"START,END\" (default: the data's span).")
    var interval: String?

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
        try output { print($0, terminator: "") }
    }

    /// What `run` prints, as one string.
    func output() throws -> String {
        var text = ""
        try output { text += $0 }
        return text
    }

    /// Produces the simulated outputs in the requested format, handing text to `write` as it is
    /// ready (a data set's CSV rows stream subject by subject).
    func output(_ write: (String) -> Void) throws {
        guard let method = SolverMethod(rawValue: solver) else {
            throw ValidationError("unknown solver '\(solver)'; expected one of \(SolverMethod.every.map(\.rawValue).joined(separator: ", "))")
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
        if let events {
            guard doses.isEmpty else { throw ValidationError("give doses in the data set or with --dose, not both") }
            return try simulateDataSet(events, compiled: compiled, instance: instance, method: method, options: options, columns: selected, write: write)
        }
        guard summary == nil, interval == nil else { throw ValidationError("--summary and --interval need --events") }
        let grid = try outputTimes()
        let result: SimulationResult
        do {
            result = try Simulator.simulate(instance, doses: records, outputTimes: grid, method: method, options: options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        write(Self.render(result, columns: selected, format: format))
    }

    /// `--events`: every ID of the data set, rows `id,time,evid,dv,<outputs>` (or `--summary`).
    func simulateDataSet(
        _ path: String, compiled: CompiledModel, instance: ModelInstance, method: SolverMethod, options: SolverOptions, columns: [String],
        write: (String) -> Void
    ) throws {
        guard let rule = CovariateRule(rawValue: covariates) else {
            throw ValidationError("--covariates must be nocb or locf, got '\(covariates)'")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read data set '\(path)'")
        }
        let dataSet: EventDataSet
        do {
            var context = DataSetSimulation.context(for: compiled.model)
            context.droppedColumns = Set((drop ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            dataSet = try EventDataSetReader.read(csv: text, file: path, context: context)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            FileHandle.standardError.write(Data("\(error.errors.count) bad record\(error.errors.count == 1 ? "" : "s") in \(path); nothing simulated\n".utf8))
            throw ExitCode.failure
        }
        let extra = (times != nil || end != nil) ? try outputTimes() : []
        // Parameters set with --param apply to every subject, under its covariates.
        let parameterValues = compiled.model.parameters.indices.map { instance.parameter($0) }
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard threadCount >= 1 else { throw ValidationError("--threads must be ≥ 1") }
        let indices = columns.map { compiled.outputNames.firstIndex(of: $0)! }
        let progress = ProgressBar(total: dataSet.subjects.count, label: "subjects")
        var rows: [DataSetSimulation.Row] = []
        // CSV streams: each batch of subjects is printed as soon as it is done, in data-set order.
        let streaming = summary == nil && format == .csv
        if streaming { write(Self.renderRows([], columns: columns, indices: indices, format: .csv, hasDV: dataSet.hasDV)) }
        do {
            try DataSetSimulation.simulateInParallel(
                dataSet, makeRuntime: {
                    let runtime = compiled.makeInstance()
                    for (index, value) in parameterValues.enumerated() { runtime.setParameter(index, to: value) }
                    return runtime
                }, extraTimes: extra, covariates: rule, method: method, options: options, threads: threadCount,
                emit: { subjectRows in
                    if streaming {
                        write(Self.csvLines(subjectRows, indices: indices, hasDV: dataSet.hasDV))
                    } else {
                        rows += subjectRows
                    }
                }, progress: progress.update)
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        progress.finish()
        if streaming { return }
        if let summary {
            guard let column = compiled.outputNames.firstIndex(of: summary) else {
                throw ValidationError("--summary: the model has no output '\(summary)'")
            }
            var range: ClosedRange<Double>?
            if let interval {
                let bounds = interval.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard bounds.count == 2, bounds[0] < bounds[1] else { throw ValidationError("--interval must be \"START,END\" with START < END") }
                range = bounds[0]...bounds[1]
            }
            write(Self.renderSummary(rows, column: column, name: summary, interval: range, format: format))
            return
        }
        write(Self.renderRows(rows, columns: columns, indices: indices, format: format, hasDV: dataSet.hasDV))
    }

    static func csvLines(_ rows: [DataSetSimulation.Row], indices: [Int], hasDV: Bool) -> String {
        rows.map { row in
            ([row.id, shortest(row.time), "\(row.evid)"] + (hasDV ? [row.dv.map(shortest) ?? "."] : [])
                + indices.map { shortest(row.values[$0]) }).joined(separator: ",") + "\n"
        }.joined()
    }

    static func renderRows(_ rows: [DataSetSimulation.Row], columns: [String], indices: [Int], format: OutputFormat, hasDV: Bool) -> String {
        let header = ["id", "time", "evid"] + (hasDV ? ["dv"] : []) + columns
        func cells(_ row: DataSetSimulation.Row) -> [String] {
            [row.id, shortest(row.time), "\(row.evid)"] + (hasDV ? [row.dv.map(shortest) ?? "."] : []) + indices.map { shortest(row.values[$0]) }
        }
        switch format {
        case .csv:
            return "# \(Notice.text)\n" + header.joined(separator: ",") + "\n" + csvLines(rows, indices: indices, hasDV: hasDV)
        case .table:
            var table = TextTable(header)
            table.rows = rows.map(cells)
            return table.rendered(indent: "") + Notice.text + "\n"
        case .json:
            let body = rows.map { row in
                "[" + ([jsonString(row.id), jsonNumber(row.time), "\(row.evid)"] + (hasDV ? [row.dv.map(jsonNumber) ?? "null"] : [])
                    + indices.map { jsonNumber(row.values[$0]) }).joined(separator: ",") + "]"
            }
            return "{\"notice\":\(jsonString(Notice.text)),\"columns\":[\(header.map(jsonString).joined(separator: ","))],\"rows\":[\(body.joined(separator: ","))]}\n"
        }
    }

    static func renderSummary(_ rows: [DataSetSimulation.Row], column: Int, name: String, interval: ClosedRange<Double>?, format: OutputFormat) -> String {
        var ids: [String] = []
        for row in rows where !ids.contains(row.id) { ids.append(row.id) }
        let summaries = ids.map { id -> (String, NonCompartmentalSummary?) in
            let subject = rows.filter { $0.id == id }
            return (id, NonCompartmentalSummary(times: subject.map(\.time), values: subject.map { $0.values[column] }, interval: interval))
        }
        let header = ["id", "cmax_\(name)", "tmax", "auc_\(name)", "start", "end"]
        func cells(_ item: (String, NonCompartmentalSummary?)) -> [String] {
            guard let s = item.1 else { return [item.0, ".", ".", ".", ".", "."] }
            return [item.0, shortest(s.cmax), shortest(s.tmax), shortest(s.auc), shortest(s.start), shortest(s.end)]
        }
        switch format {
        case .csv:
            return "# \(Notice.text)\n" + header.joined(separator: ",") + "\n" + summaries.map { cells($0).joined(separator: ",") + "\n" }.joined()
        case .table:
            var table = TextTable(header)
            table.rows = summaries.map(cells)
            return table.rendered(indent: "") + Notice.text + "\n"
        case .json:
            let body = summaries.map { "[" + cells($0).enumerated().map { $0.offset == 0 ? jsonString($0.element) : ($0.element == "." ? "null" : $0.element) }.joined(separator: ",") + "]" }
            return "{\"notice\":\(jsonString(Notice.text)),\"columns\":[\(header.map(jsonString).joined(separator: ","))],\"rows\":[\(body.joined(separator: ","))]}\n"
        }
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

