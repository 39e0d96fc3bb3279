import Foundation

/// A guideline's taper speed, stated so every step can be checked (clinical.md §3).
///
/// Each period of `stepDays` days the daily dose falls by `stepFraction` of the **original** dose
/// (`basis = original`: equal steps) or of the **current** dose (`basis = current`: geometric
/// steps); an optional `firstCutFraction` of the original replaces the first step (VA rapid);
/// `switchToCurrentBelowFractionOfOriginal` switches the basis to the current dose once that share
/// of the original remains (CDC: ~10% of the original per week until ~30% remains, then ~10% of the
/// remaining dose). When the smallest strength per dose is reached, the dosing interval is
/// lengthened one frequency at a time (q6h → q8h → q12h → bedtime), the last phases lasting
/// `extensionPhaseDays` (earlier ones `stepDays`), and then the opioid stops — HHS 2019: "stop
/// when it is taken less than once a day". The rules are data (`Data/taper_rules.json`).
public struct TaperRule: Codable, Sendable, Equatable {
    public enum Basis: String, Codable, Sendable {
        case original, current
    }

    /// `cdc-weekly`, `cdc-monthly`, `hhs`, `va-slowest`, `va-slower`, `va-faster`, `va-rapid`.
    public var id: String
    public var title: String
    public var source: String
    public var basis: Basis
    /// Share removed per step (0–1).
    public var stepFraction: Double
    /// Days between steps.
    public var stepDays: Int
    /// Share of the original removed by the first step, when it differs.
    public var firstCutFraction: Double?
    /// Below this share of the original, steps become shares of the current dose.
    public var switchToCurrentBelowFractionOfOriginal: Double?
    /// Lengths of the last interval-extension phases (e.g. [7, 7]: a week at q12h, a week at bedtime).
    public var extensionPhaseDays: [Int]
    /// Where the reductions end and the interval extension begins.
    public var floor: String
    public var pauseRule: String
    public var stopRule: String

    /// The rules bundled with Wean.
    public static func bundled() throws -> [TaperRule] {
        try bundledOnce.get()
    }

    private static let bundledOnce = Result { () throws -> [TaperRule] in
        guard let url = Bundle.module.url(forResource: "taper_rules", withExtension: "json", subdirectory: "Data") else {
            throw ClinicError(field: "speed", "the bundled taper rules are missing from this build")
        }
        struct File: Decodable { var rules: [TaperRule] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).rules
    }

    /// The rule called `id`, or an error listing the speeds.
    public static func named(_ id: String) throws -> TaperRule {
        let rules = try bundled()
        if let rule = rules.first(where: { $0.id == id.lowercased() }) { return rule }
        let suggestion = closestNames(to: id, among: rules.map(\.id), limit: 1).first.map { "did you mean '\($0)'? " } ?? ""
        throw ClinicError(field: "speed", "unknown taper speed '\(id)'; \(suggestion)speeds: \(rules.map(\.id).joined(separator: ", "))")
    }
}
