import Foundation
import Testing
@testable import Pharmacology

/// Units, schedules, readouts and the errors a user sees.
@Suite struct DesignAndReadoutTests {
    @Test func repeatedDosesFallOnAHalfOpenInterval() {
        #expect(Administration.doseTimes(everyHours: 24, fromHours: 0, toHours: 72) == [0, 24, 48])
        #expect(Administration.doseTimes(everyHours: 24, fromHours: 0, toHours: 72.5) == [0, 24, 48, 72])
        #expect(Administration.doseTimes(everyHours: 12, fromHours: -24, toHours: 0) == [-24, -12])
        #expect(Administration.doseTimes(everyHours: 0, fromHours: 0, toHours: 10).isEmpty)
        #expect(Administration.doseTimes(everyHours: .nan, fromHours: 0, toHours: 10).isEmpty)
        // Counts without building arrays, and a limit instead of an out-of-memory crash.
        #expect(Administration.doseCount(everyHours: 0.1, fromHours: 0, toHours: 1) == 10)
        #expect(Administration.doseCount(everyHours: 1e-300, fromHours: 0, toHours: 1) == nil)
        #expect(Administration.doseCount(everyHours: 1.0 / 60, fromHours: 0, toHours: 70 * 24) == nil)
        #expect(Administration.doseCount(everyHours: 1, fromHours: 0, toHours: Double(Administration.maximumRepeats)) == Administration.maximumRepeats)
        #expect(Administration.doseCount(everyHours: 24, fromHours: 5, toHours: 5) == 0)
        let model = try! PKLibrary.model(.morphine, .rat)
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(model, design: DosingDesign([.repeated(DoseAmount(1, .mg), route: .sc, everyHours: 1e-9, fromHours: 0, toHours: 24)]), outputTimes: [1])
        }
    }

    @Test func unitsConvertToMilligrams() {
        #expect(DoseAmount(10, .mgPerKg).milligrams(forWeightKilograms: 0.25) == 2.5)
        #expect(DoseAmount(250, .mcg).milligrams(forWeightKilograms: 70) == 0.25)
        #expect(DoseAmount(2, .mcgPerKg).milligrams(forWeightKilograms: 70) == 0.14)
        #expect(DoseRate(25, .mcgPerHour).milligramsPerHour(forWeightKilograms: 70) == 0.025)
        #expect(DoseRate(2, .mgPerKgPerHour).milligramsPerHour(forWeightKilograms: 0.3) == 0.6)
        #expect(AmountUnit(parsing: "µg/kg") == .mcgPerKg)
        #expect(RateUnit(parsing: "ug/h") == .mcgPerHour)
        #expect(AmountUnit(parsing: "mg/m2") == nil)
        #expect(AmountUnit(parsing: "UG") == .mcg)
        #expect(RateUnit(parsing: "mg/kg/h") == .mgPerKgPerHour)
        #expect(RateUnit(parsing: "mg") == nil)
        #expect(Route(parsing: "s.c.") == .sc)
        #expect(Route(parsing: "patch") == .transdermal)
    }

    /// Readouts from the analgesia fraction: baseline at 0, cut-off at 1, %MPE = 100 × analgesia.
    @Test func readoutsAtTheirLimits() throws {
        for species in [Species.rat, .mouse] {
            let base = try #require(species.tailFlickBaselineSeconds), cutoff = try #require(species.tailFlickCutoffSeconds)
            #expect(Readout.tailFlick.value(analgesia: 0, species: species) == base)
            #expect(Readout.tailFlick.value(analgesia: 1, species: species) == cutoff)
            #expect(Readout.tailFlick.value(analgesia: 1.5, species: species) == cutoff)
            let mpe = try #require(Readout.mpe.value(analgesia: 0.37, species: species))
            #expect(abs(mpe - 37) < 1e-9)
            #expect(Readout.vonFrey.value(analgesia: 0, species: species) == species.vonFreyBaselineGrams)
            #expect(Readout.pain.value(analgesia: 0.5, species: species) == nil)
        }
        #expect(Readout.pain.value(analgesia: 0.5, species: .human) == 3)
        #expect(Readout.tailFlick.value(analgesia: 0.5, species: .human) == nil)
        // Hyperalgesia lowers the baseline: %MPE negative, pain above baseline.
        #expect(Readout.mpe.value(analgesia: 0, hyperalgesia: 0.3, species: .rat)! < 0)
        #expect(abs(Readout.tailFlick.value(analgesia: 0, hyperalgesia: 0.3, species: .rat)! - 2.1) < 1e-12)
        #expect(abs(Readout.pain.value(analgesia: 0, hyperalgesia: 0.5, species: .human)! - 9) < 1e-12)
        #expect(Readout.pain.value(analgesia: 0, hyperalgesia: 0.9, species: .human) == 10)
    }

    /// Cold pressor tolerance is the reciprocal of the pain sensitivity that the pain NRS scales:
    /// 1 drug-free, baseline NRS over pain wherever the NRS is below its cap, lowered by
    /// hyperalgesia, and held at the test's cut-off (never infinite) as analgesia approaches 1.
    @Test func coldPressorIsTheReciprocalPainSensitivityUpToItsCutoff() throws {
        let cutoff = try #require(Species.human.coldPressorCutoffFold)
        #expect(Readout.coldPressor.value(analgesia: 0, species: .human) == 1)
        for (a, h) in [(0.3, 0.0), (0.0, 0.4), (0.5, 0.2), (0.8, 0.05)] {
            let pain = try #require(Readout.pain.value(analgesia: a, hyperalgesia: h, species: .human))
            let cold = try #require(Readout.coldPressor.value(analgesia: a, hyperalgesia: h, species: .human))
            #expect(abs(cold - 6 / pain) < 1e-12)
        }
        #expect(Readout.coldPressor.value(analgesia: 0, hyperalgesia: 0.5, species: .human)! < 1)
        #expect(Readout.coldPressor.value(analgesia: 1, species: .human) == cutoff)
        #expect(Readout.coldPressor.value(analgesia: 0.999, species: .human) == cutoff)
        #expect(Readout.coldPressor.value(analgesia: 0.5, species: .rat) == nil)
        #expect(!Readout.coldPressor.applies(to: .mouse) && Readout.coldPressor.applies(to: .human))
    }

    /// COWS from the withdrawal syndrome: 48·(1 − e^(−w)) — none without withdrawal, 48·w for a
    /// mild syndrome, 48·(1 − 1/e) at w = 1, rising and bounded by the scale's 48 however large
    /// the syndrome; a negative value (round-off) reads as none.
    @Test func cowsMapsTheSyndromeOntoItsScale() {
        #expect(Readout.cows(withdrawal: 0) == 0)
        #expect(Readout.cows(withdrawal: -1e-12) == 0)
        let faint = 1e-9  // 48·(w − w²/2 + w³/6 − …): the linear term, to the double's precision
        #expect(abs(Readout.cows(withdrawal: faint) - 48 * (faint - faint * faint / 2)) <= 4 * 48 * faint * Double.ulpOfOne)
        #expect(abs(Readout.cows(withdrawal: 1) - 48 * (1 - exp(-1))) < 1e-12)
        let ladder = stride(from: 0.0, through: 40, by: 0.25).map { Readout.cows(withdrawal: $0) }
        #expect(zip(ladder, ladder.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(ladder.allSatisfy { $0 >= 0 && $0 <= 48 })
        #expect(Readout.cows(withdrawal: .infinity) == 48)
        for score in [0.0, 1e-9, 5, 12, 24, 47.9] {
            #expect(abs(Readout.cows(withdrawal: Readout.withdrawal(cows: score)) - score) <= 1e-12 * max(1, score), "COWS \(score)")
        }
    }

    /// Rat %MPE over time after the model's own ED50 dose (from the dose-response experiment, read
    /// 20 min after the injection) is 50 % at 20 min, and analgesia follows the effect site (its
    /// peak later than the plasma peak, and above 50 %).
    @Test func tailFlickTimeCourse() throws {
        let model = try PKLibrary.model(.morphine, .rat)
        let ed50 = try #require(try Experiment.morgan2006TailWithdrawalED50.run().targets.first { $0.id == "ed50" }).model
        let times = gridHours(from: 0, to: 6, step: 1.0 / 120)
        let run = try PKSimulation.run(model, design: DosingDesign([.dose(DoseAmount(ed50, .mgPerKg), route: .sc, atHours: 0)]), outputTimes: times)
        let mpe = try #require(run.readout(.mpe))
        // Log-linear interpolation between doubling doses: within a couple of %MPE of 50.
        #expect(abs(mpe[40] - 50) < 2.5, "\(mpe[40]) %MPE at 20 min")
        #expect(mpe.max()! > mpe[40])
        let cp = run.column("Cp")!
        #expect(times[mpe.firstIndex(of: mpe.max()!)!] > times[cp.firstIndex(of: cp.max()!)!])
        let latency = try #require(run.readout(.tailFlick))
        #expect(latency.allSatisfy { $0 >= 2 && $0 <= 10 })
        #expect(run.readout(.pain) == nil)
    }

    /// Daily MME: 30 mg oral morphine every 12 h is 60 MME/day once two doses fall in the window;
    /// 10 mg oxycodone every 6 h is 60; a design with a pellet has no MME.
    @Test func dailyMME() throws {
        let morphine = DosingDesign([.repeated(DoseAmount(30, .mg), route: .oral, everyHours: 12, fromHours: 0, toHours: 240)])
        #expect(MorphineEquivalence.dailyMME(of: morphine, opioid: .morphine, weightKilograms: 70, at: 6) == 30)
        #expect(MorphineEquivalence.dailyMME(of: morphine, opioid: .morphine, weightKilograms: 70, at: 100) == 60)
        let oxycodone = DosingDesign([.repeated(DoseAmount(10, .mg), route: .oral, everyHours: 6, fromHours: 0, toHours: 240)])
        #expect(MorphineEquivalence.dailyMME(of: oxycodone, opioid: .oxycodone, weightKilograms: 70, at: 100) == 60)
        #expect(!MorphineEquivalence.convertible(DosingDesign([.pellet(DoseAmount(25, .mg), atHours: 0, removeHours: nil)]), opioid: .morphine))
        #expect(!MorphineEquivalence.convertible(DosingDesign([.dose(DoseAmount(2, .mg), route: .sublingual, atHours: 0)]), opioid: .buprenorphine))
    }

    @Test func errorsNameWhatIsWrong() throws {
        let hydrocodone = try PKLibrary.model(.hydrocodone, .human)
        do {
            _ = try PKSimulation.run(hydrocodone, design: DosingDesign([.dose(DoseAmount(5, .mg), route: .iv, atHours: 0)]), outputTimes: [1])
            Issue.record("an IV dose of hydrocodone must be refused")
        } catch {
            #expect("\(error)".contains("no 'iv' route") && "\(error)".contains("oral"))
        }
        do {
            _ = try PKLibrary.model(.oxycodone, .rat)
            Issue.record("there is no rat oxycodone model")
        } catch {
            #expect("\(error)".contains("no rat model for oxycodone"))
        }
        let morphine = try PKLibrary.model(.morphine, .human)
        let bad: [DosingDesign] = [
            DosingDesign([.infusion(DoseRate(1, .mgPerHour), route: .iv, fromHours: 5, toHours: 2)]),
            DosingDesign([.dose(DoseAmount(-1, .mg), route: .iv, atHours: 0)]),
            DosingDesign([.dose(DoseAmount(1, .mg), route: .iv, atHours: .nan)]),
            DosingDesign([.repeated(DoseAmount(1, .mg), route: .iv, everyHours: 0, fromHours: 0, toHours: 10)]),
            DosingDesign([.dose(DoseAmount(1, .mg), route: .iv, atHours: 0)], weightKilograms: 0),
            DosingDesign([.dose(DoseAmount(1, .mg), route: .pellet, atHours: 0)]),
        ]
        for design in bad {
            #expect(throws: PharmacologyError.self) { _ = try PKSimulation.run(morphine, design: design, outputTimes: [0, 1, 2]) }
        }
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(morphine, design: DosingDesign([]), outputTimes: [2, 1])
        }
    }
}
