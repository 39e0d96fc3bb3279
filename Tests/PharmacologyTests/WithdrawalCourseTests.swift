import Foundation
import Testing
@testable import Pharmacology

/// The withdrawal syndrome: the counter-adaptation left unopposed, escalating while it stays
/// unopposed. Spontaneous withdrawal builds for a day or two; naloxone brings it at once; a dose
/// relieves it at once; escalation touches nothing but the syndrome.
@Suite struct WithdrawalCourseTests {
    static let human = try! PKLibrary.model(.morphine, .human)

    /// A month of oral morphine 20 mg every 4 h, ending at 30 days (the last dose at 30 d − 4 h).
    static let month = Administration.repeated(DoseAmount(20, .mg), route: .oral, everyHours: 4, fromHours: 0, toHours: 30 * 24)
    static let lastDose = 30.0 * 24 - 4

    /// After the opioid has gone, the receptor signal is 0, the drive is the two counter-adaptations
    /// decaying with their half-lives and the escalation relaxes to its gain: with
    /// k_M = ln2/t½_M, k_A = ln2/t½_A (the acute one, weight w), k_E = ln2/t½_E and E₀, M₀, A₀ at a
    /// time t₀ when the drug is gone,
    /// W(t) = (M₀·e^(−k_M·τ) + w·A₀·e^(−k_A·τ))·(1 + G + (E₀ − G)·e^(−k_E·τ)) / (1 + G), τ = t − t₀.
    @Test func afterTheDrugHasGoneTheSyndromeFollowsItsClosedForm() throws {
        let start = Self.lastDose + 72, times = gridHours(from: start, to: start + 10 * 24, step: 6)
        let run = try PKSimulation.run(Self.human, design: DosingDesign([Self.month]), outputTimes: times)
        let occupancy = try #require(run.column("occupancy"))
        #expect(occupancy.allSatisfy { $0 < 1e-6 }, "the drug must be gone three days after the last dose")
        let m0 = try #require(run.column("moderator"))[0], e0 = try #require(run.column("withdrawal_escalation"))[0]
        let a0 = try #require(run.column("acute_moderator"))[0], weight = Self.human.parameterValue("WEIGHT_ACUTE_MODERATOR")!
        let kM = log(2) / Self.human.parameterValue("HALF_MODERATOR")!, kE = log(2) / Self.human.parameterValue("HALF_WITHDRAWAL_ESCALATION")!
        let kA = log(2) / Self.human.parameterValue("HALF_ACUTE_MODERATOR")!
        let gain = Self.human.parameterValue("GAIN_WITHDRAWAL_ESCALATION")!
        let withdrawal = try #require(run.readout(.withdrawal))
        for (t, w) in zip(times, withdrawal) {
            let tau = t - start
            let expected = (m0 * exp(-kM * tau) + weight * a0 * exp(-kA * tau)) * (1 + gain + (e0 - gain) * exp(-kE * tau)) / (1 + gain)
            #expect(abs(w - expected) <= 1e-5 * max(expected, 1e-3), "t = \(t) h: \(w) vs \(expected)")
        }
    }

    /// Stopping: the syndrome grows for more than a day after the drug has left the receptors and
    /// is most intense after 24 h; 10 mg s.c. at 48 h relieves it within 2 h, because what the
    /// dose opposes is the counter-adaptation itself, however far the syndrome has escalated.
    @Test func spontaneousWithdrawalBuildsAndADoseRelievesIt() throws {
        let times = gridHours(from: Self.lastDose, to: Self.lastDose + 6 * 24, step: 1)
        let stopped = try PKSimulation.run(Self.human, design: DosingDesign([Self.month]), outputTimes: times)
        let relieved = try PKSimulation.run(Self.human, design: DosingDesign([Self.month, .dose(DoseAmount(10, .mg), route: .sc, atHours: Self.lastDose + 48)]),
                                            outputTimes: times)
        let cows = try #require(stopped.readout(.cows)), cowsRelieved = try #require(relieved.readout(.cows))
        let peak = cows.indices.max { cows[$0] < cows[$1] }!
        #expect(times[peak] - Self.lastDose > 24, "peak \(times[peak] - Self.lastDose) h after the last dose")
        let at12 = cows[times.firstIndex(of: Self.lastDose + 12)!]
        #expect(cows[peak] > 1.5 * at12, "the syndrome at its peak against its first half-day")
        let twoHoursAfter = times.firstIndex(of: Self.lastDose + 50)!
        #expect(cowsRelieved[twoHoursAfter] < 0.1 * cows[twoHoursAfter])
        #expect(cows.allSatisfy { $0 >= 0 && $0 <= 48 })
    }

    /// Acute dependence: one dose of morphine (18 mg/70 kg i.m.) leaves an acute
    /// counter-adaptation that naloxone reveals 2 h and 6 h after the dose (Compton 2004: similar
    /// pattern and severity; the half-life was derived from it), while abstinence from the
    /// same dose expresses almost none of it: the acute part follows the falling signal within the
    /// hour, and the escalation answers the slow part alone.
    @Test func oneDoseLeavesAnAcuteDependenceThatOnlyNaloxoneReveals() throws {
        let dose = Administration.dose(DoseAmount(18, .mg), route: .im, atHours: 0)
        let times = gridHours(from: 0, to: 48, step: 1.0 / 12)
        let spontaneous = try #require(try PKSimulation.run(Self.human, design: DosingDesign([dose]), outputTimes: times).readout(.cows))
        func precipitated(at hours: Double) throws -> Double {
            let design = DosingDesign([dose, .treatmentBolus(.naloxone, level: 100, atHours: hours)])
            let cows = try #require(try PKSimulation.run(Self.human, design: design, outputTimes: times).readout(.cows))
            let before = try #require(times.lastIndex { $0 < hours })
            let within = times.indices.filter { times[$0] >= hours && times[$0] <= hours + 1 }
            return within.map { cows[$0] }.max()! - cows[before]
        }
        let at2 = try precipitated(at: 2), at6 = try precipitated(at: 6)
        #expect(at2 > AbstinenceReading.mildCOWS && at6 > AbstinenceReading.mildCOWS, "naloxone adds \(at2) COWS points at 2 h, \(at6) at 6 h")
        // Compton saw them similar; the model's morphine reaches its effect site slowly (2.8-h
        // equilibration), so its 6-h challenge finds more to reveal (about 1.8 times): within a
        // factor of 2 is what this test holds it to (docs/model.md, Known shortfalls).
        #expect(at6 / at2 > 0.5 && at6 / at2 < 2, "similar at 2 and 6 h: \(at2), \(at6)")
        #expect(spontaneous.max()! < AbstinenceReading.mildCOWS, "one dose, no naloxone: COWS \(spontaneous.max()!)")
    }

    /// A naloxone bolus's level at the receptors follows its two exponentials exactly (0.944 of
    /// the peak with 7.4 min, the rest with 1.045 h: Dowling 2008's disposition through Yassen
    /// 2007's biophase); a rat's follows one half-life; a held level feeds the slow state alone
    /// and approaches the level given.
    @Test func naloxoneFallsInTwoPhasesInHumans() throws {
        let times = gridHours(from: 10, to: 16, step: 0.25)
        func level(_ model: OpioidModel, _ design: DosingDesign) throws -> [Double] {
            try #require(try PKSimulation.run(model, design: design, outputTimes: times).column("naloxone_level"))
        }
        let human = try level(Self.human, DosingDesign([.treatmentBolus(.naloxone, level: 20, atHours: 10)]))
        let share = Self.human.parameterValue("NALOXONE_DISTRIBUTION_SHARE")!
        let kFast = log(2) / Self.human.parameterValue("HALF_NALOXONE_DISTRIBUTION")!, kSlow = log(2) / Self.human.parameterValue("HALF_NALOXONE")!
        for (t, value) in zip(times, human) {
            let expected = 20 * (share * exp(-kFast * (t - 10)) + (1 - share) * exp(-kSlow * (t - 10)))
            #expect(abs(value - expected) <= 1e-6 * 20, "t = \(t) h: \(value) vs \(expected)")
        }
        #expect(human[times.firstIndex(of: 10.5)!] < 0.2 * 20, "most of the bolus is gone within half an hour")
        let rat = try PKLibrary.model(.morphine, .rat)
        let ratLevel = try level(rat, DosingDesign([.treatmentBolus(.naloxone, level: 20, atHours: 10)]))
        let kRat = log(2) / rat.parameterValue("HALF_NALOXONE")!
        for (t, value) in zip(times, ratLevel) { #expect(abs(value - 20 * exp(-kRat * (t - 10))) <= 1e-6 * 20) }
        let held = try PKSimulation.run(Self.human, design: DosingDesign([.treatment(.naloxone, level: 5, fromHours: 0, toHours: 16)]), outputTimes: [16])
        #expect(held.column("naloxone_distributing")![0] == 0)
        #expect(abs(held.column("naloxone_level")![0] - 5) < 0.01, "a held level approaches the level given")
    }

    /// Naloxone in a dependent patient brings withdrawal within minutes, at once and in full —
    /// more intense than the peak of spontaneous withdrawal after stopping, as clinical texts
    /// describe precipitated withdrawal — and it resolves as naloxone goes and the opioid takes the
    /// receptors back.
    @Test func precipitatedWithdrawalIsImmediate() throws {
        let challenge = 29.0 * 24 + 1
        let times = gridHours(from: challenge - 1, to: challenge + 12, step: 0.25)
        let plain = try PKSimulation.run(Self.human, design: DosingDesign([Self.month]), outputTimes: times)
        let challenged = try PKSimulation.run(Self.human, design: DosingDesign([Self.month, .treatmentBolus(.naloxone, level: 100, atHours: challenge)]),
                                              outputTimes: times)
        let cows = try #require(challenged.readout(.cows)), cowsPlain = try #require(plain.readout(.cows))
        let quarterHour = times.firstIndex(of: challenge + 0.25)!
        #expect(cowsPlain[quarterHour] < 1, "an hour after a dose, no withdrawal without naloxone")
        #expect(cows[quarterHour] > 3, "withdrawal within 15 min: \(cows[quarterHour])")
        let firstHours = times.indices.filter { times[$0] <= challenge + 3 }.map { cows[$0] }.max()!
        #expect(cows[quarterHour] >= 0.8 * firstHours, "at once, not building over hours")
        #expect(cows.last! < 1, "resolved as naloxone goes")
        let stopped = try PKSimulation.run(Self.human, design: DosingDesign([Self.month]),
                                           outputTimes: gridHours(from: Self.lastDose, to: Self.lastDose + 10 * 24, step: 1))
        let spontaneousPeak = try #require(stopped.readout(.cows)).max()!
        #expect(firstHours > spontaneousPeak, "precipitated \(firstHours) against spontaneous \(spontaneousPeak)")
    }

    /// Naloxone early in spontaneous abstinence, when the drug has already left the receptors,
    /// makes the withdrawal worse at once (what holds it back is opioid-mediated), and the
    /// syndrome returns to its spontaneous course as naloxone goes.
    @Test func naloxoneEarlyInAbstinenceWorsensWithdrawal() throws {
        let challenge = Self.lastDose + 24
        let times = gridHours(from: challenge - 1, to: challenge + 24, step: 0.25)
        let plain = try PKSimulation.run(Self.human, design: DosingDesign([Self.month]), outputTimes: times)
        let challenged = try PKSimulation.run(Self.human, design: DosingDesign([Self.month, .treatmentBolus(.naloxone, level: 100, atHours: challenge)]),
                                              outputTimes: times)
        let occupancy = try #require(plain.column("occupancy"))
        #expect(occupancy[0] < 0.01, "the drug has left the receptors before the challenge")
        let cows = try #require(challenged.readout(.cows)), cowsPlain = try #require(plain.readout(.cows))
        let quarterHour = times.firstIndex(of: challenge + 0.25)!
        #expect(cowsPlain[quarterHour] > 3, "already in withdrawal: \(cowsPlain[quarterHour])")
        // Blocking what is left of the drug adds little to the drive; lifting the restraint doubles
        // the syndrome.
        let drive = try #require(challenged.column("withdrawal_drive")), drivePlain = try #require(plain.column("withdrawal_drive"))
        #expect(drive[quarterHour] < 1.05 * drivePlain[quarterHour], "\(drive[quarterHour]) against \(drivePlain[quarterHour])")
        #expect(cows[quarterHour] > 2 * cowsPlain[quarterHour], "\(cows[quarterHour]) against \(cowsPlain[quarterHour])")
        #expect(abs(cows.last! - cowsPlain.last!) < 0.05 * cowsPlain.last!, "back on the spontaneous course a day later")
    }

    /// Escalation acts on the syndrome alone: without it (gain 0) withdrawal is the unopposed
    /// counter-adaptation, and tolerance, hyperalgesia (rebound included) and glia are unchanged.
    @Test func escalationChangesOnlyTheWithdrawalSyndrome() throws {
        let rat = try PKLibrary.model(.morphine, .rat)
        let times = gridHours(from: 0, to: 12 * 24, step: 1)
        let design = DosingDesign([.repeated(DoseAmount(10, .mgPerKg), route: .sc, everyHours: 24, fromHours: 0, toHours: 7 * 24)])
        let base = try PKSimulation.run(rat, design: design, outputTimes: times)
        let off = try PKSimulation.run(rat, design: design, outputTimes: times, parameters: ["GAIN_WITHDRAWAL_ESCALATION": 0])
        #expect(try #require(off.readout(.withdrawal)) == (try #require(off.column("withdrawal_drive"))))
        #expect(try #require(base.readout(.withdrawal)) != (try #require(off.readout(.withdrawal))))
        // Equal to the solver's tolerance (the escalation state takes part in its error control).
        for readout in [Readout.tolerance, .oih, .glia, .mpe] {
            let a = try #require(base.readout(readout)), b = try #require(off.readout(readout))
            #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }, "\(readout)")
        }
    }
}
