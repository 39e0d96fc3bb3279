/// How one table converts one drug (in one form group) to oral morphine milligram equivalents.
public enum Conversion: Sendable, Equatable {
    /// MME/day = daily amount (in `unit`) × factor.
    case factor(Double, per: StrengthUnit)
    /// Methadone by total daily dose: the first tier whose `upTo` (mg/day, inclusive; `nil` =
    /// no upper bound) is not below the day's methadone gives the factor. Tiers are
    /// `> previous … ≤ upTo`, so no dose falls between them (CMS analytic file boundaries).
    case methadoneTiers([MethadoneTier])
    /// The CMS analytic file's rule for patches: `perPatchPerDaysSupply` × strength × patches ÷
    /// days' supply when patches are counted; `perRate` × strength (mcg/h) for a dose rate.
    case patchCount(perPatchPerDaysSupply: Double, perRate: Double)
    /// The table lists the drug but gives it no factor; the reason is shown to the user.
    case noFactor(reason: String)
}

/// One methadone tier: daily doses above the previous tier's bound and up to `upTo` mg/day.
public struct MethadoneTier: Sendable, Equatable {
    public var upTo: Double?
    public var factor: Double
}

/// A published MME conversion table with its source.
///
/// Four tables, each as published (clinical.md §1):
/// - `cdc2022` — Dowell et al., MMWR Recomm Rep 2022;71(RR-3): one methadone factor 4.7,
///   hydromorphone 5, tramadol 0.2, fentanyl patch 2.4 per mcg/h. The default.
/// - `cdc2016` — Dowell, Haegerich & Chou, MMWR Recomm Rep 2016;65(RR-1): hydromorphone 4,
///   tramadol 0.1, methadone tiers 4/8/10/12 (1–20, 21–40, 41–60, 61–80 mg/day; read with the
///   CMS boundaries >0–≤20, >20–≤40, >40–≤60, >60 so that 20.5 mg/day has a tier, and 12 above
///   80 mg/day as in the CMS file).
/// - `cms` — the CDC/CMS analytic file (2017; CMS Oral-MME-CFs-vFeb-2018): transmucosal fentanyl
///   per mcg, fentanyl patch 7.2 per patch per day's supply, and the drugs the CDC tables omit.
/// - `cms2014` — the May 2014 CMS/CDC file, the only one with buprenorphine factors (patch
///   12.6 per patch per day's supply, i.e. 1.8 per mcg/h; tablet/film 10 per mg).
///
/// The sources say the factors are for analysis and risk screening, never for converting a
/// patient from one opioid to another.
public struct ConversionTable: Sendable {
    /// The tables Wean carries.
    public enum ID: String, CaseIterable, Sendable {
        case cdc2022, cdc2016, cms, cms2014
    }

    public let id: ID
    /// Short title printed with every result.
    public let title: String
    /// The citation.
    public let source: String
    let rules: [String: Conversion]  // key: "ingredient" or "ingredient/group"

    /// The table with this identifier.
    public static func named(_ id: ID) -> ConversionTable {
        switch id {
        case .cdc2022: cdc2022
        case .cdc2016: cdc2016
        case .cms: cms
        case .cms2014: cms2014
        }
    }

    /// Parses a table name (`cdc2022`, `2022`, `cdc2016`, `2016`, `cms`, `cms2017`, `cms2018`, `cms2014`).
    public static func id(parsing text: String) throws -> ID {
        switch text.lowercased() {
        case "cdc2022", "2022", "cdc-2022": return .cdc2022
        case "cdc2016", "2016", "cdc-2016": return .cdc2016
        case "cms", "cms2017", "cms2018", "cdc-cms", "cms-2017": return .cms
        case "cms2014", "cms-2014": return .cms2014
        default:
            throw ClinicError(field: "table", "unknown table '\(text)'; expected one of \(ID.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The form group that decides the factor: fentanyl and buprenorphine have different
    /// factors by form; other drugs have one factor for every oral form.
    public static func formGroup(ingredient: String, form: String) -> String {
        switch (ingredient, form) {
        case ("fentanyl", "patch"), ("buprenorphine", "patch"): "patch"
        case ("fentanyl", "buccal"), ("fentanyl", "lozenge"), ("fentanyl", "sublingual-tablet"): "transmucosal-tablet"
        case ("fentanyl", "buccal-film"), ("fentanyl", "sublingual-spray"): "film-or-spray"
        case ("fentanyl", "nasal-spray"): "nasal"
        case ("fentanyl", _): "other"
        case ("buprenorphine", _): "tablet-or-film"
        default: "any"
        }
    }

    /// The conversion for a product, or an error naming the tables that do list it.
    public func conversion(for product: OpioidProduct) throws -> Conversion {
        let group = Self.formGroup(ingredient: product.ingredient, form: product.form)
        if let rule = rules["\(product.ingredient)/\(group)"] ?? rules[product.ingredient] { return rule }
        let others = ID.allCases.filter { $0 != id }.filter { other in
            let table = Self.named(other)
            return (table.rules["\(product.ingredient)/\(group)"] ?? table.rules[product.ingredient]) != nil
        }
        let hint = others.isEmpty ? "no table Wean carries converts it" : "tables that do: \(others.map(\.rawValue).joined(separator: ", ")) (--table)"
        throw ClinicError(field: "table", "\(title) has no factor for \(product.ingredient) \(product.form); \(hint)")
    }

    static let buprenorphineReason =
        "buprenorphine is a partial agonist and is not expected to carry dose-dependent overdose risk as full agonists do; this table gives it no factor"

    static let cdc2022 = ConversionTable(
        id: .cdc2022, title: "CDC 2022",
        source: "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(RR-3):1–95",
        rules: [
            "codeine": .factor(0.15, per: .mg),
            "fentanyl/patch": .factor(2.4, per: .mcgPerHour),
            "hydrocodone": .factor(1, per: .mg),
            "hydromorphone": .factor(5, per: .mg),
            "methadone": .factor(4.7, per: .mg),
            "morphine": .factor(1, per: .mg),
            "oxycodone": .factor(1.5, per: .mg),
            "oxymorphone": .factor(3, per: .mg),
            "tapentadol": .factor(0.4, per: .mg),
            "tramadol": .factor(0.2, per: .mg),
            "buprenorphine": .noFactor(reason: buprenorphineReason),
        ])

    static let methadoneTiers: [MethadoneTier] = [
        MethadoneTier(upTo: 20, factor: 4), MethadoneTier(upTo: 40, factor: 8),
        MethadoneTier(upTo: 60, factor: 10), MethadoneTier(upTo: nil, factor: 12),
    ]

    static let cdc2016 = ConversionTable(
        id: .cdc2016, title: "CDC 2016",
        source: "Dowell D, Haegerich TM, Chou R. CDC Guideline for Prescribing Opioids for Chronic Pain — United States, 2016. MMWR Recomm Rep 2016;65(RR-1):1–49 (table 'Calculating total daily dose of opioids for safer dosage')",
        rules: [
            "codeine": .factor(0.15, per: .mg),
            "fentanyl/patch": .factor(2.4, per: .mcgPerHour),
            "hydrocodone": .factor(1, per: .mg),
            "hydromorphone": .factor(4, per: .mg),
            "methadone": .methadoneTiers(methadoneTiers),
            "morphine": .factor(1, per: .mg),
            "oxycodone": .factor(1.5, per: .mg),
            "oxymorphone": .factor(3, per: .mg),
            "tramadol": .factor(0.1, per: .mg),
            "buprenorphine": .noFactor(reason: buprenorphineReason),
        ])

    static let cmsCommon: [String: Conversion] = [
        "butorphanol": .factor(7, per: .mg),
        "codeine": .factor(0.15, per: .mg),
        "dihydrocodeine": .factor(0.25, per: .mg),
        "fentanyl/transmucosal-tablet": .factor(0.13, per: .mcg),
        "fentanyl/film-or-spray": .factor(0.18, per: .mcg),
        "fentanyl/nasal": .factor(0.16, per: .mcg),
        "fentanyl/patch": .patchCount(perPatchPerDaysSupply: 7.2, perRate: 2.4),
        "hydrocodone": .factor(1, per: .mg),
        "hydromorphone": .factor(4, per: .mg),
        "levorphanol": .factor(11, per: .mg),
        "meperidine": .factor(0.1, per: .mg),
        "morphine": .factor(1, per: .mg),
        "opium": .factor(1, per: .mg),
        "oxycodone": .factor(1.5, per: .mg),
        "oxymorphone": .factor(3, per: .mg),
        "pentazocine": .factor(0.37, per: .mg),
        "tapentadol": .factor(0.4, per: .mg),
        "tramadol": .factor(0.1, per: .mg),
    ]

    static let cms = ConversionTable(
        id: .cms, title: "CDC/CMS analytic file 2017 (CMS Oral-MME-CFs-vFeb-2018)",
        source: "CDC compilation of opioid analgesic formulations with oral MME conversion factors, 2017; CMS Opioid Oral Morphine Milligram Equivalent (MME) Conversion Factors, February 2018. For analytic purposes only",
        rules: cmsCommon.merging([
            "methadone": .methadoneTiers(methadoneTiers),
            "buprenorphine": .noFactor(reason: "the 2017/2018 file lists buprenorphine with no conversion factor (partial agonist)"),
        ]) { $1 })

    static let cms2014 = ConversionTable(
        id: .cms2014, title: "CMS/CDC analytic file, May 2014",
        source: "CMS/CDC Opioid Morphine Equivalent Conversion Factors, May 2014 (buprenorphine: 1 mg parenteral = 75 mg oral morphine; 5 mcg/h patch = 9 MME/day)",
        rules: cmsCommon.merging([
            "methadone": .factor(3, per: .mg),
            "nalbuphine": .factor(1, per: .mg),
            "buprenorphine/patch": .patchCount(perPatchPerDaysSupply: 12.6, perRate: 1.8),
            "buprenorphine/tablet-or-film": .factor(10, per: .mg),
        ]) { $1 })
}
