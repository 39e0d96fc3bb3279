import ArgumentParser
import Foundation
import Pharmacology
import Plots

/// `wean scenario`'s output: the time course as a table, CSV or JSON, the dose-response tests, the
/// plot, the listings, and reading a scenario back from JSON.
enum ScenarioReport {
    // MARK: Table

    static func table(_ result: ScenarioResult) -> String {
        var header = ["time_h", "day"]
        header += result.readouts.map { "\($0.rawValue) (\($0.unit))" }
        var table = TextTable(header)
        for (row, time) in result.times.enumerated() {
            table.add([shortest(time), fixed(time / 24, decimals: 3)] + result.columns.map { significant($0[row]) })
        }
        var text = "\(result.modelName), \(significant(result.weightKilograms)) kg\n\n" + table.rendered() + "\n"
        for test in result.doseResponses { text += doseResponseText(test) }
        return text + "\(Notice.text)\n"
    }

    static func doseResponseText(_ result: DoseResponseResult) -> String {
        let test = result.test
        let doseHeader = test.cumulativeIntervalHours == nil ? "dose" : "cumulative dose"
        var table = TextTable("\(doseHeader) (\(test.unit.rawValue))", "read after", "\(result.responseName)", "\(result.responseName), drug-naive")
        for (index, dose) in test.doses.enumerated() {
            table.add(shortest(dose), ScenarioText.text(hours: result.peakHours[index]), significant(result.responses[index]),
                      significant(result.naiveResponses[index]))
        }
        func ed50(_ value: Double?, above: Bool, below: Bool) -> String {
            if let value { return "\(significant(value)) \(test.unit.rawValue)" }
            return above ? "above the range tested" : below ? "below the range tested" : "not found"
        }
        var text = "Dose-response at \(ScenarioText.text(hours: test.atHours)): "
        if let interval = test.cumulativeIntervalHours {
            let every = ScenarioText.text(hours: interval)
            text += "cumulative \(test.route.rawValue) doses every \(every) on one copy of the state, \(result.responseName) read \(every) after each increment"
        } else {
            text += "\(test.route.rawValue) challenge on copies of the state, \(result.responseName) read at each dose's drug-naive peak-effect time"
        }
        text += "\n\n" + table.rendered() + "\n"
        text += "  ED50 \(ed50(result.ed50, above: result.aboveRange, below: result.belowRange)); drug-naive "
            + "\(ed50(result.ed50Naive, above: result.naiveAboveRange, below: result.naiveBelowRange))"
        if let ratio = result.ed50Ratio { text += "; ratio \(significant(ratio))" }
        return text + "\n\n"
    }

    // MARK: CSV

    static func csv(_ result: ScenarioResult) -> String {
        var text = "# \(Notice.text)\n"
        text += (["time_h"] + result.readouts.map(\.rawValue)).joined(separator: ",") + "\n"
        for (row, time) in result.times.enumerated() {
            text += ([shortest(time)] + result.columns.map { $0[row].isFinite ? shortest($0[row]) : "" }).joined(separator: ",") + "\n"
        }
        for test in result.doseResponses {
            func value(_ x: Double?) -> String { x.map(shortest) ?? "NA" }
            text += "# dose-response at_h=\(shortest(test.test.atHours)) route=\(test.test.route.rawValue) unit=\(test.test.unit.rawValue) "
                + (test.test.cumulativeIntervalHours.map { "cumulative_every_h=\(shortest($0)) " } ?? "")
                + "ed50=\(value(test.ed50)) ed50_naive=\(value(test.ed50Naive)) ed50_ratio=\(value(test.ed50Ratio))"
                + (test.aboveRange ? " above_range=true" : "") + "\n"
        }
        return text
    }

    // MARK: JSON

    static func json(_ result: ScenarioResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let scenario = String(decoding: try encoder.encode(result.scenario), as: UTF8.self)
        let readouts = result.readouts.map {
            "{\"name\":\(jsonString($0.rawValue)),\"unit\":\(jsonString($0.unit)),\"meaning\":\(jsonString($0.meaning))}"
        }
        func numbers(_ values: [Double]) -> String { "[" + values.map(jsonNumber).joined(separator: ",") + "]" }
        func optional(_ value: Double?) -> String { value.map(jsonNumber) ?? "null" }
        var course = ["\"time_h\":\(numbers(result.times))"]
        for (readout, column) in zip(result.readouts, result.columns) { course.append("\(jsonString(readout.rawValue)):\(numbers(column))") }
        let tests = result.doseResponses.map { test in
            "{\"atHours\":\(jsonNumber(test.test.atHours)),\"route\":\(jsonString(test.test.route.rawValue)),"
                + "\"unit\":\(jsonString(test.test.unit.rawValue)),\"doses\":\(numbers(test.test.doses)),"
                + "\"cumulativeIntervalHours\":\(optional(test.test.cumulativeIntervalHours)),"
                + "\"peakHours\":\(numbers(test.peakHours)),\"response\":\(jsonString(test.responseName)),"
                + "\"responses\":\(numbers(test.responses)),\"naiveResponses\":\(numbers(test.naiveResponses)),"
                + "\"ed50\":\(optional(test.ed50)),\"ed50Naive\":\(optional(test.ed50Naive)),\"ed50Ratio\":\(optional(test.ed50Ratio)),"
                + "\"aboveRange\":\(test.aboveRange),\"belowRange\":\(test.belowRange),"
                + "\"naiveAboveRange\":\(test.naiveAboveRange),\"naiveBelowRange\":\(test.naiveBelowRange)}"
        }
        return "{\"notice\":\(jsonString(Notice.text)),\"model\":\(jsonString(result.modelName)),"
            + "\"weightKilograms\":\(jsonNumber(result.weightKilograms)),\"scenario\":\(scenario),"
            + "\"readouts\":[\(readouts.joined(separator: ","))],\"timeCourse\":{\(course.joined(separator: ","))},"
            + "\"doseResponse\":[\(tests.joined(separator: ","))]}\n"
    }

    /// The scenario of a `--format json` output (its `scenario` field) or of a bare scenario object.
    static func scenario(fromFile path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--from: cannot read '\(path)'") }
        return try scenario(fromJSON: data, name: path)
    }

    static func scenario(fromJSON data: Data, name: String) throws -> Scenario {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ValidationError("--from: \(name) is not JSON: \(error.localizedDescription)")
        }
        guard let dictionary = object as? [String: Any] else { throw ValidationError("--from: \(name) holds no JSON object") }
        let inner = (dictionary["scenario"] as? [String: Any]) ?? dictionary
        do {
            return try JSONDecoder().decode(Scenario.self, from: try JSONSerialization.data(withJSONObject: inner))
        } catch let error as DecodingError {
            throw ValidationError("--from: \(name): \(describe(error))")
        }
    }

    /// A decoding error as `path.to.field: what was expected`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "scenario" + text
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    // MARK: Plot

    static func figure(_ result: ScenarioResult) -> Figure {
        let span = (result.times.last ?? 0) - (result.times.first ?? 0)
        let inDays = span > 72
        let x = result.times.map { inDays ? $0 / 24 : $0 }
        var panels = zip(result.readouts, result.columns).map { readout, column in
            LinePlot(title: readout.meaning.prefix(1).uppercased() + readout.meaning.dropFirst(), xAxis: Axis(label: inDays ? "time (d)" : "time (h)"),
                     yAxis: Axis(label: "\(readout.rawValue) (\(readout.unit))"),
                     lines: [LineSeries(name: readout.rawValue, x: x, y: column)])
        }
        for test in result.doseResponses {
            panels.append(LinePlot(
                title: "Dose-response at \(ScenarioText.text(hours: test.test.atHours)) (\(test.test.route.rawValue))",
                xAxis: Axis(label: "dose (\(test.test.unit.rawValue))", scale: .logarithmic),
                yAxis: Axis(label: test.responseName),
                lines: [LineSeries(name: "subject", x: test.test.doses, y: test.responses),
                        LineSeries(name: "drug-naive", x: test.test.doses, y: test.naiveResponses, dashed: true)]))
        }
        return Figure(title: "wean scenario: \(result.modelName)", panels: panels, columns: panels.count > 1 ? 2 : 1, footer: Notice.text)
    }

    // MARK: Listings

    static func readoutListing(species: Species?) throws -> String {
        var table = TextTable("readout", "unit", "species", "meaning")
        for readout in Readout.allCases where species.map(readout.applies) ?? true {
            let kinds = Species.allCases.filter(readout.applies).map(\.rawValue).joined(separator: "/")
            table.add(readout.rawValue, readout.unit, kinds, readout.meaning)
        }
        return table.rendered() + "\nMechanistic readouts (tolerance, oih, glia, astrocytes, cytokines, withdrawal, cows, msc_cells, naloxone) need a "
            + "mechanistic model: \(PKLibrary.models.filter(\.isMechanistic).map(\.name).joined(separator: ", ")).\n\n\(Notice.text)\n"
    }

    static func opioidListing() -> String {
        var table = TextTable("opioid", "species", "routes", "model")
        for model in PKLibrary.models {
            table.add(model.opioid.rawValue, model.species.rawValue, model.supportedRoutes.map(\.rawValue).joined(separator: ", "),
                      model.isMechanistic ? "mechanistic" : "PK-only")
        }
        return table.rendered() + "\n\(Notice.text)\n"
    }

    static func significant(_ value: Double) -> String { ExperimentRunCommand.significant(value) }
}
