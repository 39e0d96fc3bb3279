import Foundation

/// The regimen a taper starts from: an amount per dose and how often ("90 mg q8h"), or a patch
/// delivery rate ("75 mcg/h").
public struct StartingRegimen: Sendable, Equatable {
    public var amountPerDose: Double
    public var unit: StrengthUnit
    /// Doses per day (1, 2, 3, 4 or 6); 1 for patches.
    public var dosesPerDay: Int

    public init(amountPerDose: Double, unit: StrengthUnit, dosesPerDay: Int) {
        self.amountPerDose = amountPerDose
        self.unit = unit
        self.dosesPerDay = dosesPerDay
    }

    /// Parses `90 mg q8h`, `15 mg bid`, `30mg tid`, `75 mcg/h`.
    public static func parse(_ text: String) throws -> StartingRegimen {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !("0123456789.".contains($0)) } ?? trimmed.endIndex
        guard let amount = Double(trimmed[..<numberEnd]), amount.isFinite, amount > 0 else {
            throw ClinicError(field: "dose", "--dose '\(text)': expected an amount, a unit and a frequency, e.g. '90 mg q8h' or '75 mcg/h'")
        }
        let rest = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        let unitText = rest.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        guard let unit = StrengthUnit(parsing: unitText) else {
            throw ClinicError(field: "dose", "--dose '\(text)': unknown unit '\(unitText)'; expected mg, mcg or mcg/h")
        }
        let frequencyText = rest.dropFirst(unitText.count).trimmingCharacters(in: .whitespaces)
        if unit == .mcgPerHour {
            guard frequencyText.isEmpty else { throw ClinicError(field: "dose", "--dose '\(text)': a patch rate takes no frequency") }
            return StartingRegimen(amountPerDose: amount, unit: unit, dosesPerDay: 1)
        }
        guard !frequencyText.isEmpty else {
            throw ClinicError(field: "dose", "--dose '\(text)': give the frequency too, e.g. '\(text) q8h'")
        }
        let perDay = try Clinic.dosesPerDay(parsing: frequencyText)
        guard let n = TaperPlanner.frequencies.first(where: { abs(Double($0) - perDay) < 1e-9 }) else {
            throw ClinicError(field: "dose", "--dose '\(text)': a taper needs a regular frequency (q4h, q6h, q8h, q12h or daily), got \(frequencyText)")
        }
        return StartingRegimen(amountPerDose: amount, unit: unit, dosesPerDay: n)
    }
}

/// One period of a taper plan.
public struct TaperStep: Sendable {
    public enum Kind: String, Sendable {
        /// The dose per administration falls.
        case reduction
        /// No product combination lies between the rule's target and the previous dose: held.
        case hold
        /// The smallest strength is reached; the interval lengthens.
        case intervalExtension = "interval-extension"
        /// `--target` reached: the dose stays here.
        case maintain
        /// The first period on a new opioid after a rotation.
        case rotation
        /// A planned pause: the previous dose is kept.
        case pause
        /// The opioid stops.
        case stop
    }

    public var kind: Kind
    /// First day (0 = the start date) and length in days (0 for the stop).
    public var startDay: Int
    public var days: Int
    /// Amount per administration (mg, mcg, or mcg/h for patches), made of `composition`.
    public var amountPerDose: Double
    public var dosesPerDay: Int
    /// Units of each strength per administration (strength → count), largest first.
    public var composition: [(strength: Double, count: Int)]
    /// Amount per day: per dose × doses a day (0 for the stop).
    public var dailyAmount: Double { amountPerDose * Double(dosesPerDay) }
    /// What the rule asked for, before rounding to products.
    public var targetDailyAmount: Double
    public var mmePerDay: Double
    /// Units to dispense for the period, by strength (patches: patches to apply).
    public var dispense: [(strength: Double, units: Int)]

    /// `q8h`, `q12h`, `qhs`, … (patches: `every 72 h`).
    public var frequencyLabel: String {
        switch dosesPerDay {
        case 6: "q4h"
        case 4: "q6h"
        case 3: "q8h"
        case 2: "q12h"
        default: "qhs"
        }
    }

    /// Clock times of the doses.
    public var times: [String] {
        switch dosesPerDay {
        case 6: ["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"]
        case 4: ["06:00", "12:00", "18:00", "24:00"]
        case 3: ["06:00", "14:00", "22:00"]
        case 2: ["08:00", "20:00"]
        default: ["22:00"]
        }
    }
}

extension TaperPlan {
    /// Inserts planned pauses: `days` more days at the dose of step `afterStep` (1-based), moving
    /// every later step. A pause never reverses the taper (HHS 2019: pause rather than reverse).
    public mutating func insertPauses(_ pauses: [(afterStep: Int, days: Int)]) throws {
        for pause in pauses.sorted(by: { $0.afterStep > $1.afterStep }) {
            let reductions = steps.indices.filter { steps[$0].kind != .pause }
            guard pause.afterStep >= 1, pause.afterStep <= reductions.count, pause.days >= 1, pause.days <= 3650 else {
                throw ClinicError(field: "pause", "a pause needs a step from 1 to \(reductions.count) and 1–3650 days, got step \(pause.afterStep), \(pause.days) days")
            }
            let index = reductions[pause.afterStep - 1]
            guard steps[index].kind != .stop else { throw ClinicError(field: "pause", "step \(pause.afterStep) is the stop; a pause goes before it") }
            var paused = steps[index]
            paused.kind = .pause
            paused.startDay = steps[index].startDay + steps[index].days
            paused.days = pause.days
            let perDay = steps[index].days > 0 ? Double(pause.days) / Double(steps[index].days) : 0
            paused.dispense = steps[index].dispense.map { ($0.strength, Int((Double($0.units) * perDay).rounded(.up))) }
            for later in (index + 1)..<steps.count { steps[later].startDay += pause.days }
            steps.insert(paused, at: index + 1)
        }
        if !pauses.isEmpty {
            flags.append("Planned pauses keep the dose; tolerance is kept too, but after any unplanned gap of a week or more a return to an earlier dose can cause overdose.")
        }
    }
}

/// A taper plan: the rule, the product, the steps and the safety flags.
public struct TaperPlan: Sendable {
    public var rule: TaperRule
    public var product: OpioidProduct
    public var table: ConversionTable
    public var start: StartingRegimen
    public var startMMEPerDay: Double
    public var steps: [TaperStep]
    public var flags: [String]
    /// Set when the plan begins with a rotation: the opioid, form and MME/day rotated from.
    public var rotatedFrom: (product: OpioidProduct, regimen: StartingRegimen, mmePerDay: Double)?
}

/// Turns a guideline's taper rule into a day-by-day plan made of catalogue strengths.
///
/// Each step's target daily dose comes from the rule; the dose per administration is rounded
/// **up** to the nearest amount that whole units of the product's strengths make (so the rule's
/// rate is never exceeded) but never above the previous step (so the dose never increases); a
/// step that cannot fall is shown as a hold. At the smallest strength the interval lengthens
/// (fewer doses a day) and then the opioid stops. Patches: rates made of whole patches, replaced
/// every wear time, at most two at once; they stop after the smallest patch. Tablets: at most
/// four units per dose. Methadone: the rule's step is halved (its
/// long half-life delays withdrawal; clinical.md §3.4).
public struct TaperPlanner: Sendable {
    /// Regular dosing frequencies, in doses per day, highest first.
    static let frequencies = [6, 4, 3, 2, 1]

    public var catalogue: ProductCatalogue

    public init(catalogue: ProductCatalogue) {
        self.catalogue = catalogue
    }

    /// A switch to another opioid before the taper, with the dose cut for incomplete
    /// cross-tolerance (25–50% below the calculated MME; CDC 2022 table cautions, clinical.md §1.1).
    public struct Rotation: Sendable {
        public var drug: String
        public var form: String?
        /// Share removed from the calculated MME (0.25–0.5).
        public var crossToleranceReduction: Double

        public init(drug: String, form: String? = nil, crossToleranceReduction: Double = 0.25) {
            self.drug = drug
            self.form = form
            self.crossToleranceReduction = crossToleranceReduction
        }
    }

    public func plan(
        drug: String, form: String?, start: StartingRegimen, rule: TaperRule, targetMMEPerDay: Double? = nil,
        table tableID: ConversionTable.ID = .cdc2022, benzodiazepines: Bool = false, rotation: Rotation? = nil
    ) throws -> TaperPlan {
        if let rotation {
            return try rotatedPlan(drug: drug, form: form, start: start, rule: rule, targetMMEPerDay: targetMMEPerDay,
                                   table: tableID, benzodiazepines: benzodiazepines, rotation: rotation)
        }
        return try plan(drug: drug, form: form, start: start, rule: rule, targetMMEPerDay: targetMMEPerDay,
                        table: tableID, benzodiazepines: benzodiazepines, firstKind: nil)
    }

    /// Converts to the new opioid at (1 − reduction) × the current MME, rounded down to whole units
    /// of its strengths at the same number of doses a day, holds that for one step, then tapers.
    func rotatedPlan(
        drug: String, form: String?, start: StartingRegimen, rule: TaperRule, targetMMEPerDay: Double?,
        table tableID: ConversionTable.ID, benzodiazepines: Bool, rotation: Rotation
    ) throws -> TaperPlan {
        guard rotation.crossToleranceReduction.isFinite, (0.25...0.5).contains(rotation.crossToleranceReduction) else {
            throw ClinicError(field: "cross-tolerance-reduction", "the cross-tolerance reduction must be between 0.25 and 0.5 (25–50%), got \(shortNumber(rotation.crossToleranceReduction))")
        }
        let fromProduct = try catalogue.product(ingredient: drug, form: form, unit: start.unit)
        let toUnit = try catalogue.defaultUnit(ingredient: rotation.drug, form: rotation.form)
        let toProduct = try catalogue.product(ingredient: rotation.drug, form: rotation.form, unit: toUnit)
        guard toProduct.ingredient != "methadone" else {
            throw ClinicError(field: "rotate-to", "rotation to methadone needs a methadone-specific conversion (its ratio to morphine grows with dose); Wean does not plan it")
        }
        guard toProduct.ingredient != fromProduct.ingredient else {
            throw ClinicError(field: "rotate-to", "rotation needs a different opioid than \(fromProduct.ingredient)")
        }
        let fromMME = try mmePerDay(fromProduct, perDose: start.amountPerDose, dosesPerDay: start.dosesPerDay, table: tableID)
        let goal = fromMME * (1 - rotation.crossToleranceReduction)
        let dosesPerDay = toProduct.isPatch ? 1 : start.dosesPerDay
        let perUnit = try mmePerDay(toProduct, perDose: 1, dosesPerDay: dosesPerDay, table: tableID)
        let wanted = goal / perUnit
        // Round down to what whole units (at most four tablets or two patches) make.
        let scale = 100.0
        let grid = Self.grid(toProduct.strengths, scale: scale)
        let limit = Int((wanted * scale / grid.quantum + 1e-7).rounded(.down))
        let combos = Self.fewestUnits(grid.units, upTo: max(0, limit))
        let cap = Self.unitCap(toProduct)
        guard let units = (1...max(1, limit)).reversed().first(where: { $0 <= limit && combos.count[$0] <= cap }) else {
            throw ClinicError(field: "rotate-to", "the rotated dose (\(shortNumber((wanted * 100).rounded() / 100)) \(toProduct.unit.rawValue) per dose) is below the smallest \(toProduct.id) strength")
        }
        let perDose = Double(units) * grid.quantum / scale
        var plan = try self.plan(
            drug: toProduct.ingredient, form: toProduct.form, start: StartingRegimen(amountPerDose: perDose, unit: toProduct.unit, dosesPerDay: dosesPerDay),
            rule: rule, targetMMEPerDay: targetMMEPerDay, table: tableID, benzodiazepines: benzodiazepines, firstKind: .rotation)
        plan.rotatedFrom = (fromProduct, start, fromMME)
        plan.flags.insert("Rotation from \(fromProduct.ingredient) (\(shortNumber((fromMME * 10).rounded() / 10)) MME/day) to \(toProduct.ingredient): the calculated MME is cut by \(shortNumber(rotation.crossToleranceReduction * 100))% for incomplete cross-tolerance and rounded down to \(shortNumber(perDose)) \(toProduct.unit.rawValue)\(toProduct.isPatch ? "" : " per dose") (\(shortNumber((plan.startMMEPerDay * 10).rounded() / 10)) MME/day). MME tables are not meant for choosing the new dose; titrate to effect and watch closely.", at: 0)
        return plan
    }

    func plan(
        drug: String, form: String?, start: StartingRegimen, rule: TaperRule, targetMMEPerDay: Double?,
        table tableID: ConversionTable.ID, benzodiazepines: Bool, firstKind: TaperStep.Kind?
    ) throws -> TaperPlan {
        let product = try catalogue.product(ingredient: drug, form: form, unit: start.unit)
        guard product.indication == .pain else {
            throw ClinicError(field: "drug", "\(product.id) treats opioid use disorder; pain-taper rules do not apply")
        }
        let unitScale = 100.0
        let grid = Self.grid(product.strengths, scale: unitScale)
        let startUnits = Int((start.amountPerDose * unitScale / grid.quantum).rounded())
        guard abs(Double(startUnits) * grid.quantum / unitScale - start.amountPerDose) < 1e-9 * start.amountPerDose else {
            throw ClinicError(field: "dose", "\(shortNumber(start.amountPerDose)) \(start.unit.rawValue) per dose cannot be made of \(product.id) strengths (\(product.strengths.map(shortNumber).joined(separator: ", ")))")
        }
        guard startUnits <= 2_000_000 else { throw ClinicError(field: "dose", "the starting dose is too large to round to products") }
        let combos = Self.fewestUnits(grid.units, upTo: startUnits)
        guard combos.count[startUnits] != Int.max else {
            throw ClinicError(field: "dose", "\(shortNumber(start.amountPerDose)) \(start.unit.rawValue) per dose cannot be made of whole \(product.id) units (\(product.strengths.map(shortNumber).joined(separator: ", ")))")
        }
        func composition(_ units: Int) -> [(strength: Double, count: Int)] {
            var counts: [Int: Int] = [:]
            var rest = units
            while rest > 0, let last = combos.last[rest] { counts[last, default: 0] += 1; rest -= last }
            return counts.keys.sorted(by: >).map { (Double($0) * grid.quantum / unitScale, counts[$0]!) }
        }
        let startDaily = start.amountPerDose * Double(start.dosesPerDay)
        let startMME = try mmePerDay(product, perDose: start.amountPerDose, dosesPerDay: start.dosesPerDay, table: tableID)
        var targetDaily = 0.0
        if let targetMMEPerDay {
            guard targetMMEPerDay.isFinite, targetMMEPerDay >= 0 else { throw ClinicError(field: "target", "--target must be a number of MME/day ≥ 0") }
            guard targetMMEPerDay < startMME else {
                throw ClinicError(field: "target", "--target \(shortNumber(targetMMEPerDay)) MME/day is not below the current \(shortNumber((startMME * 10).rounded() / 10)) MME/day")
            }
            targetDaily = targetMMEPerDay / startMME * startDaily
        }
        let stepFraction = product.ingredient == "methadone" ? rule.stepFraction / 2 : rule.stepFraction

        var steps: [TaperStep] = []
        var day = 0
        var perDoseUnits = startUnits
        var dosesPerDay = start.dosesPerDay
        var daily = startDaily
        var basisIsCurrent = rule.basis == .current
        var cumulativeCut = 0.0
        var notes: [String] = []
        func amount(_ units: Int) -> Double { Double(units) * grid.quantum / unitScale }
        func append(_ kind: TaperStep.Kind, days: Int, target: Double) throws {
            let perDose = amount(perDoseUnits)
            let composed = kind == .stop ? [] : composition(perDoseUnits)
            let administrations = product.isPatch ? Int((Double(days) * 24 / (product.wearHours ?? 72)).rounded(.up)) : days * dosesPerDay
            steps.append(TaperStep(
                kind: kind, startDay: day, days: days, amountPerDose: kind == .stop ? 0 : perDose, dosesPerDay: dosesPerDay,
                composition: composed, targetDailyAmount: target,
                mmePerDay: kind == .stop ? 0 : try mmePerDay(product, perDose: perDose, dosesPerDay: dosesPerDay, table: tableID),
                dispense: composed.map { ($0.strength, $0.count * administrations) }))
            day += days
        }
        // At most two patches, or four tablets (or mL doses), per administration — more if the
        // starting dose already needs them.
        let unitCap = max(Self.unitCap(product), combos.count[startUnits])
        let achievable = (1...max(1, startUnits)).filter { combos.count[$0] <= unitCap }
        var scheduled = startDaily
        if let firstKind { try append(firstKind, days: rule.stepDays, target: startDaily) }
        taper: while steps.count < 2000 {
            // The rule's schedule, independent of rounding: shares of the original dose, or of the
            // scheduled current dose.
            let share = steps.allSatisfy({ $0.kind == .rotation }) ? (rule.firstCutFraction ?? stepFraction) : stepFraction
            if basisIsCurrent {
                scheduled *= 1 - share
            } else {
                cumulativeCut += share
                scheduled = startDaily * (1 - cumulativeCut)
            }
            // Shares such as 1/3 + 3 × 1/6 leave rounding dust: below 1e-9 of the start is zero.
            if scheduled < 1e-9 * startDaily { scheduled = 0 }
            var lower = scheduled
            if targetMMEPerDay != nil { lower = max(lower, targetDaily) }
            let lowerUnits = Int((lower / Double(dosesPerDay) * unitScale / grid.quantum - 1e-7).rounded(.up))
            let below = achievable.filter { $0 < perDoseUnits }
            if !below.isEmpty {
                // A reduction removes at least half a rule step (no 75 → 74.5 mcg/h "steps" from
                // the 12 mcg/h patch), unless the schedule is already below the smallest dose.
                let minimumCut = 0.5 * share * (basisIsCurrent ? daily : startDaily)
                let smallestDaily = amount(achievable[0]) * Double(dosesPerDay)
                let meaningful = below.filter { lower < smallestDaily || daily - amount($0) * Double(dosesPerDay) >= minimumCut * (1 - 1e-9) }
                guard let next = meaningful.first(where: { $0 >= max(1, lowerUnits) }) ?? (lower < smallestDaily ? below.first : nil) else {
                    if targetMMEPerDay != nil, scheduled <= targetDaily * (1 + 1e-9) {
                        notes.append("The target \(shortNumber(targetMMEPerDay!)) MME/day lies between the doses the products make; the plan stays at the last dose above it.")
                        if !steps.isEmpty { steps[steps.count - 1].kind = .maintain }
                        break taper
                    }
                    // No product dose between the schedule and the current dose: hold a period.
                    try append(.hold, days: rule.stepDays, target: scheduled)
                    continue
                }
                let nextDaily = amount(next) * Double(dosesPerDay)
                perDoseUnits = next
                daily = nextDaily
                try append(targetMMEPerDay != nil && nextDaily <= targetDaily * (1 + 1e-9) ? .maintain : .reduction, days: rule.stepDays, target: scheduled)
                if steps.last?.kind == .maintain { break taper }
                if let switchBelow = rule.switchToCurrentBelowFractionOfOriginal, !basisIsCurrent, scheduled <= switchBelow * startDaily + 1e-9 {
                    basisIsCurrent = true
                }
                continue
            }
            // The smallest strength: lengthen the interval, then stop.
            let ladder = product.isPatch ? [] : Self.frequencies.filter { $0 < dosesPerDay }
            for (index, frequency) in ladder.enumerated() {
                let fromEnd = ladder.count - index
                let phaseDays = fromEnd <= rule.extensionPhaseDays.count ? rule.extensionPhaseDays[rule.extensionPhaseDays.count - fromEnd] : rule.stepDays
                let newDaily = amount(perDoseUnits) * Double(frequency)
                if targetMMEPerDay != nil, newDaily < targetDaily - 1e-9 {
                    notes.append("The target lies between the last doses; the plan holds at the last dose above it.")
                    break taper
                }
                dosesPerDay = frequency
                daily = newDaily
                try append(.intervalExtension, days: phaseDays, target: max(0, scheduled))
            }
            if targetMMEPerDay == nil { try append(.stop, days: 0, target: max(0, scheduled)) }
            break
        }
        if steps.isEmpty {
            throw ClinicError(field: "target", "no product dose lies between the current dose and the target; nothing to taper")
        }
        if let targetMMEPerDay, let last = steps.last, last.kind != .maintain {
            steps[steps.count - 1].kind = .maintain
            if last.mmePerDay > targetMMEPerDay * (1 + 1e-9) {
                notes.append("The products cannot go lower than \(shortNumber((last.mmePerDay * 10).rounded() / 10)) MME/day at this frequency; the plan holds there, above the target \(shortNumber(targetMMEPerDay)).")
            }
        }
        if steps.count >= 2000, steps.last?.kind != .stop, steps.last?.kind != .maintain {
            throw ClinicError(field: "speed", "the plan did not finish within 2,000 steps; choose a faster speed or another product")
        }

        var flags = notes + [
            "Loss of tolerance: after a pause, a stop or a missed week, a return to an earlier dose can cause overdose (\"it takes as little as a week to lose their tolerance\", VA Opioid Taper Decision Tool).",
            "Offer naloxone and overdose education throughout the taper (HHS 2019; VA).",
            "Pauses: \(rule.pauseRule). Stop: \(rule.stopRule).",
        ]
        if benzodiazepines {
            flags.append("Benzodiazepines: concurrent use raises overdose risk; the HHS guide lists the combination as a reason to taper, and benzodiazepines are tapered separately and gradually, not at the same time.")
        }
        if product.ingredient == "methadone" {
            flags.append("Methadone: steps halved (\(shortNumber(stepFraction * 100))% per step); its long, variable half-life delays withdrawal.")
        }
        if product.isPatch {
            flags.append("Fentanyl patches: limited strengths constrain the steps; a removed patch keeps delivering drug for 12–36 h.")
        }
        for (index, step) in steps.enumerated() where step.dailyAmount < step.targetDailyAmount * (1 - 1e-9) - 1e-12 {
            let previous = index == 0 ? startDaily : steps[index - 1].dailyAmount
            let cut = previous > 0 ? (previous - step.dailyAmount) / previous : 0
            flags.append("Step \(index + 1) (\(step.kind.rawValue), day \(step.startDay)) goes below the rule's schedule: \(shortNumber((cut * 1000).rounded() / 10))% of the previous daily dose at once\(step.kind == .stop ? " (the final stop)" : step.kind == .intervalExtension ? " (the end-of-taper interval extension)" : "").")
        }
        return TaperPlan(rule: rule, product: product, table: ConversionTable.named(tableID), start: start, startMMEPerDay: startMME, steps: steps, flags: flags, rotatedFrom: nil)
    }

    /// MME/day of `perDose` taken `dosesPerDay` times a day (patches: worn continuously).
    func mmePerDay(_ product: OpioidProduct, perDose: Double, dosesPerDay: Int, table: ConversionTable.ID) throws -> Double {
        guard perDose > 0 else { return 0 }
        let supply: Prescription.Supply = product.isPatch ? .continuous(patches: 1) : .regimen(unitsPerDose: 1, dosesPerDay: Double(dosesPerDay))
        let prescription = Prescription(drug: product.ingredient, form: product.form, strength: perDose, unit: product.unit, supply: supply)
        let line = try MMECalculator(catalogue: catalogue).calculate([prescription], table: table).lines[0]
        guard let value = line.mmePerDay else {
            throw ClinicError(field: "drug", line.exclusion ?? "\(product.ingredient) has no MME factor in this table")
        }
        return value
    }

    /// Most units per administration a plan uses: two patches, or four tablets or doses of liquid.
    static func unitCap(_ product: OpioidProduct) -> Int { product.isPatch ? 2 : 4 }

    /// Strengths as integer multiples of their greatest common quantum (in 1/`scale` units).
    static func grid(_ strengths: [Double], scale: Double) -> (quantum: Double, units: [Int]) {
        let scaled = strengths.map { Int(($0 * scale).rounded()) }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let quantum = scaled.reduce(0, gcd)
        return (Double(quantum), scaled.map { $0 / quantum })
    }

    /// Fewest units making each amount 0…`limit` (Int.max: impossible), and the last unit used.
    static func fewestUnits(_ units: [Int], upTo limit: Int) -> (count: [Int], last: [Int?]) {
        var count = [Int](repeating: Int.max, count: limit + 1)
        var last = [Int?](repeating: nil, count: limit + 1)
        count[0] = 0
        if limit == 0 { return (count, last) }
        for amount in 1...limit {
            for unit in units where unit <= amount && count[amount - unit] != Int.max {
                if count[amount - unit] + 1 < count[amount] {
                    count[amount] = count[amount - unit] + 1
                    last[amount] = unit
                }
            }
        }
        return (count, last)
    }
}
