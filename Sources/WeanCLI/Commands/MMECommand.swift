import ArgumentParser
import Clinic
import Foundation

/// `wean mme`: morphine milligram equivalents per day of one or more concurrent prescriptions,
/// under a named conversion table (CDC 2022 by default), with the 50/90 MME/day flags.
struct MMECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mme",
        abstract: "Morphine milligram equivalents per day (CDC 2022, CDC 2016 or the CDC/CMS file).",
        discussion: """
            One prescription from the options, or several concurrent ones with repeated --rx
            'drug=oxycodone,strength=10,unit=mg,quantity=120,days=30' (keys: drug, form, strength,
            unit, quantity, days, frequency, units, indication). Examples:
              wean mme --drug oxycodone --strength 10 --unit mg --quantity 120 --days 30
              wean mme --drug hydrocodone --strength 5 --unit mg --frequency qid
              wean mme --drug fentanyl --form patch --strength 25 --unit mcg/h
            \(Notice.text)
            """
    )

    @Option(help: "The opioid, e.g. oxycodone.") var drug: String?
    @Option(help: "The form: ir-tablet, er-tablet, solution, patch, buccal, lozenge, buccal-film, nasal-spray, ….") var form: String?
    @Option(parsing: .unconditional, help: "Strength per unit (per mL for solutions).") var strength: Double?
    @Option(help: "mg, mcg, mg/mL or mcg/h (patches); inferred from the form when omitted.") var unit: String?
    @Option(parsing: .unconditional, help: "Units dispensed (tablets, mL, films, sprays, patches).") var quantity: Double?
    @Option(parsing: .unconditional, help: "Days' supply.") var days: Double?
    @Option(help: "Dosing frequency instead of quantity/days: qid, tid, bid, daily, q6h, 'every 8 h', 3/day.") var frequency: String?
    @Option(parsing: .unconditional, help: "Units per dose with --frequency (default 1); patches worn at once for a dose rate.") var unitsPerDose: Double?
    @Option(help: "Dosing interval instead of --frequency, in hours ('6' or '6h').") var every: String?
    @Option(name: .customLong("doses-per-day"), parsing: .unconditional, help: "Doses per day instead of --frequency.") var dosesPerDayOption: Double?
    @Option(help: "pain (default) or oud: treatment of opioid use disorder is excluded.") var indication: String?
    @Option(help: "A further concurrent prescription as key=value pairs (repeatable).") var rx: [String] = []
    @Option(help: "cdc2022 (default), cdc2016, cms (CDC/CMS analytic file 2017/2018) or cms2014.") var table: String = "cdc2022"
    @Option(help: "A JSON product catalogue that adds to (or replaces by id) the bundled one.") var catalogue: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    /// What `run` prints.
    func output() throws -> String {
        do {
            var products = try ProductCatalogue.bundled()
            if let catalogue { try products.add(contentsOf: catalogue) }
            var prescriptions: [Prescription] = []
            let given = [frequency, every.map { "q\($0.lowercased().hasSuffix("h") ? String($0.dropLast()) : $0)h" }, dosesPerDayOption.map { "\(shortest($0))/day" }].compactMap { $0 }
            guard given.count <= 1 else { throw ClinicError(field: "frequency", "give one of --frequency, --every and --doses-per-day") }
            let chosenFrequency = given.first
            if drug != nil || strength != nil || form != nil {
                prescriptions.append(try Self.prescription(
                    drug: drug, form: form, strength: strength, unit: unit, quantity: quantity, days: days,
                    frequency: chosenFrequency, unitsPerDose: unitsPerDose, indication: indication, catalogue: products))
            } else if [quantity, days, unitsPerDose].contains(where: { $0 != nil }) || chosenFrequency != nil || unit != nil {
                throw ClinicError(field: "drug", "--quantity, --days, --unit and --frequency describe a prescription: give --drug and --strength too")
            }
            for text in rx { prescriptions.append(try Self.prescription(parsing: text, catalogue: products)) }
            guard !prescriptions.isEmpty else {
                throw ClinicError(field: "drug", "give a prescription: --drug NAME --strength N --unit mg --quantity N --days N (or --rx …)")
            }
            let result = try MMECalculator(catalogue: products).calculate(prescriptions, table: try ConversionTable.id(parsing: table))
            return Self.render(result, format: format)
        } catch let error as ClinicError {
            throw ValidationError(error.message)
        }
    }

    /// A prescription from `key=value,…` text.
    static func prescription(parsing text: String, catalogue: ProductCatalogue) throws -> Prescription {
        var fields: [String: String] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let keys = ["drug", "form", "strength", "unit", "quantity", "days", "frequency", "units", "indication"]
            guard pair.count == 2, keys.contains(pair[0].lowercased()) else {
                throw ClinicError(field: "rx", "--rx '\(text)': '\(part)' is not KEY=VALUE with KEY one of \(keys.joined(separator: ", "))")
            }
            fields[pair[0].lowercased()] = pair[1]
        }
        func number(_ key: String) throws -> Double? {
            guard let raw = fields[key] else { return nil }
            guard let value = Double(raw) else { throw ClinicError(field: key, "--rx '\(text)': \(key) '\(raw)' is not a number") }
            return value
        }
        return try prescription(
            drug: fields["drug"], form: fields["form"], strength: try number("strength"), unit: fields["unit"],
            quantity: try number("quantity"), days: try number("days"), frequency: fields["frequency"],
            unitsPerDose: try number("units"), indication: fields["indication"], catalogue: catalogue)
    }

    /// A prescription from its parts, with the unit inferred from the catalogue when omitted.
    static func prescription(
        drug: String?, form: String?, strength: Double?, unit unitText: String?, quantity: Double?, days: Double?,
        frequency: String?, unitsPerDose: Double?, indication: String?, catalogue: ProductCatalogue
    ) throws -> Prescription {
        guard let drug, !drug.isEmpty else { throw ClinicError(field: "drug", "missing --drug") }
        guard let strength else { throw ClinicError(field: "strength", "missing --strength for \(drug)") }
        let unit: StrengthUnit
        if let unitText {
            guard let parsed = StrengthUnit(parsing: unitText) else {
                throw ClinicError(field: "unit", "unknown unit '\(unitText)'; expected one of \(StrengthUnit.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            unit = parsed
        } else {
            unit = try catalogue.defaultUnit(ingredient: drug, form: form)
        }
        let chosenIndication: Indication
        switch indication?.lowercased() {
        case nil, "pain": chosenIndication = .pain
        case "oud": chosenIndication = .oud
        default: throw ClinicError(field: "indication", "indication must be pain or oud, got '\(indication!)'")
        }
        let supply: Prescription.Supply
        if quantity != nil || days != nil {
            guard let quantity, let days else {
                throw ClinicError(field: quantity == nil ? "quantity" : "days", "give both --quantity and --days (the formula is strength × quantity ÷ days' supply × factor)")
            }
            guard frequency == nil else { throw ClinicError(field: "frequency", "give --quantity/--days or --frequency, not both") }
            supply = .dispensed(quantity: quantity, days: days)
        } else if let frequency {
            supply = .regimen(unitsPerDose: unitsPerDose ?? 1, dosesPerDay: try dosesPerDay(parsing: frequency))
        } else if unit == .mcgPerHour {
            supply = .continuous(patches: unitsPerDose ?? 1)
        } else {
            throw ClinicError(field: "quantity", "how much \(drug)? give --quantity and --days, or --frequency (e.g. q6h)")
        }
        return Prescription(drug: drug, form: form, strength: strength, unit: unit, supply: supply, indication: chosenIndication)
    }

    static func render(_ result: MMEResult, format: OutputFormat) -> String {
        switch format {
        case .json:
            let lines = result.lines.map { line in
                var fields = [
                    "\"drug\":\(jsonString(line.product.ingredient))", "\"product\":\(jsonString(line.product.id))",
                    "\"form\":\(jsonString(line.product.form))", "\"strength\":\(jsonNumber(line.prescription.strength))",
                    "\"unit\":\(jsonString(line.prescription.unit.rawValue))",
                    "\"longActing\":\(line.product.duration == .long)",
                    "\"dailyAmount\":\(clinicalNumber(line.dailyAmount))", "\"dailyAmountUnit\":\(jsonString(line.dailyAmountUnit.rawValue))",
                    "\"factor\":\(line.factor.map(jsonNumber) ?? "null")", "\"factorBasis\":\(jsonString(line.factorBasis))",
                    "\"mmePerDay\":\(line.mmePerDay.map(clinicalNumber) ?? "null")",
                    "\"excluded\":\(line.exclusion.map(jsonString) ?? "null")",
                ]
                fields.append("\"notes\":[\(line.notes.map(jsonString).joined(separator: ","))]")
                return "{" + fields.joined(separator: ",") + "}"
            }
            let flags = result.flags.map { "{\"threshold\":\(jsonNumber($0.threshold)),\"message\":\(jsonString($0.message))}" }
            return "{\"notice\":\(jsonString(Notice.text)),\"table\":\(jsonString(result.table.id.rawValue)),"
                + "\"tableTitle\":\(jsonString(result.table.title)),\"tableSource\":\(jsonString(result.table.source)),"
                + "\"mmePerDay\":\(clinicalNumber(result.totalMMEPerDay)),"
                + "\"prescriptions\":[\(lines.joined(separator: ","))],\"flags\":[\(flags.joined(separator: ","))],"
                + "\"cautions\":[\(result.cautions.map(jsonString).joined(separator: ","))]}\n"
        case .csv:
            var text = "# \(Notice.text)\n"
            text += "table,drug,product,form,strength,unit,daily_amount,daily_unit,factor,mme_per_day,excluded\n"
            for line in result.lines {
                text += [result.table.id.rawValue, line.product.ingredient, line.product.id, line.product.form,
                         shortest(line.prescription.strength), line.prescription.unit.rawValue, clinicalNumber(line.dailyAmount),
                         line.dailyAmountUnit.rawValue, line.factor.map(shortest) ?? "", line.mmePerDay.map(clinicalNumber) ?? "",
                         line.exclusion.map(csvField) ?? ""].joined(separator: ",") + "\n"
            }
            text += "\(result.table.id.rawValue),total,,,,,,,,\(clinicalNumber(result.totalMMEPerDay)),\n"
            return text
        case .table:
            var text = "MME/day under \(result.table.title) (--table \(result.table.id.rawValue))\n\n"
            var table = TextTable("drug", "form", "strength", "per day", "factor", "MME/day")
            for line in result.lines {
                table.add(line.product.ingredient, line.product.form,
                          "\(shortest(line.prescription.strength)) \(line.prescription.unit.rawValue)",
                          "\(fixed(line.dailyAmount, decimals: 2)) \(line.dailyAmountUnit.rawValue)",
                          line.factor.map(shortest) ?? "—", line.mmePerDay.map { fixed($0, decimals: 1) } ?? "excluded")
            }
            table.add("total", "", "", "", "", fixed(result.totalMMEPerDay, decimals: 1))
            text += table.rendered()
            for line in result.lines {
                if let exclusion = line.exclusion { text += "\n  excluded: \(exclusion)" }
                if !line.factorBasis.isEmpty, line.product.ingredient == "methadone" || line.product.isPatch {
                    text += "\n  \(line.product.ingredient): factor \(line.factor.map(shortest) ?? "") \(line.factorBasis)"
                }
                for note in line.notes { text += "\n  note: \(note)" }
            }
            for flag in result.flags { text += "\n  FLAG \(flag.message)" }
            text += "\n\nSource: \(result.table.source).\n"
            text += result.cautions.map { "  - \($0)\n" }.joined()
            return text + "\n" + Notice.text + "\n"
        }
    }
}

/// A clinical quantity for JSON and CSV: 12 significant digits, which removes floating-point
/// representation noise (179.99999999999997 → 180) without rounding anything a clinician reads.
func clinicalNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return shortest(Double(String(format: "%.12g", value)) ?? value)
}

/// A CSV field, quoted when it holds a comma or quote.
func csvField(_ text: String) -> String {
    text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
}
