import Foundation
import Testing
@testable import Pharmacology

/// The tolerance / OIH / neuroinflammation mechanism: one set of equations for every species,
/// each pathway switchable on its own, steady states against their closed forms.
@Suite struct MechanismTests {
    static let mechanistic: [OpioidModel] = PKLibrary.models.filter { $0.source.contains("# --- Mechanism: ") }

    /// The equations after the mechanism marker, without comments.
    static func equations(_ model: OpioidModel) -> [String] {
        let text = model.source[model.source.range(of: "# --- Mechanism: ")!.lowerBound...]
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test func everySpeciesHasTheSameEquations() throws {
        #expect(Set(Self.mechanistic.map(\.species)).isSuperset(of: [.rat, .mouse]))
        let reference = Self.equations(Self.mechanistic[0])
        #expect(reference.count > 10)
        for model in Self.mechanistic.dropFirst() {
            #expect(Self.equations(model) == reference, "\(model.file) differs from \(Self.mechanistic[0].file)")
        }
    }

    /// Every human opioid carries morphine's human mechanism: the same parameters, in the same
    /// order, with the same values, units and sources (the calibration writes them all at once).
    @Test func everyHumanOpioidSharesTheHumanMechanism() throws {
        let morphine = try PKLibrary.model(.morphine, .human)
        let reference = morphine.mechanismParameterNames
        #expect(reference.count > 20)
        let humans = PKLibrary.models.filter { $0.species == .human }
        #expect(humans.count == Opioid.allCases.count, "every opioid has a human model")
        func parameter(_ model: OpioidModel, _ name: String) -> (Double, String?, String?)? {
            model.checkedModel.parameters.first { $0.name == name }.map { ($0.defaultValue, $0.unit, $0.documentation) }
        }
        for model in humans {
            #expect(model.isMechanistic, "\(model.file) has no mechanism")
            #expect(model.mechanismParameterNames == reference, "\(model.file): mechanism parameters differ")
            for name in reference {
                let mine = try #require(parameter(model, name)), theirs = try #require(parameter(morphine, name))
                #expect(mine.0 == theirs.0 && mine.1 == theirs.1 && mine.2 == theirs.2, "\(model.file): \(name) differs from morphine_human.wean")
            }
        }
        #expect(CalibrationParameter.humanMechanismFiles.count == humans.count)
    }

    /// Withdrawal after stopping a month of dosing follows the drug's kinetics through the one
    /// mechanism: methadone's (t½ about a day) comes later and lasts longer than morphine's (t½
    /// about 2 h), as the clinical course of long- against short-acting opioids runs (peak about
    /// 3–4 against 1.5–3 days; 10–20 against 4–10 days).
    @Test func longActingWithdrawalComesLaterAndLastsLonger() throws {
        let times = gridHours(from: 30 * 24, to: 60 * 24, step: 2)
        func course(_ opioid: Opioid, _ amount: Double, every: Double) throws -> (peak: Double, lastAboveMild: Double) {
            let model = try PKLibrary.model(opioid, .human)
            let design = DosingDesign([.repeated(DoseAmount(amount, .mg), route: .oral, everyHours: every, fromHours: 0, toHours: 30 * 24)], weightKilograms: 70)
            let cows = try #require(PKSimulation.run(model, design: design, outputTimes: times).readout(.cows))
            let peak = times[cows.indices.max { cows[$0] < cows[$1] }!]
            let last = times[cows.indices.last { cows[$0] >= 5 }!]
            return (peak, last)
        }
        let morphine = try course(.morphine, 20, every: 4), methadone = try course(.methadone, 60, every: 24)
        #expect(methadone.peak > morphine.peak + 24)
        #expect(methadone.lastAboveMild > morphine.lastAboveMild + 72)
    }

    static let rat = try! PKLibrary.model(.morphine, .rat)
    static func parameter(_ name: String) -> Double { rat.parameterValue(name)! }
    static let times = gridHours(from: 0, to: 8 * 24, step: 0.5)
    static let dailyDesign = DosingDesign([.repeated(DoseAmount(10, .mgPerKg), route: .sc, everyHours: 24, fromHours: 0, toHours: 8 * 24)])

    static func run(_ parameters: [String: Double] = [:], design: DosingDesign = dailyDesign) throws -> Trajectory {
        try PKSimulation.run(rat, design: design, outputTimes: times, parameters: parameters)
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ what: String, tolerance: Double = 1e-6) {
        for (x, y) in zip(a, b) where abs(x - y) > tolerance * max(1, abs(y)) {
            Issue.record("\(what): \(x) vs \(y)")
            return
        }
    }

    /// Tolerance off: the EC50 never moves; hyperalgesia is what it was.
    @Test func switchingOffToleranceRemovesOnlyTolerance() throws {
        let base = try Self.run()
        let off = try Self.run(["GAIN_TOL_FAST": 0, "GAIN_TOL_SLOW": 0, "GAIN_TOL_CYTOKINE": 0])
        #expect(off.readout(.tolerance)!.allSatisfy { $0 == 1 })
        #expect(base.readout(.tolerance)!.max()! > 1.5)
        Self.expectClose(off.readout(.oih)!, base.readout(.oih)!, "hyperalgesia with tolerance off")
        Self.expectClose(off.readout(.glia)!, base.readout(.glia)!, "glia with tolerance off")
    }

    /// OIH off: no threshold is lost; tolerance is what it was.
    @Test func switchingOffOIHRemovesOnlyHyperalgesia() throws {
        let base = try Self.run()
        let off = try Self.run(["GAIN_OIH": 0, "GAIN_REBOUND": 0])
        #expect(off.readout(.oih)!.allSatisfy { $0 == 0 })
        #expect(base.readout(.oih)!.max()! > 0.05)
        Self.expectClose(off.readout(.tolerance)!, base.readout(.tolerance)!, "tolerance with OIH off")
    }

    /// The cytokine pathway fully blocked (IL-1ra at 1 throughout): tolerance is exactly the
    /// receptor-level part of the unblocked run, which cytokines never touch.
    @Test func blockingCytokinesRemovesTheirShareOfTolerance() throws {
        let base = try Self.run()
        var blocked = Self.dailyDesign
        blocked.administrations.append(.treatmentBolus(.il1ra, level: 1, atHours: 0))
        let off = try Self.run(["HALF_IL1RA": 1e9], design: blocked)
        let receptor = zip(base.column("tol_fast")!, base.column("tol_slow")!).map { 1 + $0 + $1 }
        Self.expectClose(off.readout(.tolerance)!, receptor, "tolerance with cytokine signalling blocked", tolerance: 1e-6)
        #expect(base.readout(.tolerance)!.last! > receptor.last! + 0.1, "the cytokine share must be visible")
        #expect(off.readout(.glia)!.last! < base.readout(.glia)!.last!, "without cytokine feedback glia are less active")
    }

    /// The microglial BDNF knockout removes sensitisation and nothing upstream of it.
    @Test func bdnfKnockoutRemovesSensitisationOnly() throws {
        let base = try Self.run()
        var design = Self.dailyDesign
        design.knockouts = [.microglialBDNF]
        let knockout = try Self.run(design: design)
        #expect(knockout.column("sensitisation")!.allSatisfy { $0 == 0 })
        Self.expectClose(knockout.readout(.tolerance)!, base.readout(.tolerance)!, "tolerance in the knockout")
        Self.expectClose(knockout.readout(.glia)!, base.readout(.glia)!, "glia in the knockout")
    }

    /// Under a constant effect-site concentration the receptor tolerance states settle at their
    /// gains × Ce/EC50, sustained exposure at the occupancy O, and glial activation at the root of
    /// K(Φ(O) + w·C)(1 − G) = k_off·G.
    @Test func steadyStatesMatchTheirClosedForms() throws {
        let parameter = Self.parameter
        let weight = Species.rat.defaultWeightKilograms
        let clearance = parameter("CL_KG") * weight  // L/h
        let rate = 0.2 * weight  // mg/h IV
        let run = try PKSimulation.run(Self.rat, design: DosingDesign([.infusion(DoseRate(rate, .mgPerHour), route: .iv, fromHours: 0, toHours: 24 * 200)]),
                                       outputTimes: [24 * 199])
        let x = rate / clearance / parameter("EC50")
        for (state, gain) in [("tol_fast", "GAIN_TOL_FAST"), ("tol_slow", "GAIN_TOL_SLOW")] {
            #expect(abs(run.column(state)![0] - parameter(gain) * x) < 1e-6 * parameter(gain) * x, "\(state)")
        }
        let occupancy = x * x / (1 + x * x)
        // Sustained exposure settles at the occupancy; its drive is the normalised Hill of it.
        #expect(abs(run.column("exposure")![0] - occupancy) < 1e-6)
        let e50 = parameter("EXPOSURE50")
        let drive = occupancy * occupancy * (1 + e50 * e50) / (e50 * e50 + occupancy * occupancy)
        let glia = run.column("glia")![0], astrocytes = run.column("astrocytes")![0], cytokines = run.column("cytokines")![0]
        // Astrocytes: k_A·G·(1 − A) = k_A,off·A; cytokines: the weighted mean of the two glia.
        let (kA, kAOff, wA) = (parameter("K_ASTRO_ON"), log(2) / parameter("HALF_ASTRO_OFF"), parameter("W_ASTRO"))
        #expect(abs(astrocytes - kA * glia / (kA * glia + kAOff)) < 1e-6)
        #expect(abs(cytokines - (glia + wA * astrocytes) / (1 + wA)) < 1e-6)
        // Microglia: k(D + w·C)(1 − G) = k_off·G, D the drive of sustained exposure.
        let (k, w, kOff) = (parameter("K_GLIA_ON"), parameter("W_CYTOKINE"), log(2) / parameter("HALF_GLIA_OFF"))
        #expect(abs(k * (drive + w * cytokines) * (1 - glia) - kOff * glia) < 1e-8, "glia \(glia) off its balance")
        #expect(glia > 0.1)
        #expect(abs(run.column("sensitisation")![0] - cytokines) < 1e-6)
    }

    /// Naloxone after days of morphine precipitates withdrawal; in a naive animal it does nothing.
    @Test func naloxonePrecipitatesWithdrawal() throws {
        var design = Self.dailyDesign
        design.administrations.append(.treatmentBolus(.naloxone, level: 100, atHours: 5 * 24 + 1))
        let challenged = try Self.run(design: design)
        let plain = try Self.run()
        let i = Self.times.firstIndex(of: 5 * 24 + 1.5)!
        // With the receptors blocked, most of the counter-adaptation is unopposed at once: the
        // signal it answers, ln(1 + x), falls with x = Ce / EC50 / (1 + naloxone) a hundredfold;
        // it shows as withdrawal in full: naloxone also blocks the opioid-mediated restraint on the
        // syndrome that spontaneous abstinence depletes only over a day or two. The acute
        // counter-adaptation, which followed the signal within the hour, is unopposed too.
        let moderator = challenged.column("moderator")![i], acute = challenged.column("acute_moderator")![i]
        let x = challenged.column("Ce")![i] / Self.parameter("EC50") / (1 + challenged.column("naloxone_level")![i])
        #expect(moderator > 0.1)
        #expect(acute > log(1 + x), "the acute counter-adaptation is unopposed under naloxone")
        let expectedDrive = (moderator - log(1 + x)) + Self.parameter("WEIGHT_ACUTE_MODERATOR") * (acute - log(1 + x))
        #expect(abs(challenged.column("withdrawal_drive")![i] - expectedDrive) < 1e-9)
        #expect(challenged.column("withdrawal_drive")![i] > 0.6 * moderator)
        let gain = Self.parameter("GAIN_WITHDRAWAL_ESCALATION"), escalation = challenged.column("withdrawal_escalation")![i]
        let naloxone = challenged.column("naloxone_level")![i], drive = challenged.column("withdrawal_drive")![i]
        let restraint = (gain - escalation) / ((1 + gain) * (1 + naloxone))
        #expect(abs(challenged.readout(.withdrawal)![i] - drive * (1 - restraint)) < 1e-9)
        #expect(restraint < 0.05, "naloxone at \(naloxone) times its Ki lifts nearly all the restraint")
        #expect(challenged.readout(.withdrawal)![i] > 0.6 * moderator)
        #expect(plain.readout(.withdrawal)![i] < 0.5 * challenged.readout(.withdrawal)![i])
        #expect(challenged.readout(.mpe)![i] < plain.readout(.mpe)![i] - 20)
        let naive = try Self.run(design: DosingDesign([.treatmentBolus(.naloxone, level: 100, atHours: 1)]))
        #expect(naive.readout(.withdrawal)!.allSatisfy { $0 == 0 })
        #expect(naive.readout(.mpe)!.allSatisfy { abs($0) < 1e-12 })
    }

    /// Halving a month-long human dose gives a withdrawal and hyperalgesia pulse lasting days — set
    /// by the counter-adaptation's half-life, not the drug's 2 h (science.md §5) — and stopping it
    /// gives a larger one on the COWS scale, which resolves.
    @Test func taperStepsGiveWithdrawalPulsesLastingDays() throws {
        let human = try PKLibrary.model(.morphine, .human)
        let times = gridHours(from: 0, to: 60 * 24, step: 2)
        func run(_ laterDose: Double) throws -> Trajectory {
            var administrations: [Administration] = [.repeated(DoseAmount(30, .mg), route: .oral, everyHours: 12, fromHours: 0, toHours: 30 * 24)]
            if laterDose > 0 {
                administrations.append(.repeated(DoseAmount(laterDose, .mg), route: .oral, everyHours: 12, fromHours: 30 * 24, toHours: 60 * 24))
            }
            return try PKSimulation.run(human, design: DosingDesign(administrations), outputTimes: times)
        }
        let halved = try run(15), stopped = try run(0)
        let cowsHalved = try #require(halved.readout(.cows)), cowsStopped = try #require(stopped.readout(.cows))
        func peakAfterDay30(_ series: [Double]) -> Double { zip(times, series).filter { $0.0 > 30 * 24 }.map(\.1).max()! }
        #expect(peakAfterDay30(cowsStopped) > peakAfterDay30(cowsHalved))
        #expect(peakAfterDay30(cowsHalved) > 0)
        // Still above a tenth of its peak two days after the step; resolved (below 1 point) within three weeks.
        let peak = peakAfterDay30(cowsStopped)
        let twoDaysLater = cowsStopped[times.firstIndex(of: 32 * 24)!]
        #expect(twoDaysLater > 0.1 * peak, "withdrawal must outlast the drug's half-life")
        #expect(cowsStopped[times.firstIndex(of: 51 * 24)!] < 1)
        #expect(cowsStopped.allSatisfy { $0 >= 0 && $0 <= 48 })
    }

    /// The counter-adaptation answers ln(1 + x), so a dose cut is felt by its relative size, also
    /// where receptor occupancy saturates: after two months of methadone once daily, cutting 120 mg
    /// by a quarter, a half and three quarters raises the trough withdrawal in that order, and
    /// halving 60 mg raises it as halving 120 mg does (each halving lowers the signal by about
    /// ln 2). Tapering guidance counts cuts in percentages for this reason (clinical.md).
    @Test func doseCutsAreFeltByTheirRelativeSize() throws {
        let methadone = try PKLibrary.model(.methadone, .human)
        let times = gridHours(from: 59 * 24, to: 75 * 24, step: 1)
        func peakAfterCut(from before: Double, to after: Double) throws -> (before: Double, after: Double) {
            let design = DosingDesign([.repeated(DoseAmount(before, .mg), route: .oral, everyHours: 24, fromHours: 0, toHours: 60 * 24),
                                       .repeated(DoseAmount(after, .mg), route: .oral, everyHours: 24, fromHours: 60 * 24, toHours: 75 * 24)])
            let cows = try #require(PKSimulation.run(methadone, design: design, outputTimes: times).readout(.cows))
            let split = times.firstIndex { $0 >= 60 * 24 }!
            return (cows[..<split].max()!, cows[split...].max()!)
        }
        let quarter = try peakAfterCut(from: 120, to: 90), half = try peakAfterCut(from: 120, to: 60)
        let threeQuarters = try peakAfterCut(from: 120, to: 30), halfOfSixty = try peakAfterCut(from: 60, to: 30)
        #expect(quarter.after > quarter.before + 0.5)
        #expect(half.after > quarter.after + 1 && threeQuarters.after > half.after + 1)
        #expect(half.after > 2 * half.before, "halving 120 mg: \(half.before) -> \(half.after)")
        #expect(abs(halfOfSixty.after - half.after) < 0.25 * half.after, "halving 60 mg \(halfOfSixty.after) against 120 mg \(half.after)")
    }

    /// Tapers as the guidance shapes them, from oral morphine 20 mg every 4 h for 60 days: 10 % of
    /// the starting dose a week stays below mild withdrawal (COWS 5) throughout, while 25 % a day
    /// brings at least twice its peak and about what stopping at once brings (CDC 2022 and HHS
    /// 2019: slow tapers to avoid withdrawal; science.md §5).
    @Test func slowTapersAvoidWithdrawalThatFastOnesBring() throws {
        let human = try PKLibrary.model(.morphine, .human)
        let start = 60.0 * 24
        func peakCOWS(stepsOfMilligrams steps: [Double], everyDays days: Double) throws -> Double {
            var administrations: [Administration] = [.repeated(DoseAmount(20, .mg), route: .oral, everyHours: 4, fromHours: 0, toHours: start)]
            for (k, amount) in steps.enumerated() where amount > 0 {
                let from = start + Double(k) * days * 24
                administrations.append(.repeated(DoseAmount(amount, .mg), route: .oral, everyHours: 4, fromHours: from, toHours: from + days * 24))
            }
            let end = start + (Double(steps.count) * days + 20) * 24
            let cows = try #require(PKSimulation.run(human, design: DosingDesign(administrations), outputTimes: gridHours(from: start, to: end, step: 2)).readout(.cows))
            return cows.max()!
        }
        let weekly = try peakCOWS(stepsOfMilligrams: (1...10).map { 20 * (1 - 0.1 * Double($0)) }, everyDays: 7)
        let daily = try peakCOWS(stepsOfMilligrams: [15, 10, 5, 0], everyDays: 1)
        let abrupt = try peakCOWS(stepsOfMilligrams: [0], everyDays: 1)
        #expect(weekly < 5, "10 % a week: \(weekly)")
        #expect(daily > 2 * weekly && daily > 5, "25 % a day: \(daily)")
        #expect(daily <= abrupt && daily > 0.7 * abrupt, "25 % a day \(daily) against stopping \(abrupt)")
    }

    /// Treatments outside their range, and on PK-only models, are errors.
    @Test func treatmentErrors() throws {
        #expect(throws: PharmacologyError.self) {
            _ = try Self.run(design: DosingDesign([.treatment(.il1ra, level: 1.5, fromHours: 0, toHours: 10)]))
        }
        #expect(throws: PharmacologyError.self) {
            _ = try Self.run(design: DosingDesign([.treatment(.pea, level: 0.5, fromHours: 10, toHours: 5)]))
        }
        // Every library model carries the mechanism; a PK-only model (one compartment, no
        // mechanism) refuses treatments and knockouts.
        let pkOnly = try PKOnlyModel.make()
        #expect(!pkOnly.isMechanistic)
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(pkOnly, design: DosingDesign([.treatment(.il1ra, level: 0.5, fromHours: 0, toHours: 10)]), outputTimes: [1])
        }
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(pkOnly, design: DosingDesign([], knockouts: [.microglialBDNF]), outputTimes: [1])
        }
        _ = try PKSimulation.run(pkOnly, design: DosingDesign([.dose(DoseAmount(5, .mg), route: .iv, atHours: 0)]), outputTimes: [1])
    }
}

/// The mouse's potency is calibrated, with the mechanism in place, to the naive s.c. ED50 of
/// 3.65 mg/kg (3.2–4.1; Br J Pharmacol 2007;151:1324, Table 1): peak %MPE of one dose per mouse,
/// ED50 by log-linear interpolation, as the rat's Morgan 2006 experiment reads it.
@Test func mouseNaiveED50MatchesItsSource() throws {
    let mouse = try PKLibrary.model(.morphine, .mouse)
    let doses = [0.5, 1, 2, 4, 8, 16, 32]
    let times = gridHours(from: 0, to: 4, step: 1.0 / 60)
    let peaks = try doses.map { dose in
        try PKSimulation.run(mouse, design: DosingDesign([.dose(DoseAmount(dose, .mgPerKg), route: .sc, atHours: 0)]), outputTimes: times)
            .readout(.mpe)!.max()!
    }
    let ed50 = try #require(DoseResponse.ed50(doses: doses, responses: peaks, criterion: 50))
    #expect(ed50 >= 3.2 && ed50 <= 4.1, "mouse ED50 \(ed50) mg/kg")
}

/// The cold pain tolerance the taper experiments read is the reciprocal of the pain NRS's factor
/// on its baseline: 1 without drug or sensitisation, above 1 after a first dose, and
/// equal to baseline / NRS wherever the NRS is below its cap.
@Test func coldPainToleranceIsTheReciprocalOfPainSensitivity() throws {
    let model = try PKLibrary.model(.morphine, .human)
    let times = gridHours(from: 0, to: 60 * 24, step: 6)
    let run = try PKSimulation.run(model, design: DosingDesign([.repeated(DoseAmount(20, .mg), route: .oral, everyHours: 6, fromHours: 24, toHours: 30 * 24)]),
                                   outputTimes: times)
    let tolerance = try Experiment.coldPainTolerance(run)
    let pain = try #require(run.readout(.pain))
    let baseline = try #require(Species.human.painBaselineNRS)
    #expect(abs(tolerance[0] - 1) < 1e-12, "drug-free and unsensitised: \(tolerance[0])")
    var compared = 0
    for (value, nrs) in zip(tolerance, pain) where nrs < 10 {
        #expect(abs(value - baseline / nrs) <= 1e-9 * value)
        compared += 1
    }
    #expect(compared == times.count, "the NRS stays below its cap in this design")
    #expect(tolerance[times.firstIndex { $0 >= 24 + 6 }!] > 1, "six hours after the first dose analgesia raises it")
}
