import ArgumentParser
import Clinic
import Foundation

/// `wean taper`: a day-by-day taper calendar from a guideline's rule, made of catalogue strengths.
struct TaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taper",
        abstract: "A taper calendar from a guideline's rule (CDC, HHS, VA), rounded to real products.",
        discussion: """
            Example:
              wean taper --drug morphine --form er-tablet --dose "90 mg q8h" --speed va-faster --start 2027-01-04
            Speeds: cdc-weekly, cdc-monthly, hhs, va-slowest, va-slower, va-faster, va-rapid.
            \(Notice.text)
            """
    )

    @Option(help: "The opioid, e.g. morphine.") var drug: String
    @Option(help: "The form: ir-tablet, er-tablet, patch, ….") var form: String?
    @Option(parsing: .unconditional, help: "The current regimen: '90 mg q8h', '30 mg bid', '75 mcg/h' (patches).") var dose: String
    @Option(help: "The rule: cdc-weekly, cdc-monthly, hhs, va-slowest, va-slower, va-faster, va-rapid.") var speed: String
    @Option(help: "The first day of the plan, YYYY-MM-DD (default: today).") var start: String?
    @Option(parsing: .unconditional, help: "Stop at this MME/day instead of discontinuing.") var target: Double?
    @Option(help: "MME table: cdc2022 (default), cdc2016, cms, cms2014.") var table: String = "cdc2022"
    @Flag(help: "The patient also takes benzodiazepines.") var benzodiazepines = false
    @Option(help: "A planned pause: STEP:DAYS keeps step STEP's dose DAYS more days (repeatable).") var pause: [String] = []
    @Option(help: "Rotate to this opioid first (e.g. oxycodone), then taper it.") var rotateTo: String?
    @Option(help: "The form to rotate to (e.g. er-tablet, patch).") var rotateForm: String?
    @Option(parsing: .unconditional, help: "Cut for incomplete cross-tolerance when rotating, 0.25–0.5 (default 0.25).") var crossToleranceReduction: Double = 0.25
    @Option(help: "A JSON product catalogue that adds to the bundled one.") var catalogue: String?
    /// Output formats: the common three and a printable HTML page with an SVG chart.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    @Option(help: "table, csv, json or html (a printable page with a chart).") var format: Format = .table

    func run() throws {
        print(try output(), terminator: "")
    }

    func output() throws -> String {
        var plan: TaperPlan
        let startDate: Date
        do {
            var products = try ProductCatalogue.bundled()
            if let catalogue { try products.add(contentsOf: catalogue) }
            startDate = try Self.parseDate(start)
            plan = try TaperPlanner(catalogue: products).plan(
                drug: drug, form: form, start: try StartingRegimen.parse(dose), rule: try TaperRule.named(speed),
                targetMMEPerDay: target, table: try ConversionTable.id(parsing: table), benzodiazepines: benzodiazepines,
                rotation: rotateTo.map { TaperPlanner.Rotation(drug: $0, form: rotateForm, crossToleranceReduction: crossToleranceReduction) })
            let pauses = try pause.map { text -> (afterStep: Int, days: Int) in
                let parts = text.split(separator: ":").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let step = parts[0], let days = parts[1] else {
                    throw ClinicError(field: "pause", "--pause '\(text)': expected STEP:DAYS, e.g. 3:14")
                }
                return (step, days)
            }
            try plan.insertPauses(pauses)
            if rotateTo == nil, rotateForm != nil { throw ClinicError(field: "rotate-form", "--rotate-form needs --rotate-to") }
        } catch let error as ClinicError {
            throw ValidationError(error.message)
        }
        func date(_ offset: Int) -> String { Self.format(Self.calendar.date(byAdding: .day, value: offset, to: startDate)!) }
        func doses(_ step: TaperStep) -> String {
            if step.kind == .stop { return "stop" }
            let unit = plan.product.unit == .mgPerML ? "mg" : plan.product.unit.rawValue
            return plan.product.isPatch ? "\(shortest(step.amountPerDose)) \(unit) (patches every \(shortest(plan.product.wearHours ?? 72)) h)"
                : "\(shortest(step.amountPerDose)) \(unit) \(step.frequencyLabel)"
        }
        func times(_ step: TaperStep) -> String {
            step.kind == .stop || plan.product.isPatch ? "" : step.times.joined(separator: " ")
        }
        func made(_ step: TaperStep) -> String {
            step.composition.map { "\($0.count) × \(shortest($0.strength))" }.joined(separator: " + ")
        }
        switch format {
        case .html:
            return TaperPage.render(plan, regimen: dose, date: date, doses: { step in
                let at = times(step)
                return doses(step) + (at.isEmpty ? "" : " (\(at))")
            }, madeOf: made)
        case .json:
            let steps = plan.steps.enumerated().map { index, step in
                let composition = step.composition.map { "{\"strength\":\(jsonNumber($0.strength)),\"count\":\($0.count)}" }
                let dispense = step.dispense.map { "{\"strength\":\(jsonNumber($0.strength)),\"units\":\($0.units)}" }
                return "{\"step\":\(index + 1),\"kind\":\(jsonString(step.kind.rawValue)),\"start\":\(jsonString(date(step.startDay))),"
                    + "\"day\":\(step.startDay),\"days\":\(step.days),\"doses\":\(jsonString(doses(step))),"
                    + "\"amountPerDose\":\(clinicalNumber(step.amountPerDose)),\"unit\":\(jsonString(plan.product.unit.rawValue)),"
                    + "\"dosesPerDay\":\(step.kind == .stop ? 0 : step.dosesPerDay),"
                    + "\"times\":[\(step.kind == .stop || plan.product.isPatch ? "" : step.times.map(jsonString).joined(separator: ","))],"
                    + "\"composition\":[\(composition.joined(separator: ","))],\"dailyAmount\":\(clinicalNumber(step.dailyAmount)),"
                    + "\"scheduledDailyAmount\":\(clinicalNumber(step.targetDailyAmount)),"
                    + "\"roundingError\":\(clinicalNumber(step.dailyAmount - step.targetDailyAmount)),"
                    + "\"mmePerDay\":\(clinicalNumber(step.mmePerDay)),\"dispense\":[\(dispense.joined(separator: ","))]}"
            }
            let rule = plan.rule
            return "{\"notice\":\(jsonString(Notice.text)),\"speed\":\(jsonString(rule.id)),"
                + "\"rule\":{\"title\":\(jsonString(rule.title)),\"source\":\(jsonString(rule.source)),\"basis\":\(jsonString(rule.basis.rawValue)),"
                + "\"stepFraction\":\(jsonNumber(rule.stepFraction)),\"stepDays\":\(rule.stepDays),"
                + "\"firstCutFraction\":\(rule.firstCutFraction.map(jsonNumber) ?? "null"),"
                + "\"floor\":\(jsonString(rule.floor)),\"pauseRule\":\(jsonString(rule.pauseRule)),\"stopRule\":\(jsonString(rule.stopRule))},"
                + "\"drug\":\(jsonString(plan.product.ingredient)),\"product\":\(jsonString(plan.product.id)),"
                + "\"table\":\(jsonString(plan.table.id.rawValue)),\"start\":\(jsonString(date(0))),"
                + "\"startMMEPerDay\":\(clinicalNumber(plan.startMMEPerDay)),\"target\":\(target.map(jsonNumber) ?? "null"),"
                + "\"rotatedFrom\":\(plan.rotatedFrom.map { "{\"drug\":\(jsonString($0.product.ingredient)),\"product\":\(jsonString($0.product.id)),\"mmePerDay\":\(clinicalNumber($0.mmePerDay))}" } ?? "null"),"
                + "\"steps\":[\(steps.joined(separator: ","))],\"flags\":[\(plan.flags.map(jsonString).joined(separator: ","))]}\n"
        case .csv:
            var text = "# \(Notice.text)\nstep,kind,start,days,doses,times,per_dose,doses_per_day,composition,daily_amount,scheduled_daily_amount,mme_per_day,dispense\n"
            for (index, step) in plan.steps.enumerated() {
                let dispense = step.dispense.map { "\($0.units) × \(shortest($0.strength))" }.joined(separator: " + ")
                text += [String(index + 1), step.kind.rawValue, date(step.startDay), String(step.days), csvField(doses(step)), times(step),
                         clinicalNumber(step.amountPerDose), String(step.kind == .stop ? 0 : step.dosesPerDay), csvField(made(step)),
                         clinicalNumber(step.dailyAmount), clinicalNumber(step.targetDailyAmount), clinicalNumber(step.mmePerDay),
                         csvField(dispense)].joined(separator: ",") + "\n"
            }
            return text
        case .table:
            var text = plan.rotatedFrom.map { "Rotation from \($0.product.ingredient) \(dose) (\(fixed($0.mmePerDay, decimals: 1)) MME/day), then taper of \(plan.product.ingredient) (\(plan.product.id)) from \(fixed(plan.startMMEPerDay, decimals: 1)) MME/day (\(plan.table.title))\n" }
                ?? "Taper of \(plan.product.ingredient) (\(plan.product.id)) from \(dose) = \(fixed(plan.startMMEPerDay, decimals: 1)) MME/day (\(plan.table.title))\n"
            text += "Rule \(plan.rule.id): \(plan.rule.title).\nSource: \(plan.rule.source).\n\n"
            var rows = TextTable("step", "from", "days", "doses", "at", "made of", "per day", "schedule", "MME/day", "dispense")
            for (index, step) in plan.steps.enumerated() {
                rows.add("\(index + 1) \(step.kind == .reduction ? "" : step.kind.rawValue)", date(step.startDay), "\(step.days)", doses(step), times(step), made(step),
                         shortest(step.dailyAmount), fixed(step.targetDailyAmount, decimals: 1), fixed(step.mmePerDay, decimals: 1),
                         step.dispense.map { "\($0.units) × \(shortest($0.strength))" }.joined(separator: " + "))
            }
            text += rows.rendered() + "\n"
            text += plan.flags.map { "  - \($0)\n" }.joined()
            return text + "\n" + Notice.text + "\n"
        }
    }

    /// Gregorian days in UTC, so a plan's dates do not depend on the machine's time zone.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The start date from `YYYY-MM-DD` (today when absent); impossible dates such as 2027-02-30
    /// are refused rather than rolled over.
    static func parseDate(_ text: String?) throws -> Date {
        guard let text else { return calendar.startOfDay(for: Date()) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], year >= 1,
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day) else {
            throw ClinicError(field: "start", "--start '\(text)' is not a date of the form YYYY-MM-DD")
        }
        return date
    }

    static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
