import ArgumentParser
import Foundation
import ModelLanguage

/// `wean check MODEL`: parse and check a model; print its states, parameters and outputs, or
/// every error as `FILE:LINE:COLUMN: error: MESSAGE`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a .wean model and list its states, parameters and outputs."
    )

    @Argument(help: "The model file (.wean).")
    var model: String

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    /// What `run` prints: the model's summary in the requested format.
    func output() throws -> String {
        let compiled = try ModelLoading.compile(model)
        return Self.describe(compiled.model, file: model, format: format)
    }

    static func describe(_ model: Model, file: String, format: OutputFormat) -> String {
        switch format {
        case .json:
            let parameters = model.parameters.map { p in
                "{\"name\":\(jsonString(p.name)),\"default\":\(jsonNumber(p.defaultValue)),\"unit\":\(p.unit.map(jsonString) ?? "null"),\"doc\":\(p.documentation.map(jsonString) ?? "null")}"
            }
            let modifiers = model.modifiers.flatMap { kind, byState in byState.keys.sorted().map { "\"\(kind.rawValue)(\(model.states[$0].name))\"" } }.sorted()
            return "{\"notice\":\(jsonString(Notice.text)),\"model\":\(jsonString(file)),"
                + "\"states\":[\(model.states.map { jsonString($0.name) }.joined(separator: ","))],"
                + "\"parameters\":[\(parameters.joined(separator: ","))],"
                + "\"outputs\":[\(model.outputNames.map(jsonString).joined(separator: ","))],"
                + "\"modifiers\":[\(modifiers.joined(separator: ","))]}\n"
        case .table, .csv:
            var text = "\(file): OK\n\n"
            text += "states (\(model.states.count)): \(model.states.map(\.name).joined(separator: ", "))\n\n"
            if model.parameters.isEmpty {
                text += "parameters: none\n"
            } else {
                text += "parameters (\(model.parameters.count)):\n"
                let nameWidth = model.parameters.map(\.name.count).max() ?? 0
                let values = model.parameters.map { shortest($0.defaultValue) }
                let valueWidth = values.map(\.count).max() ?? 0
                for (parameter, value) in zip(model.parameters, values) {
                    var line = "  " + parameter.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    line += " = " + value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
                    if let unit = parameter.unit { line += "  [\(unit)]" }
                    if let doc = parameter.documentation { line += "  \(doc)" }
                    text += line + "\n"
                }
            }
            text += "\noutputs (\(model.outputNames.count)): \(model.outputNames.joined(separator: ", "))\n"
            let modifiers = model.modifiers.flatMap { kind, byState in byState.keys.map { "\(kind.rawValue)(\(model.states[$0].name))" } }.sorted()
            if !modifiers.isEmpty { text += "\ndosing modifiers: \(modifiers.joined(separator: ", "))\n" }
            return text + "\n" + Notice.text + "\n"
        }
    }
}
