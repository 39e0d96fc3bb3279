import Foundation
import Testing
@testable import Pharmacology

/// `--dose-response`: the drug-naive ED50 against the Emax model solved by hand, the test on copies
/// of the state, and the range flags.
@Suite struct ScenarioDoseResponseTests {
    /// Oral oxycodone with the mechanism's tolerance and hyperalgesia off (one compartment,
    /// first-order absorption, effect site, sigmoid Emax) has a closed-form effect-site curve, so its ED50 is known without the solver:
    /// the dose whose peak Ce equals EC50. Ce(t) = F·D·ka·ke0/V · Σ e^(−λᵢt)/Πⱼ≠ᵢ(λⱼ − λᵢ) over
    /// λ ∈ {k, ka, ke0}; its peak is found by golden-section search.
    /// Oral oxycodone's effect-site concentration per mg `t` hours after a dose, in closed form,
    /// and its EC50.
    static func oxycodoneKernel() throws -> (ce: (Double) -> Double, ec50: Double) {
        let model = try PKLibrary.model(.oxycodone, .human)
        let parameters = Dictionary(uniqueKeysWithValues: model.checkedModel.parameters.map { ($0.name, $0.defaultValue) })
        let (cl, v, f, ka, ke0, ec50) = (parameters["CL70"]!, parameters["V70"]!, parameters["F_ORAL"]!, parameters["KA_ORAL"]!,
                                         parameters["KE0"]!, parameters["EC50"]!)
        let k = cl / v
        let rates = [k, ka, ke0]
        func ce(_ t: Double) -> Double {  // per mg
            guard t > 0 else { return 0 }
            var sum = 0.0
            for (i, rate) in rates.enumerated() {
                let product = rates.enumerated().filter { $0.offset != i }.map { $0.element - rate }.reduce(1, *)
                sum += exp(-rate * t) / product
            }
            return f * ka * ke0 / v * sum
        }
        return (ce, ec50)
    }

    /// The mechanism's tolerance and hyperalgesia switched off: the Emax model alone.
    static let emaxAlone = ["GAIN_TOL_FAST": 0.0, "GAIN_TOL_SLOW": 0, "GAIN_TOL_CYTOKINE": 0, "GAIN_OIH": 0, "GAIN_REBOUND": 0]

    @Test func naiveED50EqualsTheAnalyticEmaxED50() throws {
        let (ce, ec50) = try Self.oxycodoneKernel()
        var (a, b) = (0.0, 24.0)
        let golden = (sqrt(5.0) - 1) / 2
        for _ in 0..<200 {
            let c = b - golden * (b - a), d = a + golden * (b - a)
            if ce(c) > ce(d) { b = d } else { a = c }
        }
        let peak = (a + b) / 2
        let analytic = ec50 / ce(peak)

        let doses = (0..<45).map { 2 * pow(1.1, Double($0)) }  // 2 … 130 mg, bracketing the ED50
        let scenario = Scenario(species: .human, opioid: .oxycodone, administrations: [], doseResponses: [
            DoseResponseTest(atHours: 0, doses: doses, unit: .mg, route: .oral),
        ], endHours: 1, readouts: [.pain])
        let result = try ParameterOverrides.with(["oxycodone_human.wean": Self.emaxAlone]) { try scenario.run() }.doseResponses[0]
        let ed50 = try #require(result.ed50Naive)
        #expect(abs(ed50 / analytic - 1) < 2e-3, "ED50 \(ed50) mg vs analytic \(analytic) mg")
        #expect(abs(try #require(result.ed50) - ed50) < 1e-6 * ed50)
        // Linear PK without acute tolerance: one peak-effect time for every dose, the analytic one to the minute.
        #expect(Set(result.peakHours).count == 1)
        #expect(abs(result.peakHours[0] - peak) <= 1.0 / 60)
        // Naive: the response is 100 × the Emax fraction at the peak.
        for (dose, response) in zip(doses, result.naiveResponses) {
            let c = dose * ce(result.peakHours[0])
            #expect(abs(response - 100 * c * c / (ec50 * ec50 + c * c)) < 1e-4)
        }
    }

    /// Cumulative dosing on the Emax model alone is the superposition of its increments: read one
    /// interval after increment i, the effect-site concentration is Σⱼ≤ᵢ (dⱼ − dⱼ₋₁)·Ce₁(tᵢ − tⱼ)
    /// (Ce₁ the closed-form curve of 1 mg) and the response 100 × its Emax fraction, for the
    /// subject and the drug-naive copy alike; the ED50 is that of the cumulative dose.
    @Test func cumulativeDosingIsTheSuperpositionOfItsIncrements() throws {
        let (ce, ec50) = try Self.oxycodoneKernel()
        let doses = [2.0, 4, 8, 16, 32, 64], interval = 0.75
        let test = DoseResponseTest(atHours: 10, doses: doses, unit: .mg, route: .oral, cumulativeIntervalHours: interval)
        let scenario = Scenario(species: .human, opioid: .oxycodone, administrations: [], doseResponses: [test], endHours: 12, readouts: [.pain])
        let result = try ParameterOverrides.with(["oxycodone_human.wean": Self.emaxAlone]) { try scenario.run() }.doseResponses[0]
        let increments = doses.indices.map { $0 == 0 ? doses[0] : doses[$0] - doses[$0 - 1] }
        var expected: [Double] = []
        for i in doses.indices {
            let reading = Double(i + 1) * interval
            let c = (0...i).reduce(0.0) { $0 + increments[$1] * ce(reading - Double($1) * interval) }
            expected.append(100 * c * c / (ec50 * ec50 + c * c))
        }
        for (index, value) in expected.enumerated() {
            #expect(abs(result.responses[index] - value) < 1e-4, "dose \(doses[index]): \(result.responses[index]) vs \(value)")
            #expect(abs(result.naiveResponses[index] - value) < 1e-4)
        }
        #expect(result.peakHours == doses.map { _ in interval })
        let ed50 = try #require(result.ed50)
        #expect(abs(ed50 - (DoseResponse.ed50(doses: doses, responses: expected, criterion: 50) ?? .nan)) < 1e-6 * ed50)
    }

    /// The rat's naive test is Morgan 2006's between-subjects design read at each dose's peak:
    /// one drug-naive rat per dose, %MPE at its peak, ED50 by log-linear interpolation — computed
    /// here from single-dose runs. (The experiment itself reads 20 min after the injection, as the
    /// study did, which gives a larger ED50.)
    @Test func naiveRatED50IsTheBetweenSubjectsDesignAtThePeak() throws {
        let doses = [0.5, 1, 2, 4, 8, 16, 32]
        let scenario = try ScenarioTests.scenario(end: "1d", [("dose-response", "at=0h,doses=0.5,1,2,4,8,16,32,unit=mg/kg,route=sc")])
        let ed50 = try #require(try scenario.run().doseResponses[0].ed50Naive)
        let model = try PKLibrary.model(.morphine, .rat)
        let times = gridHours(from: 0, to: 4, step: 1.0 / 60)
        let peaks = try doses.map { dose in
            try #require(try PKSimulation.run(model, design: DosingDesign([.dose(DoseAmount(dose, .mgPerKg), route: .sc, atHours: 0)]), outputTimes: times)
                .readout(.mpe)?.max())
        }
        let expected = try #require(DoseResponse.ed50(doses: doses, responses: peaks, criterion: 50))
        #expect(abs(ed50 / expected - 1) < 1e-6, "\(ed50) vs \(expected)")
        let experiment = try #require(ExperimentCatalogue.named("morgan2006-tail-withdrawal-ed50")).run()
        let atTwentyMinutes = try #require(experiment.targets.first { $0.id == "ed50" }).model
        #expect(atTwentyMinutes > ed50, "read before the peak, the same doses do less: \(atTwentyMinutes) vs \(ed50)")
    }

    /// Before any opioid the subject is drug-naive: the ratio is 1. After a week of daily morphine
    /// the curve has shifted right (tolerance), and more so after two; a test on a dosing day
    /// replaces that day's dose, so it equals the test on a regimen that stopped just before.
    @Test func toleranceShiftsTheCurveRight() throws {
        let test = "doses=0.5,1,2,4,8,16,32,64,128,unit=mg/kg,route=sc"
        let result = try ScenarioTests.scenario(end: "15d", every: "1d", [
            ("dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=14d"),
            ("dose-response", "at=-1d,\(test)"), ("dose-response", "at=7d,\(test)"), ("dose-response", "at=14d,\(test)"),
        ]).run()
        let ratios = try result.doseResponses.map { try #require($0.ed50Ratio) }
        #expect(abs(ratios[0] - 1) < 1e-6)
        #expect(ratios[1] > 2)
        #expect(ratios[2] > ratios[1])
        // The JSON order is the order given.
        #expect(result.doseResponses.map(\.test.atHours) == [-24, 168, 336])
        let stopped = try ScenarioTests.scenario(end: "8d", every: "1d", [
            ("dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=7d"), ("dose-response", "at=7d,\(test)"),
        ]).run()
        #expect(abs(try #require(stopped.doseResponses[0].ed50Ratio) / ratios[1] - 1) < 1e-6)
    }

    /// The drug-naive answer does not depend on when a test is taken or on the design's
    /// administrations, so one computed for the doses serves every test of them: a test given it
    /// equals the test computing its own, and one given the answer to other doses is refused.
    @Test func sharedNaiveResponsesAreTheTestsOwn() throws {
        let model = try PKLibrary.model(.morphine, .rat)
        let design = DosingDesign([.repeated(DoseAmount(10, .mgPerKg), route: .sc, everyHours: 24, fromHours: 0, toHours: 7 * 24)])
        let doses = [1.0, 2, 4, 8, 16, 32, 64, 128]
        let early = DoseResponseTest(atHours: 24, doses: doses, unit: .mgPerKg, route: .sc)
        let late = DoseResponseTest(atHours: 10 * 24, doses: doses, unit: .mgPerKg, route: .sc)
        let naive = try early.naiveResponses(model, design: DosingDesign([]))
        var battery = DoseResponseBattery(model, design: design)
        for test in [early, late] {
            let own = try test.run(model, design: design)
            for shared in [try test.run(model, design: design, naive: naive), try battery.run(test)] {
                #expect(own.responses == shared.responses && own.naiveResponses == shared.naiveResponses && own.peakHours == shared.peakHours)
                #expect(own.ed50Ratio == shared.ed50Ratio)
            }
        }
        #expect(throws: PharmacologyError.self) {
            try late.run(model, design: design, naive: (Array(naive.peaks.dropLast()), Array(naive.responses.dropLast())))
        }
    }

    /// Drug on board raises the baseline the response is read against, and its acute tolerance
    /// lowers the challenge's potency: a challenge just after a morphine infusion needs a larger
    /// dose for 50 %MPE, and gives less %MPE from the middle of the range up. (At the lowest dose
    /// the two can be level: with a Hill coefficient above 1 a small dose on top of drug on board
    /// sits on the steeper part of the curve.)
    @Test func drugOnBoardRaisesTheBaseline() throws {
        let test = "at=2h,doses=1,2,4,8,16,unit=mg/kg,route=sc"
        let infused = try ScenarioTests.scenario(end: "4h", [("infusion", "rate=0.5,unit=mg/kg/h,route=iv,from=0h,to=2h"), ("dose-response", test)]).run()
        let clean = try ScenarioTests.scenario(end: "4h", [("dose-response", test)]).run()
        let onBoard = try #require(infused.doseResponses[0].ed50), naive = try #require(clean.doseResponses[0].ed50)
        #expect(onBoard > 1.2 * naive, "ED50 \(onBoard) mg/kg after the infusion, \(naive) without")
        for (a, b) in zip(infused.doseResponses[0].responses, clean.doseResponses[0].responses).dropFirst(2) { #expect(a < b) }
    }

    @Test func rangeFlags() throws {
        let low = try ScenarioTests.scenario(end: "1d", [("dose-response", "at=0h,doses=0.01,0.02,unit=mg/kg,route=sc")]).run().doseResponses[0]
        #expect(low.ed50 == nil && low.aboveRange && !low.belowRange)
        let high = try ScenarioTests.scenario(end: "1d", [("dose-response", "at=0h,doses=100,200,unit=mg/kg,route=sc")]).run().doseResponses[0]
        #expect(high.ed50 == nil && high.belowRange && !high.aboveRange)
        #expect(high.ed50Ratio == nil)
    }
}

/// What a copy of the subject keeps at the test's time.
@Suite struct ChallengeCopyTests {
    @Test func scheduledEventsFromTheTestOnAreNotDone() {
        let amount = DoseAmount(10, .mgPerKg)
        #expect(Administration.dose(amount, route: .sc, atHours: 72).kept(inCopyAt: 72) == nil)
        #expect(Administration.dose(amount, route: .sc, atHours: 71).kept(inCopyAt: 72) == .dose(amount, route: .sc, atHours: 71))
        #expect(Administration.repeated(amount, route: .sc, everyHours: 24, fromHours: 0, toHours: 336).kept(inCopyAt: 72)
            == .repeated(amount, route: .sc, everyHours: 24, fromHours: 0, toHours: 72))
        let infusion = Administration.infusion(DoseRate(1, .mgPerHour), route: .iv, fromHours: 0, toHours: 96)
        #expect(infusion.kept(inCopyAt: 48) == infusion)
        #expect(Administration.patches(strength: DoseRate(25, .mcgPerHour), changeEveryHours: 72, fromHours: 0, toHours: 720).kept(inCopyAt: 100)
            == .patches(strength: DoseRate(25, .mcgPerHour), changeEveryHours: 72, fromHours: 0, toHours: 144))
        #expect(Administration.pellet(DoseAmount(75, .mg), atHours: 0, removeHours: 96).kept(inCopyAt: 48) == .pellet(DoseAmount(75, .mg), atHours: 0, removeHours: nil))
        #expect(Administration.msc(CellTransplant(cells: 1e6, route: .iv, atHours: 24)).kept(inCopyAt: 24) == nil)
    }
}
