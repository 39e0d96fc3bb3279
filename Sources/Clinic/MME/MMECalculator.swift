/// One prescription's contribution to the total.
public struct MMELine: Sendable {
    public var prescription: Prescription
    /// The catalogue product it was matched to.
    public var product: OpioidProduct
    /// Amount per day: mg (tablets, solutions, sprays), mcg (transmucosal fentanyl), or the
    /// average delivery rate in mcg/h (patches).
    public var dailyAmount: Double
    /// The unit of `dailyAmount`: `mg`, `mcg` or `mcg/h`.
    public var dailyAmountUnit: StrengthUnit
    /// The factor applied, with what it multiplies.
    public var factor: Double?
    public var factorBasis: String
    /// MME/day, or `nil` when excluded.
    public var mmePerDay: Double?
    /// Why this line is not counted, when it is not.
    public var exclusion: String?
    /// Remarks (strength not in the catalogue, the 12 mcg/h patch, …).
    public var notes: [String]
}

/// A threshold the total reaches, with the guideline's wording.
public struct ThresholdFlag: Sendable {
    /// 50 or 90 MME/day.
    public var threshold: Double
    public var message: String
}

/// The MME of one or more concurrent prescriptions under one table.
public struct MMEResult: Sendable {
    public var table: ConversionTable
    public var lines: [MMELine]
    /// The sum over counted lines (full precision; round only for display).
    public var totalMMEPerDay: Double
    public var flags: [ThresholdFlag]
    /// The table's cautions, printed with every result.
    public var cautions: [String]
}

/// MME/day of prescriptions under a chosen table (clinical.md §1).
///
/// MME/day = strength × quantity ÷ days' supply × factor (CDC/CMS analytic file); per-dose
/// regimens use strength × units per dose × doses per day. Concurrent prescriptions are summed.
/// Methadone tiers (CDC 2016, CMS) are chosen by the patient's total methadone mg/day across the
/// prescriptions given. Fentanyl patches: a dose rate (mcg/h) × 2.4 in every table; patch counts
/// under the CMS file × 7.2 per patch per day's supply (2.4 × 3 days of wear), and under the CDC
/// tables converted to the average rate with the product's wear time, which gives the same number
/// for 72-hour patches. Buprenorphine and methadone for opioid use disorder are excluded with an
/// explanation, as the analytic file directs.
///
/// Accuracy: arithmetic in Double; one rounding per operation, so results carry at most a few
/// ulps of representation error (e.g. 179.99999999999997 where 180 is meant). Display rounds to
/// 0.1 MME/day; JSON carries 12 significant digits.
public struct MMECalculator: Sendable {
    public var catalogue: ProductCatalogue

    public init(catalogue: ProductCatalogue) {
        self.catalogue = catalogue
    }

    /// The MME of `prescriptions` (at least one) under `tableID`.
    public func calculate(_ prescriptions: [Prescription], table tableID: ConversionTable.ID = .cdc2022) throws -> MMEResult {
        guard !prescriptions.isEmpty else { throw ClinicError(field: "drug", "no prescription given") }
        let table = ConversionTable.named(tableID)
        var staged: [(Prescription, OpioidProduct, Double, StrengthUnit, [String])] = []
        for (index, prescription) in prescriptions.enumerated() {
            let label = prescriptions.count > 1 ? "prescription \(index + 1): " : ""
            do {
                try Self.validate(prescription)
                let product = try catalogue.product(ingredient: prescription.drug, form: prescription.form, unit: prescription.unit)
                let (amount, unit) = try Self.dailyAmount(prescription, product: product)
                var notes: [String] = []
                if !product.strengths.contains(where: { abs($0 - prescription.strength) <= 1e-9 * $0 }) {
                    notes.append("\(shortNumber(prescription.strength)) \(prescription.unit.rawValue) is not among the catalogue's strengths for \(product.id) (\(product.strengths.map(shortNumber).joined(separator: ", ")))")
                }
                if product.ingredient == "fentanyl", product.isPatch, prescription.strength == 12 {
                    notes.append("the patch labelled 12 mcg/h delivers 12.5 mcg/h; Wean multiplies the labelled strength (12 × 2.4 = 28.8 MME/day), some tools use 12.5 (30 MME/day)")
                }
                staged.append((prescription, product, amount, unit, notes))
            } catch let error as ClinicError {
                throw ClinicError(field: error.field, label + error.message)
            }
        }
        let methadoneMgPerDay = staged.filter { $0.1.ingredient == "methadone" && $0.0.indication == .pain && $0.1.indication == .pain }
            .reduce(0) { $0 + $1.2 }

        var lines: [MMELine] = []
        for (prescription, product, amount, unit, notes) in staged {
            var line = MMELine(prescription: prescription, product: product, dailyAmount: amount, dailyAmountUnit: unit,
                               factor: nil, factorBasis: "", mmePerDay: nil, exclusion: nil, notes: notes)
            if prescription.indication == .oud || product.indication == .oud {
                line.exclusion = "\(product.ingredient) for opioid use disorder is excluded: treatment of OUD must not be compared with the pain-dosage thresholds (CDC/CMS analytic file)"
                lines.append(line)
                continue
            }
            switch try table.conversion(for: product) {
            case .factor(let factor, let per):
                let converted = Self.convert(amount, from: unit, to: per)
                line.factor = factor
                line.factorBasis = per == .mcgPerHour ? "per mcg/h" : "per \(per.rawValue)/day"
                line.mmePerDay = converted * factor
            case .methadoneTiers(let tiers):
                let tier = tiers.first { $0.upTo.map { methadoneMgPerDay <= $0 } ?? true } ?? tiers[tiers.count - 1]
                line.factor = tier.factor
                let lower = tiers.firstIndex(of: tier).flatMap { $0 > 0 ? tiers[$0 - 1].upTo : 0 } ?? 0
                line.factorBasis = "per mg/day; tier >\(shortNumber(lower))\(tier.upTo.map { "–≤\(shortNumber($0))" } ?? "") mg/day of methadone (patient total \(shortNumber(methadoneMgPerDay)) mg/day)"
                line.mmePerDay = amount * tier.factor
            case .patchCount(let perPatch, let perRate):
                if case .dispensed(let quantity, let days) = prescription.supply {
                    line.factor = perPatch
                    line.factorBasis = "per \(product.unit.rawValue) × patches per day's supply"
                    line.mmePerDay = prescription.strength * quantity / days * perPatch
                } else {
                    line.factor = perRate
                    line.factorBasis = "per mcg/h (dose rate)"
                    line.mmePerDay = amount * perRate
                }
            case .noFactor(let reason):
                line.exclusion = "\(product.ingredient) (\(product.form)) is not counted: \(reason)"
            }
            if let value = line.mmePerDay, !value.isFinite {
                throw ClinicError(field: "strength", "\(product.ingredient): MME/day overflows (strength \(shortNumber(prescription.strength)) \(prescription.unit.rawValue)); check the strength, quantity and days")
            }
            lines.append(line)
        }
        let total = lines.compactMap(\.mmePerDay).reduce(0, +)
        guard total.isFinite else { throw ClinicError(field: "strength", "the total MME/day overflows; check the strengths and quantities") }
        return MMEResult(table: table, lines: lines, totalMMEPerDay: total, flags: Self.flags(total, table: tableID), cautions: Self.cautions)
    }

    static func validate(_ p: Prescription) throws {
        guard p.strength.isFinite, p.strength > 0 else {
            throw ClinicError(field: "strength", "strength must be a positive number, got \(shortNumber(p.strength))")
        }
        switch p.supply {
        case .dispensed(let quantity, let days):
            guard quantity.isFinite, quantity > 0 else { throw ClinicError(field: "quantity", "quantity must be a positive number, got \(shortNumber(quantity))") }
            guard days.isFinite, days > 0 else { throw ClinicError(field: "days", "days' supply must be a positive number, got \(shortNumber(days))") }
        case .regimen(let units, let doses):
            guard units.isFinite, units > 0 else { throw ClinicError(field: "units-per-dose", "units per dose must be a positive number, got \(shortNumber(units))") }
            guard doses.isFinite, doses > 0, doses <= 48 else { throw ClinicError(field: "frequency", "doses per day must be in (0, 48], got \(shortNumber(doses))") }
        case .continuous(let patches):
            guard patches.isFinite, patches > 0 else { throw ClinicError(field: "units-per-dose", "patches worn must be a positive number, got \(shortNumber(patches))") }
        }
    }

    /// Amount per day in the product's base unit (mg for mg and mg/mL, mcg, or mcg/h for patches).
    static func dailyAmount(_ p: Prescription, product: OpioidProduct) throws -> (Double, StrengthUnit) {
        let base: StrengthUnit = product.unit == .mgPerML ? .mg : product.unit
        if product.isPatch {
            switch p.supply {
            case .continuous(let patches):
                return (p.strength * patches, .mcgPerHour)
            case .dispensed(let quantity, let days):
                let wearDays = (product.wearHours ?? 72) / 24
                return (p.strength * quantity * wearDays / days, .mcgPerHour)
            case .regimen:
                throw ClinicError(field: "frequency", "a patch has no dosing frequency: give --quantity and --days (patches dispensed), or neither for a patch worn continuously")
            }
        }
        switch p.supply {
        case .dispensed(let quantity, let days): return (p.strength * quantity / days, base)
        case .regimen(let units, let doses): return (p.strength * units * doses, base)
        case .continuous:
            throw ClinicError(field: "quantity", "\(product.ingredient) \(product.form): give --quantity and --days, or --frequency (a dose rate is only for patches)")
        }
    }

    static func convert(_ amount: Double, from: StrengthUnit, to: StrengthUnit) -> Double {
        switch (from, to) {
        case (.mcg, .mg): amount / 1000
        case (.mg, .mcg): amount * 1000
        default: amount
        }
    }

    /// Flags at 50 and 90 MME/day with the guideline's wording.
    public static func flags(_ total: Double, table: ConversionTable.ID) -> [ThresholdFlag] {
        let softened = table == .cdc2022
            ? " CDC 2022 no longer sets fixed thresholds: it warns against using them as rigid caps and against abrupt tapering to reach them."
            : ""
        var flags: [ThresholdFlag] = []
        if total >= 50 {
            flags.append(ThresholdFlag(threshold: 50, message: "≥50 MME/day: carefully reassess evidence of individual benefits and risks when considering increasing dosage to ≥50 MME/day (CDC 2016, Recommendation 5); consider offering naloxone." + softened))
        }
        if total >= 90 {
            flags.append(ThresholdFlag(threshold: 90, message: "≥90 MME/day: avoid increasing dosage to ≥90 MME/day or carefully justify a decision to titrate dosage to ≥90 MME/day (CDC 2016, Recommendation 5)." + softened))
        }
        return flags
    }

    /// The cautions the CDC 2022 table prints under itself (clinical.md §1.1).
    public static let cautions = [
        "MME conversions are estimates for analysis and risk screening; do not use them to convert a patient from one opioid to another (incomplete cross-tolerance).",
        "Methadone: long, variable half-life; respiratory depression peaks later and lasts longer than analgesia.",
        "Transdermal fentanyl is dosed in mcg/h; heat and other factors change its absorption.",
    ]
}

/// Shortest decimal text of a number (`10`, `0.15`, `28.8`).
func shortNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
