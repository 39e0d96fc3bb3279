import ArgumentParser
import Clinic
import Foundation

/// `wean cows`: the Clinical Opiate Withdrawal Scale total and band from its eleven items.
struct COWSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cows",
        abstract: "Clinical Opiate Withdrawal Scale (Wesson & Ling 2003): total and severity band.",
        discussion: "Every item is required; the resting pulse as a score (--resting-pulse) or in beats per minute (--pulse-bpm).\n\(Notice.text)"
    )

    @Option(parsing: .unconditional, help: "Resting pulse score: 0, 1, 2 or 4.") var restingPulse: Int?
    @Option(parsing: .unconditional, help: "Resting pulse in beats per minute (scored ≤80 0, 81–100 1, 101–120 2, >120 4).") var pulseBpm: Double?
    @Option(parsing: .unconditional, help: "Sweating: 0–4.") var sweating: Int?
    @Option(parsing: .unconditional, help: "Restlessness: 0, 1, 3 or 5.") var restlessness: Int?
    @Option(parsing: .unconditional, help: "Pupil size: 0, 1, 2 or 5.") var pupilSize: Int?
    @Option(parsing: .unconditional, help: "Bone or joint aches: 0, 1, 2 or 4.") var boneJointAches: Int?
    @Option(parsing: .unconditional, help: "Runny nose or tearing: 0, 1, 2 or 4.") var runnyNoseTearing: Int?
    @Option(parsing: .unconditional, help: "GI upset: 0, 1, 2, 3 or 5.") var giUpset: Int?
    @Option(parsing: .unconditional, help: "Tremor: 0, 1, 2 or 4.") var tremor: Int?
    @Option(parsing: .unconditional, help: "Yawning: 0, 1, 2 or 4.") var yawning: Int?
    @Option(parsing: .unconditional, help: "Anxiety or irritability: 0, 1, 2 or 4.") var anxietyIrritability: Int?
    @Option(parsing: .unconditional, help: "Gooseflesh skin: 0, 3 or 5.") var gooseflesh: Int?
    @Option(help: "Item scores as NAME=SCORE pairs, e.g. 'pulse=1,sweating=2,…' (alternative to the item options).") var items: String?
    @Option(help: "All 11 item scores in the form's order, comma-separated (pulse, sweating, restlessness, pupils, aches, nose, GI, tremor, yawning, anxiety, gooseflesh).") var scores: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    static func set(_ item: COWS.Item, _ value: Int, in scores: inout [COWS.Item: Int]) throws {
        guard scores[item] == nil else { throw ClinicError(field: item.rawValue, "COWS \(item.rawValue) is given twice") }
        scores[item] = value
    }

    func output() throws -> String {
        let cows: COWS
        do {
            var pulse = restingPulse
            if let pulseBpm {
                guard restingPulse == nil else { throw ClinicError(field: "pulse-bpm", "give --resting-pulse or --pulse-bpm, not both") }
                pulse = try COWS.pulseScore(beatsPerMinute: pulseBpm)
            }
            let given: [(COWS.Item, Int?)] = [
                (.restingPulse, pulse), (.sweating, sweating), (.restlessness, restlessness), (.pupilSize, pupilSize),
                (.boneJointAches, boneJointAches), (.runnyNoseTearing, runnyNoseTearing), (.giUpset, giUpset),
                (.tremor, tremor), (.yawning, yawning), (.anxietyIrritability, anxietyIrritability), (.gooseflesh, gooseflesh),
            ]
            var collected: [COWS.Item: Int] = [:]
            for (item, score) in given { if let score { collected[item] = score } }
            if let scores {
                let values = scores.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard values.count == COWS.Item.allCases.count, values.allSatisfy({ $0 != nil }) else {
                    throw ClinicError(field: "scores", "--scores needs 11 whole numbers separated by commas, in the form's order; got '\(scores)'")
                }
                for (item, value) in zip(COWS.Item.allCases, values) { try Self.set(item, value!, in: &collected) }
            }
            if let items {
                for pair in items.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, let value = Int(parts[1]) else {
                        throw ClinicError(field: "items", "--items: '\(pair)' is not NAME=SCORE")
                    }
                    guard let item = COWS.Item(named: parts[0]) else {
                        throw ClinicError(field: "items", "--items: unknown COWS item '\(parts[0])'; items: \(COWS.Item.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    try Self.set(item, value, in: &collected)
                }
            }
            cows = try COWS(scores: collected)
        } catch let error as ClinicError {
            throw ValidationError(error.message)
        }
        let items = COWS.Item.allCases
        switch format {
        case .json:
            let fields = items.map { "\(jsonString($0.rawValue)):\(cows.scores[$0]!)" }
            return "{\"notice\":\(jsonString(Notice.text)),\"total\":\(cows.total),\"maximum\":\(COWS.maximumTotal),"
                + "\"band\":\(jsonString(cows.band.rawValue)),\"items\":{\(fields.joined(separator: ","))},"
                + "\"source\":\"Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35:253–259\"}\n"
        case .csv:
            return "# \(Notice.text)\n" + (items.map(\.rawValue) + ["total", "band"]).joined(separator: ",") + "\n"
                + (items.map { String(cows.scores[$0]!) } + [String(cows.total), cows.band.rawValue]).joined(separator: ",") + "\n"
        case .table:
            var table = TextTable("item", "score")
            for item in items { table.add(item.rawValue, String(cows.scores[item]!)) }
            table.add("total", "\(cows.total) / \(COWS.maximumTotal)")
            return table.rendered() + "\n  band: \(cows.band.rawValue) (5–12 mild, 13–24 moderate, 25–36 moderately severe, >36 severe)\n\n" + Notice.text + "\n"
        }
    }
}
