import Testing
@testable import Clinic

/// Taper plans derived from the rules: the VA worked schedules (clinical.md §3.3) line by line,
/// CDC weekly against monthly, and properties of every plan.
@Suite struct TaperPlannerTests {
    let planner = TaperPlanner(catalogue: try! ProductCatalogue.bundled())
    let morphine90q8h = StartingRegimen(amountPerDose: 90, unit: .mg, dosesPerDay: 3)

    func plan(_ speed: String, drug: String = "morphine", form: String? = "er-tablet", start: StartingRegimen? = nil, target: Double? = nil) throws -> TaperPlan {
        try planner.plan(drug: drug, form: form, start: start ?? morphine90q8h, rule: try TaperRule.named(speed), targetMMEPerDay: target)
    }

    /// VA "faster": wk1 75 q8h → 60 → 45 → 30 → 15 q8h → 15 q12h → 15 qhs × 7 days → stop.
    @Test func vaFasterFromTheRule() throws {
        let p = try plan("va-faster")
        #expect(p.startMMEPerDay == 270)
        #expect(p.steps.map(\.mmePerDay) == [225, 180, 135, 90, 45, 30, 15, 0])
        #expect(p.steps.map(\.amountPerDose) == [75, 60, 45, 30, 15, 15, 15, 0])
        #expect(p.steps.map(\.frequencyLabel).prefix(7) == ["q8h", "q8h", "q8h", "q8h", "q8h", "q12h", "qhs"])
        #expect(p.steps.map(\.days) == [7, 7, 7, 7, 7, 7, 7, 0])
        #expect(p.steps.last?.kind == .stop && p.steps.last?.startDay == 49)
        // 75 mg per dose is one 60 mg and one 15 mg tablet; a week of q8h dispenses 21 of each.
        #expect(p.steps[0].composition.map(\.strength) == [60, 15])
        #expect(p.steps[0].dispense.map(\.units) == [21, 21])
    }

    /// VA "rapid": d1 60 q8h (−33%), d2 45, d3 30, d4 15 q8h, d5–7 15 q12h, d8–11 15 qhs, stop.
    @Test func vaRapidFromTheRule() throws {
        let p = try plan("va-rapid")
        #expect(p.steps.map(\.mmePerDay) == [180, 135, 90, 45, 30, 15, 0])
        #expect(p.steps.map(\.days) == [1, 1, 1, 1, 3, 4, 0])
        #expect(p.steps.map(\.startDay) == [0, 1, 2, 3, 4, 7, 11])
    }

    /// CDC weekly (10% of the original per week, then of the current below 30%) is faster than
    /// CDC monthly (10% of the current every 4 weeks); both end with the interval extension.
    @Test func cdcWeeklyAgainstMonthly() throws {
        let weekly = try plan("cdc-weekly", drug: "oxycodone", form: "ir-tablet", start: StartingRegimen(amountPerDose: 30, unit: .mg, dosesPerDay: 4))
        let monthly = try plan("cdc-monthly", drug: "oxycodone", form: "ir-tablet", start: StartingRegimen(amountPerDose: 30, unit: .mg, dosesPerDay: 4))
        #expect(weekly.steps.last!.startDay < monthly.steps.last!.startDay)
        // 120 mg/day; the schedule asks 108, 96, 84, …; doses are made of 5 mg units per dose, so
        // 108 (27 per dose) is held at 30 mg, then 96 → 25 mg per dose (100), 84 → 25 (held)…
        #expect(weekly.steps.prefix(3).map(\.dailyAmount) == [120, 100, 100])
        #expect(weekly.steps.prefix(3).map(\.kind) == [.hold, .reduction, .hold])
        #expect(monthly.steps[0].days == 28 && weekly.steps[0].days == 7)
        for plan in [weekly, monthly] {
            for step in plan.steps where step.kind == .reduction || step.kind == .hold {
                #expect(step.dailyAmount >= step.targetDailyAmount - 1e-9, "ahead of the rule's schedule")
            }
        }
    }

    /// Properties over rules, drugs and starting doses: doses never increase, every dose is made of
    /// catalogue strengths, a step never cuts more than the rule allows except where flagged, and
    /// every plan without a target ends with a stop.
    @Test func propertiesOfEveryPlan() throws {
        let starts: [(String, String, StartingRegimen)] = [
            ("morphine", "er-tablet", StartingRegimen(amountPerDose: 60, unit: .mg, dosesPerDay: 2)),
            ("morphine", "ir-tablet", StartingRegimen(amountPerDose: 30, unit: .mg, dosesPerDay: 6)),
            ("oxycodone", "er-tablet", StartingRegimen(amountPerDose: 40, unit: .mg, dosesPerDay: 2)),
            ("hydromorphone", "ir-tablet", StartingRegimen(amountPerDose: 8, unit: .mg, dosesPerDay: 4)),
            ("methadone", "ir-tablet", StartingRegimen(amountPerDose: 20, unit: .mg, dosesPerDay: 3)),
            ("fentanyl", "patch", StartingRegimen(amountPerDose: 100, unit: .mcgPerHour, dosesPerDay: 1)),
            ("tramadol", "ir-tablet", StartingRegimen(amountPerDose: 100, unit: .mg, dosesPerDay: 4)),
        ]
        for rule in try TaperRule.bundled() {
            for (drug, form, start) in starts {
                let p = try planner.plan(drug: drug, form: form, start: start, rule: rule)
                let strengths = Set(p.product.strengths)
                var previous = start.amountPerDose * Double(start.dosesPerDay)
                var previousPerDose = start.amountPerDose
                for step in p.steps {
                    #expect(step.dailyAmount <= previous + 1e-9, "\(rule.id) \(drug): dose rose")
                    #expect(step.amountPerDose <= previousPerDose + 1e-9)
                    #expect(step.composition.allSatisfy { strengths.contains($0.strength) })
                    if step.kind == .reduction || step.kind == .hold {
                        #expect(step.dailyAmount >= step.targetDailyAmount * (1 - 1e-12), "\(rule.id) \(drug): ahead of the rule")
                    }
                    let made = step.composition.reduce(0) { $0 + $1.strength * Double($1.count) }
                    #expect(abs(made - step.amountPerDose) < 1e-9)
                    previous = step.dailyAmount
                    previousPerDose = step.amountPerDose
                }
                #expect(p.steps.last?.kind == .stop, "\(rule.id) \(drug)")
                #expect(p.steps.count < 400)
            }
        }
    }

    @Test func targetStopsThePlan() throws {
        let p = try plan("va-faster", target: 90)
        #expect(p.steps.map(\.mmePerDay) == [225, 180, 135, 90])
        #expect(p.steps.last?.kind == .maintain)
        #expect { try plan("va-faster", target: 300) } throws: { ($0 as? ClinicError)?.field == "target" }
    }

    @Test func methadoneStepsAreHalved() throws {
        let p = try plan("va-faster", drug: "methadone", form: "ir-tablet", start: StartingRegimen(amountPerDose: 20, unit: .mg, dosesPerDay: 3))
        // 60 mg/day; the step is a twelfth of the original (5 mg/day) instead of a sixth: the
        // schedule 55, 50, 45 needs 18.3, 16.7, 15 mg per dose; with 5 and 10 mg tablets the first
        // two are held at 20 mg and the third is 15 mg q8h on day 14.
        #expect(p.steps.prefix(3).map(\.kind) == [.hold, .hold, .reduction])
        #expect(p.steps[2].dailyAmount == 45 && p.steps[2].startDay == 14)
        #expect(p.flags.contains { $0.contains("Methadone") })
    }

    /// Rotation: morphine 270 MME/day → oxycodone ER at 25% less (202.5 MME = 135 mg/day, 45 mg
    /// q8h = 30 + 15), held a week, then tapered; → fentanyl patch at 50% less (135 MME = 56.25
    /// mcg/h, rounded down to 50 mcg/h = 120 MME).
    @Test func rotationReducesForCrossTolerance() throws {
        let rule = try TaperRule.named("va-faster")
        let oxycodone = try planner.plan(drug: "morphine", form: "er-tablet", start: morphine90q8h, rule: rule,
                                         rotation: .init(drug: "oxycodone", form: "er-tablet", crossToleranceReduction: 0.25))
        #expect(oxycodone.steps[0].kind == .rotation)
        #expect(oxycodone.steps[0].amountPerDose == 45 && oxycodone.steps[0].dosesPerDay == 3)
        #expect(abs(oxycodone.steps[0].mmePerDay - 202.5) < 1e-9)
        #expect(oxycodone.rotatedFrom?.mmePerDay == 270)
        #expect(oxycodone.steps[1].mmePerDay < oxycodone.steps[0].mmePerDay)
        #expect(oxycodone.steps.last?.kind == .stop)
        let patch = try planner.plan(drug: "morphine", form: "er-tablet", start: morphine90q8h, rule: rule,
                                     rotation: .init(drug: "fentanyl", form: "patch", crossToleranceReduction: 0.5))
        #expect(patch.steps[0].amountPerDose == 50)
        #expect(abs(patch.steps[0].mmePerDay - 120) < 1e-9)
        #expect { try planner.plan(drug: "morphine", form: "er-tablet", start: morphine90q8h, rule: rule, rotation: .init(drug: "oxycodone", crossToleranceReduction: 0.1)) }
            throws: { ($0 as? ClinicError)?.field == "cross-tolerance-reduction" }
        #expect { try planner.plan(drug: "morphine", form: "er-tablet", start: morphine90q8h, rule: rule, rotation: .init(drug: "methadone")) }
            throws: { ($0 as? ClinicError)?.field == "rotate-to" }
    }

    /// Fentanyl 100 mcg/h by VA faster: whole patches (at most two), replaced every 72 h, no
    /// interval extension, stop after the smallest patch.
    @Test func fentanylPatchTaper() throws {
        let p = try plan("va-faster", drug: "fentanyl", form: "patch", start: StartingRegimen(amountPerDose: 100, unit: .mcgPerHour, dosesPerDay: 1))
        let strengths = Set(p.product.strengths)
        for step in p.steps where step.kind != .stop {
            #expect(step.composition.reduce(0) { $0 + $1.count } <= 2)
            #expect(step.composition.allSatisfy { strengths.contains($0.strength) })
            for (strength, units) in step.dispense {  // 7 days / 72 h → 3 patch changes
                #expect(units == 3 * (step.composition.first { $0.strength == strength }?.count ?? 0))
            }
            #expect(abs(step.mmePerDay - 2.4 * step.amountPerDose) < 1e-9)
        }
        #expect(p.steps.dropLast().last?.amountPerDose == 12)
        #expect(!p.steps.contains { $0.kind == .intervalExtension })
        #expect(p.steps.last?.kind == .stop)
    }

    @Test func pausesMoveLaterSteps() throws {
        var p = try plan("va-faster")
        try p.insertPauses([(afterStep: 2, days: 14)])
        #expect(p.steps.map(\.mmePerDay) == [225, 180, 180, 135, 90, 45, 30, 15, 0])
        #expect(p.steps[2].kind == .pause && p.steps[2].startDay == 14 && p.steps[2].days == 14)
        #expect(p.steps.last?.startDay == 63)
        #expect(p.steps[2].dispense.map(\.units) == [42])
        #expect(throws: ClinicError.self) { try p.insertPauses([(afterStep: 99, days: 7)]) }
    }

    @Test func badInput() throws {
        #expect { try TaperRule.named("va-fastest") } throws: { ($0 as? ClinicError)?.message.contains("va-faster") == true }
        #expect { try StartingRegimen.parse("ninety mg q8h") } throws: { ($0 as? ClinicError)?.field == "dose" }
        #expect { try StartingRegimen.parse("90 mg") } throws: { ($0 as? ClinicError)?.field == "dose" }
        #expect { try StartingRegimen.parse("90 mg q5h") } throws: { ($0 as? ClinicError)?.field == "dose" }
        #expect(try StartingRegimen.parse("90 mg q8h") == StartingRegimen(amountPerDose: 90, unit: .mg, dosesPerDay: 3))
        #expect(try StartingRegimen.parse("75 mcg/h") == StartingRegimen(amountPerDose: 75, unit: .mcgPerHour, dosesPerDay: 1))
        #expect { try plan("va-faster", start: StartingRegimen(amountPerDose: 7, unit: .mg, dosesPerDay: 3)) } throws: { ($0 as? ClinicError)?.field == "dose" }
    }
}
