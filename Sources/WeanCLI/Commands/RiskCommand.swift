import ArgumentParser
import Clinic

/// `wean risk`: probability of still using opioids one year after a first episode of a given
/// length (Shah, Hayes & Martin, MMWR 2017).
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Probability of long-term opioid use from the first episode (Shah et al., MMWR 2017).",
        discussion: "Example: wean risk --episode-days 8 --format json\n\(Notice.text)"
    )

    @Option(parsing: .unconditional, help: "Length of the first episode of opioid therapy in days (≥ 1).") var episodeDays: Double?
    @Flag(help: "The first prescription was long-acting (27.3% at one year).") var longActing = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        let estimate: LongTermUseRisk.Estimate
        do { estimate = try LongTermUseRisk.estimate(episodeDays: episodeDays, longActing: longActing) } catch let error as ClinicError {
            throw ValidationError(error.message)
        }
        let points = LongTermUseRisk.points.map { "{\"episodeDays\":\(jsonNumber($0.days)),\"oneYearProbability\":\(jsonNumber($0.probability))}" }
        switch format {
        case .json:
            return "{\"notice\":\(jsonString(Notice.text)),\"oneYearProbability\":\(clinicalNumber(estimate.probability)),"
                + "\"episodeDays\":\(estimate.episodeDays.map(jsonNumber) ?? "null"),\"longActing\":\(estimate.longActing),"
                + "\"method\":\(jsonString(estimate.method)),\"source\":\(jsonString(LongTermUseRisk.source)),"
                + "\"cohort\":\(jsonString(LongTermUseRisk.cohort)),"
                + "\"limits\":[\(LongTermUseRisk.limits.map(jsonString).joined(separator: ","))],"
                + "\"publishedPoints\":[\(points.joined(separator: ","))],\"longActingProbability\":\(jsonNumber(LongTermUseRisk.longActingProbability))}\n"
        case .csv:
            return "# \(Notice.text)\nepisode_days,long_acting,one_year_probability,method\n"
                + "\(estimate.episodeDays.map(shortest) ?? ""),\(estimate.longActing),\(clinicalNumber(estimate.probability)),\(estimate.method)\n"
        case .table:
            let what = estimate.longActing ? "a long-acting first prescription" : "a first episode of ≥\(shortest(estimate.episodeDays ?? 1)) days"
            var text = "Still using opioids one year after \(what): \(fixed(100 * estimate.probability, decimals: 1))% (\(estimate.method))\n\n"
            text += "Source: \(LongTermUseRisk.source).\nCohort: \(LongTermUseRisk.cohort).\nLimits:\n"
            text += LongTermUseRisk.limits.map { "  - \($0)\n" }.joined()
            return text + "\n" + Notice.text + "\n"
        }
    }
}
