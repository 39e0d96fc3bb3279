import Foundation
import Testing
@testable import Pharmacology

/// A subject carrying two opioids (`Coadministration`, `OpioidModel.combined(with:)`): the combined
/// model against each drug's own model, the operational model's receptor signal computed here
/// from its outputs, mass balance, and the designs it refuses.
@Suite struct CoadministrationTests {
    static let methadone = try! PKLibrary.model(.methadone, .human)
    static let buprenorphine = try! PKLibrary.model(.buprenorphine, .human)
    static let morphine = try! PKLibrary.model(.morphine, .human)
    static let hours = gridHours(from: 0, to: 96, step: 4)
    static let methadoneDaily: [Administration] = [.repeated(DoseAmount(60, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: 72)]

    /// With nothing given of the second drug, the combined model (evaluated) reproduces the first
    /// drug's own model (native code) in every output the two share, COWS and tolerance included.
    @Test func anUndosedSecondDrugChangesNothing() throws {
        let alone = try PKSimulation.run(Self.methadone, design: DosingDesign(Self.methadoneDaily, weightKilograms: 70), outputTimes: Self.hours)
        let both = try PKSimulation.run(Self.methadone, design: DosingDesign(Self.methadoneDaily, weightKilograms: 70,
                                                                            coadministration: Coadministration(.buprenorphine, [])),
                                        outputTimes: Self.hours)
        for name in ["Cp", "Ce", "x", "tolerance", "moderator", "withdrawal", "glia", "analgesia"] {
            let a = try #require(alone.column(name)), b = try #require(both.column(name))
            for (p, q) in zip(a, b) { #expect(abs(p - q) <= 1e-6 * max(1, abs(p)), "\(name): \(p) alone, \(q) combined") }
        }
        #expect(try #require(both.column("buprenorphine_Cp")).allSatisfy { $0 == 0 })
    }

    /// The second drug's kinetics in the combined model are its own model's: buprenorphine 8 mg
    /// sublingual daily gives the same plasma course either way.
    @Test func theSecondDrugKeepsItsKinetics() throws {
        let doses: [Administration] = [.repeated(DoseAmount(8, .mg), route: .sublingual, everyHours: 24, fromHours: 0, toHours: 72)]
        let own = try PKSimulation.run(Self.buprenorphine, design: DosingDesign(doses, weightKilograms: 70), outputTimes: Self.hours)
        let guest = try PKSimulation.run(Self.methadone, design: DosingDesign([], weightKilograms: 70, coadministration: Coadministration(.buprenorphine, doses)),
                                         outputTimes: Self.hours)
        let a = try #require(own.column("Cp")), b = try #require(guest.column("buprenorphine_Cp"))
        #expect(a.max()! > 1e-4)
        for (p, q) in zip(a, b) { #expect(abs(p - q) <= 1e-7 * max(1e-4, p), "\(p) against \(q)") }
        // A patch of the second drug uses its own patch states.
        let patch: [Administration] = [.patch(strength: DoseRate(20, .mcgPerHour), fromHours: 0, toHours: 72)]
        let ownPatch = try PKSimulation.run(Self.buprenorphine, design: DosingDesign(patch, weightKilograms: 70), outputTimes: Self.hours)
        let guestPatch = try PKSimulation.run(Self.morphine, design: DosingDesign([], weightKilograms: 70, coadministration: Coadministration(.buprenorphine, patch)),
                                              outputTimes: Self.hours)
        for (p, q) in zip(try #require(ownPatch.column("Cp")), try #require(guestPatch.column("buprenorphine_Cp"))) {
            #expect(abs(p - q) <= 1e-7 * max(1e-5, p))
        }
    }

    /// The receptor signal is the operational model's for two ligands, computed here from each
    /// drug's effect-site concentration and parameters: x = (r₁/(1 − P₁) + r₂/(1 − P₂)) /
    /// (1 + P₁r₁/(1 − P₁) + P₂r₂/(1 − P₂)); two full agonists add in units of their EC50s.
    @Test func theReceptorSignalIsTheOperationalModels() throws {
        let cases: [(OpioidModel, Opioid, [Administration])] = [
            (Self.methadone, .buprenorphine, [.dose(DoseAmount(8, .mg), route: .sublingual, atHours: 20)]),
            (Self.methadone, .morphine, [.infusion(DoseRate(5, .mgPerHour), route: .iv, fromHours: 20, toHours: 30)]),
            (Self.buprenorphine, .methadone, [.dose(DoseAmount(40, .mg), route: .oral, atHours: 20)]),
        ]
        for (first, secondDrug, secondDoses) in cases {
            let second = try PKLibrary.model(secondDrug, .human)
            let firstDoses: [Administration] = first.opioid == .buprenorphine
                ? [.repeated(DoseAmount(8, .mg), route: .sublingual, everyHours: 24, fromHours: 0, toHours: 48)] : Self.methadoneDaily
            let run = try PKSimulation.run(first, design: DosingDesign(firstDoses, weightKilograms: 70,
                                                                       coadministration: Coadministration(secondDrug, secondDoses)),
                                           outputTimes: [21, 24, 30, 40])
            let p1 = try #require(first.parameterValue("PARTIAL_AGONISM")), p2 = try #require(second.parameterValue("PARTIAL_AGONISM"))
            let ec1 = try #require(first.parameterValue("EC50")), ec2 = try #require(second.parameterValue("EC50"))
            let ce1 = try #require(run.column("Ce")), ce2 = try #require(run.column("\(secondDrug.rawValue)_Ce"))
            let x = try #require(run.column("x"))
            for index in x.indices {
                let r1 = ce1[index] / ec1, r2 = ce2[index] / ec2
                #expect(r2 > 0.1, "the second drug is at the receptors")
                let expected = (r1 / (1 - p1) + r2 / (1 - p2)) / (1 + p1 * r1 / (1 - p1) + p2 * r2 / (1 - p2))
                #expect(abs(x[index] / expected - 1) < 1e-9, "\(first.name) with \(secondDrug): x \(x[index]) against \(expected)")
                if p1 == 0, p2 == 0 { #expect(abs(x[index] - (r1 + r2)) <= 1e-9 * x[index]) }
            }
        }
    }

    /// A partial agonist's ceiling is where it turns from agonist to antagonist: on a full agonist
    /// held at a signal r above buprenorphine's X_MAX = 1/P = 3 (methadone infused to its steady
    /// state), a large dose of buprenorphine lowers the signal toward 3; below 3 it raises it
    /// toward 3 (the operational model's (r + X_MAX·a)/(1 + a) as the occupancy ratio a grows).
    @Test func buprenorphinePullsTheSignalTowardItsCeiling() throws {
        let clearance = try #require(Self.methadone.parameterValue("CL70")), ec50 = try #require(Self.methadone.parameterValue("EC50"))
        let ceiling = 1 / (try #require(Self.buprenorphine.parameterValue("PARTIAL_AGONISM")))
        for target in [9.0, 1.0] {
            // An IV infusion long enough (20 half-lives of 26 h) to hold Ce at target × EC50.
            let rate = target * ec50 * clearance
            let infusion: [Administration] = [.infusion(DoseRate(rate, .mgPerHour), route: .iv, fromHours: 0, toHours: 800)]
            let design = DosingDesign(infusion, weightKilograms: 70,
                                      coadministration: Coadministration(.buprenorphine, [.dose(DoseAmount(32, .mg), route: .iv, atHours: 600)]))
            let run = try PKSimulation.run(Self.methadone, design: design, outputTimes: [599.9, 612])
            let x = try #require(run.column("x"))
            #expect(abs(x[0] / target - 1) < 0.01, "steady signal \(x[0]) against \(target)")
            if target > ceiling {
                #expect(x[1] < x[0] && x[1] > ceiling, "above the ceiling buprenorphine lowers the signal toward it: \(x[0]) → \(x[1])")
            } else {
                #expect(x[1] > x[0] && x[1] < ceiling, "below the ceiling it raises it toward it: \(x[0]) → \(x[1])")
            }
        }
    }

    /// Every pair of human opioids combines (90 ordered pairs): the joined text compiles, each
    /// drug dosed by each of its routes runs to finite values, and every mg of both is in the
    /// model's amount states (patches and pellets aside, whose content is not the nominal amount).
    @Test func everyPairOfHumanOpioidsCombines() throws {
        let humans = PKLibrary.models.filter { $0.species == .human && $0.isMechanistic }
        #expect(humans.count == 10)
        func doses(_ model: OpioidModel) -> [Administration] {
            model.supportedRoutes.filter { $0 != .transdermal && $0 != .pellet }.enumerated().map { index, route in
                .dose(DoseAmount(route == .iv ? 0.1 : 1, .mg), route: route, atHours: Double(index))
            }
        }
        for first in humans {
            for second in humans where second.opioid != first.opioid {
                let design = DosingDesign(doses(first), weightKilograms: 70, coadministration: Coadministration(second.opioid, doses(second)))
                let combined = try design.model(from: first)
                let run = try PKSimulation.run(first, design: design, outputTimes: [0, 2, 12, 48])
                for row in run.rows { #expect(row.allSatisfy { $0.isFinite }, "\(combined.name)") }
                for (index, t) in run.times.enumerated() {
                    let total = try combined.amountStates.reduce(0.0) { $0 + (try #require(run.column($1)))[index] }
                    let given = design.milligramsGiven(through: t, weightKilograms: 70)
                    #expect(abs(total - given) <= 1e-6 * max(1, given), "\(combined.name) at \(t) h: \(total) of \(given) mg")
                }
            }
        }
    }

    /// A dose-response test on a subject carrying a second opioid: its copy keeps the second
    /// drug's history and none of its doses from the test on, and each response equals the one
    /// computed here by running the whole history with the challenge (no continuation from saved
    /// states). Methadone (no lag: the copy is continued) and tramadol (an absorption lag: it is
    /// run from the start) as the second drug of a morphine subject.
    @Test func doseResponseTestsKeepTheSecondDrugsHistory() throws {
        for (second, route) in [(Opioid.methadone, Route.oral), (.tramadol, .oral)] {
            let regimen: [Administration] = [.repeated(DoseAmount(second == .methadone ? 60 : 100, .mg), route: route, everyHours: 24, fromHours: 0, toHours: 240)]
            let scenario = Scenario(species: .human, opioid: .morphine, weightKilograms: 70, coadministration: Coadministration(second, regimen),
                                    doseResponses: [DoseResponseTest(atHours: 120, doses: [5, 10, 20, 40], unit: .mg, route: .iv)],
                                    endHours: 120, outputHours: [120], readouts: [.pain])
            let result = try #require(try scenario.run().doseResponses.first)
            let history = DosingDesign([], weightKilograms: 70,
                                       coadministration: Coadministration(second, [.repeated(DoseAmount(second == .methadone ? 60 : 100, .mg), route: route, everyHours: 24, fromHours: 0, toHours: 120)]))
            let before = try #require(try PKSimulation.run(Self.morphine, design: history, outputTimes: [120]).readout(.pain)?.first)
            for (index, dose) in [5.0, 10, 20, 40].enumerated() {
                var challenged = history
                challenged.administrations = [.dose(DoseAmount(dose, .mg), route: .iv, atHours: 120)]
                let after = try #require(try PKSimulation.run(Self.morphine, design: challenged, outputTimes: [120 + result.peakHours[index]]).readout(.pain)?.first)
                let expected = 100 * (before - after) / before
                #expect(abs(result.responses[index] - expected) <= 1e-6 * max(1, abs(expected)), "\(second) \(dose) mg: \(result.responses[index]) against \(expected)")
            }
            #expect(result.responses.last! > result.responses.first!)
        }
    }

    /// Every mg of both drugs is in the model's amount states at every time.
    @Test func bothDrugsBalance() throws {
        let design = DosingDesign(Self.methadoneDaily, weightKilograms: 70,
                                  coadministration: Coadministration(.buprenorphine, [.dose(DoseAmount(8, .mg), route: .sublingual, atHours: 30),
                                                                                      .infusion(DoseRate(0.1, .mgPerHour), route: .iv, fromHours: 40, toHours: 90)]))
        let model = try design.model(from: Self.methadone)
        let run = try PKSimulation.run(Self.methadone, design: design, outputTimes: Self.hours)
        for (index, t) in Self.hours.enumerated() {
            let total = try model.amountStates.reduce(0.0) { $0 + (try #require(run.column($1)))[index] }
            let given = design.milligramsGiven(through: t, weightKilograms: 70)
            #expect(abs(total - given) < 1e-6 * max(1, given), "at \(t) h: \(total) mg in the model, \(given) given")
        }
    }

    /// What a design with two opioids refuses: the same drug twice, another species, the second
    /// drug's unsupported route (named as the second's), and treatments given as the second drug.
    @Test func refusals() throws {
        #expect(throws: PharmacologyError.self) { try Self.methadone.combined(with: Self.methadone) }
        #expect(throws: PharmacologyError.self) { try Self.morphine.combined(with: try PKLibrary.model(.morphine, .rat)) }
        let combined = try Self.methadone.combined(with: Self.buprenorphine)
        #expect(throws: PharmacologyError.self) { try combined.combined(with: Self.morphine) }
        do {
            _ = try PKSimulation.run(Self.methadone, design: DosingDesign([], weightKilograms: 70, coadministration: Coadministration(.buprenorphine, [.dose(DoseAmount(8, .mg), route: .oral, atHours: 1)])),
                                     outputTimes: [2])
            Issue.record("an oral buprenorphine dose was accepted")
        } catch {
            #expect("\(error)".contains("buprenorphine") && "\(error)".contains("sublingual"), "\(error)")
        }
        #expect(throws: PharmacologyError.self) {
            try PKSimulation.run(Self.methadone, design: DosingDesign([], weightKilograms: 70, coadministration: Coadministration(.buprenorphine, [.treatmentBolus(.naloxone, level: 10, atHours: 1)])),
                                 outputTimes: [2])
        }
    }

    // MARK: Scenarios

    /// `opioid=NAME` on a dose, infusion or patch gives the second drug; naming the first drug is
    /// the same as leaving it out; the scenario round-trips through JSON and reads `cp2` as the
    /// second drug's plasma concentration.
    @Test func scenariosTakeASecondOpioid() throws {
        let scenario = try ScenarioTests.scenario("human", opioid: "methadone", weight: "70", end: "3d", every: "6h", readouts: "cp,cp2,cows", [
            ("dose", "amount=60,unit=mg,route=oral,every=24h,from=0d,to=3d"),
            ("dose", "opioid=Buprenorphine,amount=8,unit=mg,route=sublingual,at=2d"),
            ("patch", "opioid=buprenorphine,strength=10,unit=mcg/h,from=2d6h,to=3d"),
            ("infusion", "opioid=methadone,rate=1,unit=mg/h,route=iv,from=1d,to=1d1h"),
        ])
        #expect(scenario.administrations.count == 2)
        #expect(scenario.coadministration == Coadministration(.buprenorphine, [
            .dose(DoseAmount(8, .mg), route: .sublingual, atHours: 48),
            .patch(strength: DoseRate(10, .mcgPerHour), fromHours: 54, toHours: 72)]))
        #expect(try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(scenario)) == scenario)
        let result = try scenario.run()
        #expect(result.modelName == "methadone with buprenorphine (human)")
        let run = try PKSimulation.run(Self.methadone, design: scenario.design, outputTimes: result.times)
        let cp2 = try #require(result.column(.secondPlasmaConcentration))
        for (a, b) in zip(cp2, try #require(run.column("buprenorphine_Cp"))) { #expect(abs(a - 1000 * b) <= 1e-9 * max(1, a)) }
        #expect(cp2.first == 0 && cp2.last! > 0)
        // Without a second opioid the defaults leave cp2 out, and asking for it is an error.
        let alone = try ScenarioTests.scenario("human", opioid: "methadone", weight: "70", end: "1d", [("dose", "amount=60,unit=mg,route=oral,at=0h")])
        #expect(!alone.defaultReadouts(for: Self.methadone).contains(.secondPlasmaConcentration))
        #expect(scenario.defaultReadouts(for: Self.methadone).contains(.secondPlasmaConcentration))
    }

    /// Daily MME adds both drugs' (CDC factors: oral morphine 1, oral oxycodone 1.5) over the 24 h
    /// ending at each time: at 1 d morphine's doses at 12 and 24 h and oxycodone's first, at 3 d
    /// (both regimens ended, `to` excluded) the doses at 60 h.
    @Test func dailyMMEAddsBothDrugs() throws {
        let scenario = try ScenarioTests.scenario("human", opioid: "morphine", weight: "70", end: "3d", every: "1d", readouts: "mme", [
            ("dose", "amount=30,unit=mg,route=oral,every=12h,from=0d,to=3d"),
            ("dose", "opioid=oxycodone,amount=10,unit=mg,route=oral,every=12h,from=1d,to=3d"),
        ])
        let mme = try #require(try scenario.run().column(.dailyMME))
        let expected: [Double] = [30, 75, 90, 45]
        #expect(mme == expected)
    }

    /// Errors name the option and what to do: a third drug, an unknown one, a route of the second
    /// drug's it lacks, a second drug in a species without a model of it, and cp2 without one.
    @Test func secondOpioidErrorsAreNamed() {
        let cases: [([(String, String)], String, String?, String)] = [
            ([("dose", "opioid=oxycodone,amount=5,unit=mg,route=oral,at=0h"), ("dose", "opioid=buprenorphine,amount=8,unit=mg,route=sublingual,at=1h")],
             "human", nil, "at most two opioids"),
            ([("dose", "opioid=buprenorfine,amount=8,unit=mg,route=sublingual,at=1h")], "human", nil, "Did you mean 'buprenorphine'"),
            ([("dose", "opioid=buprenorphine,amount=8,unit=mg,route=oral,at=1h")], "human", nil, "sublingual"),
            ([("dose", "opioid=oxycodone,amount=1,unit=mg,route=iv,at=1h")], "rat", nil, "no rat model for oxycodone"),
            ([("dose", "amount=10,unit=mg,route=oral,at=0h")], "human", "cp2", "second opioid"),
            ([("patch", "opioid=buprenorphine,strength=10,unit=mcg/h,from=0h,to=1d"), ("patch", "opioid=buprenorphine,strength=5,unit=mcg/h,from=12h,to=20h")],
             "human", nil, "the buprenorphine patch #2 (opioid=buprenorphine): worn over [12h, 20h), it overlaps patch #1"),
        ]
        for (items, species, readouts, expected) in cases {
            let error = ScenarioTests.failure { () throws(ScenarioError) in
                try ScenarioTests.scenario(species, weight: species == "human" ? "70" : nil, end: "1d", readouts: readouts, items)
            }
            #expect(error.map { "\($0)".contains(expected) } == true, "\(items): \(error.map { "\($0)" } ?? "no error")")
        }
    }
}
