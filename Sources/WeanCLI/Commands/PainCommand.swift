import ArgumentParser
import Clinic
import Foundation

/// `wean pain`: the change between a baseline and a follow-up pain score (NRS 0–10, or PEG as three
/// 0–10 items) and whether it is clinically meaningful (NRS: ≥30% or ≥2 points, Farrar et al.
/// 2001; PEG: ≥30%, CDC).
struct PainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pain",
        abstract: "Change in NRS or PEG pain scores and whether it is clinically meaningful.",
        discussion: """
            Examples:
              wean pain --baseline 7 --follow-up 5
              wean pain --scale peg --baseline 7,6,8 --follow-up 5,4,5
            \(Notice.text)
            """
    )

    @Option(help: "nrs (one 0–10 score) or peg (three 0–10 items: pain, enjoyment, general activity).") var scale: String = "nrs"
    @Option(parsing: .unconditional, help: "The baseline score (PEG: three comma-separated items).") var baseline: String
    @Option(parsing: .unconditional, help: "The follow-up score (PEG: three comma-separated items).") var followUp: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        let scores: (baseline: Double, followUp: Double)
        let change: PainChange
        let rule: String
        do {
            switch scale.lowercased() {
            case "nrs":
                let a = try NumericRatingScale(try Self.numbers(baseline, count: 1, option: "--baseline")[0])
                let b = try NumericRatingScale(try Self.numbers(followUp, count: 1, option: "--follow-up")[0])
                scores = (a.score, b.score)
                change = PainChange(baseline: a, followUp: b)
                rule = "≥30% or ≥2 points (Farrar et al., Pain 2001;94:149–158)"
            case "peg":
                let a = try Self.numbers(baseline, count: 3, option: "--baseline"), b = try Self.numbers(followUp, count: 3, option: "--follow-up")
                let before = try PEG(pain: a[0], enjoyment: a[1], generalActivity: a[2])
                let after = try PEG(pain: b[0], enjoyment: b[1], generalActivity: b[2])
                scores = (before.score, after.score)
                change = PainChange(baseline: before, followUp: after)
                rule = "≥30% (CDC tapering guidance; PEG of Krebs et al. 2009)"
            default:
                throw ClinicError(field: "scale", "--scale must be nrs or peg, got '\(scale)'")
            }
        } catch let error as ClinicError {
            throw ValidationError(error.message)
        }
        let verdict = change.isMeaningfulImprovement ? "clinically meaningful improvement"
            : change.isMeaningfulWorsening ? "clinically meaningful worsening" : "no clinically meaningful change"
        switch format {
        case .json:
            return "{\"notice\":\(jsonString(Notice.text)),\"scale\":\(jsonString(scale.lowercased())),"
                + "\"baseline\":\(clinicalNumber(scores.baseline)),\"followUp\":\(clinicalNumber(scores.followUp)),"
                + "\"changePoints\":\(clinicalNumber(change.points)),\"changeFraction\":\(change.fraction.map(clinicalNumber) ?? "null"),"
                + "\"meaningfulImprovement\":\(change.isMeaningfulImprovement),\"meaningfulWorsening\":\(change.isMeaningfulWorsening),"
                + "\"rule\":\(jsonString(rule))}\n"
        case .csv:
            return "# \(Notice.text)\nscale,baseline,follow_up,change_points,change_fraction,meaningful_improvement,meaningful_worsening\n"
                + "\(scale.lowercased()),\(clinicalNumber(scores.baseline)),\(clinicalNumber(scores.followUp)),\(clinicalNumber(change.points)),"
                + "\(change.fraction.map(clinicalNumber) ?? ""),\(change.isMeaningfulImprovement),\(change.isMeaningfulWorsening)\n"
        case .table:
            let percent = change.fraction.map { String(format: " (%+.0f%%)", 100 * $0) } ?? ""
            return "\(scale.uppercased()) \(fixed(scores.baseline, decimals: 2)) → \(fixed(scores.followUp, decimals: 2)): "
                + "\(String(format: "%+.2f", change.points)) points\(percent) — \(verdict).\nRule: \(rule).\n\n\(Notice.text)\n"
        }
    }

    static func numbers(_ text: String, count: Int, option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == count, values.allSatisfy({ $0 != nil }) else {
            throw ClinicError(field: option, "\(option) needs \(count == 1 ? "a number" : "\(count) comma-separated numbers"), got '\(text)'")
        }
        return values.map { $0! }
    }
}
