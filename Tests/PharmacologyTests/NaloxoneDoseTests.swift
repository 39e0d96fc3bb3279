import Foundation
import Testing
@testable import Pharmacology

/// Naloxone given as a dose in mg (`Administration.treatmentDose`): its kinetics in the model
/// against the published dispositions they stand for, and the routes each species has.
@Suite struct NaloxoneDoseTests {
    static let human = try! PKLibrary.model(.morphine, .human)
    static let rat = try! PKLibrary.model(.morphine, .rat)

    /// The level at the receptors (naloxone over its K_i) at `times` after `dose`.
    static func level(_ model: OpioidModel, _ administrations: [Administration], weightKilograms: Double? = nil,
                      at times: [Double]) throws -> [Double] {
        let run = try PKSimulation.run(model, design: DosingDesign(administrations, weightKilograms: weightKilograms), outputTimes: times)
        return try #require(run.readout(.naloxone))
    }

    /// The level at the receptors of Dowling 2008's three-compartment disposition (CL 91 L/h, V1
    /// 2.87 L, V2 1.49 L, V3 33.6 L, Q2 5.66 L/h, Q3 29.8 L/h; i.m. k_a 0.65/h, F 0.36;
    /// intranasal k_a 1.52/h) seen through Yassen 2007's 6.5-min biophase, 0.6 of it unbound
    /// against a K_i of 0.327 ng/mL, per mg at 70 kg, at 10, 20, 30, 60 and 120 min; the
    /// intranasal bioavailability is the concentrated spray's 0.47. Integrated independently of
    /// Wean (`Tests/Fixtures/naloxone/dowling2008_reference.py`, scipy LSODA, rtol 1e-11).
    static let referenceMinutes = [10.0, 20, 30, 60, 120]
    static let intramuscularReference = [1.9620, 2.7173, 2.8518, 2.4448, 1.5274]
    static let intranasalReference = [5.5782, 7.0232, 6.6175, 4.0163, 1.3860]

    /// After i.m. and intranasal doses, the model's level (the two-exponential course of a bolus,
    /// convolved with first-order absorption) is within 6 % of the three-compartment course from
    /// 10 min to 2 h, and peaks when it does (29.5 and 21.0 min).
    @Test func absorbedDosesFollowTheThreeCompartmentCourse() throws {
        let times = Self.referenceMinutes.map { 5 + $0 / 60 }
        for (route, reference, peakMinutes) in [(Route.im, Self.intramuscularReference, 29.5), (.intranasal, Self.intranasalReference, 21.0)] {
            let level = try Self.level(Self.human, [.treatmentDose(.naloxone, DoseAmount(1, .mg), route: route, atHours: 5)],
                                       weightKilograms: 70, at: times)
            for (minutes, (model, expected)) in zip(Self.referenceMinutes, zip(level, reference)) {
                #expect(abs(model / expected - 1) < 0.06, "\(route) at \(minutes) min: \(model) against \(expected)")
            }
            let fine = gridHours(from: 5, to: 6, step: 1.0 / 60)
            let course = try Self.level(Self.human, [.treatmentDose(.naloxone, DoseAmount(1, .mg), route: route, atHours: 5)],
                                        weightKilograms: 70, at: fine)
            let peak = (fine[course.indices.max { course[$0] < course[$1] }!] - 5) * 60
            #expect(abs(peak - peakMinutes) <= 3, "\(route) peaks at \(peak) min against \(peakMinutes)")
        }
    }

    /// An IV bolus's level is its peak at once, 0.4 mg at 70 kg 27 times its K_i (the course's
    /// peak, 36.7 ng/mL per mg, 0.6 unbound, over 0.327 ng/mL), then falls in its two phases; a
    /// per-kg dose scales with the weight, and a dose's level is the level bolus of the same size.
    @Test func anIntravenousBolusIsItsPeakLevel() throws {
        let expected = 0.4 * 36.7287 * 0.6 / 0.3274
        let times = [2.0, 2.25, 3]
        let dose = try Self.level(Self.human, [.treatmentDose(.naloxone, DoseAmount(0.4, .mg), route: .iv, atHours: 2)],
                                  weightKilograms: 70, at: times)
        #expect(abs(dose[0] / expected - 1) < 1e-3, "\(dose[0]) against \(expected)")
        let asLevel = try Self.level(Self.human, [.treatmentBolus(.naloxone, level: dose[0], atHours: 2)], weightKilograms: 70, at: times)
        for (a, b) in zip(dose, asLevel) { #expect(abs(a - b) <= 1e-9 * max(1, a)) }
        let perKilogram = try Self.level(Self.human, [.treatmentDose(.naloxone, DoseAmount(0.4 / 70, .mgPerKg), route: .iv, atHours: 2)],
                                         weightKilograms: 100, at: times)
        #expect(abs(perKilogram[0] / dose[0] - 1) < 1e-9, "0.4 mg/70 kg at 100 kg peaks as 0.4 mg at 70 kg")
    }

    /// In rats 1 mg/kg IV leaves plasma at 258 ng/mL after 5 min (J Pharm Sci 1973), 473 times
    /// the K_i unbound, and the level halves every 40 min (JPET 1975); s.c. and i.p. doses reach
    /// the same area as their bioavailability's share of the IV one.
    @Test func ratLevelsFollowTheirPublishedPlasma() throws {
        let five = 5.0 / 60
        let iv = try Self.level(Self.rat, [.treatmentDose(.naloxone, DoseAmount(1, .mgPerKg), route: .iv, atHours: 0)], at: [five, five + 40.0 / 60])
        #expect(abs(iv[0] / (258 * 0.6 / 0.3274) - 1) < 0.01, "\(iv[0])")
        #expect(abs(iv[1] / iv[0] - 0.5) < 1e-3, "40-min half-life: \(iv[1] / iv[0])")
        let times = gridHours(from: 0, to: 12, step: 1.0 / 60)
        func area(_ route: Route) throws -> Double {
            let level = try Self.level(Self.rat, [.treatmentDose(.naloxone, DoseAmount(1, .mgPerKg), route: route, atHours: 0)], at: times)
            return zip(level.dropFirst(), level).reduce(0) { $0 + ($1.0 + $1.1) / 2 / 60 }
        }
        let ivArea = try area(.iv)
        #expect(abs(try area(.sc) / ivArea - Self.rat.parameterValue("F_NALOXONE_SC")!) < 0.01)
        #expect(abs(try area(.ip) / ivArea - Self.rat.parameterValue("F_NALOXONE_IP")!) < 0.01)
    }

    /// An IV infusion's level settles at the rate over Dowling 2008's clearance (91 L/h), 0.6 of it
    /// unbound over the K_i: 0.4 mg/h, 4.40 ng/mL, 8.06 times the K_i. It rises and falls as the
    /// three-compartment course does (the fixture script: 6.83 after 1 h; 0.621 and 0.165 2 and
    /// 4 h after a day's infusion ends), within 20 % (the two exponentials, fitted to a bolus,
    /// keep a little more of the slow phase after a long infusion). A rat's s.c. pump settles at
    /// F·rate·L/k, the level of its bioavailable input at the 40-min half-life.
    @Test func infusionsSettleAtTheRateOverTheClearance() throws {
        let human = try Self.level(Self.human, [.treatmentInfusion(.naloxone, DoseRate(0.4, .mgPerHour), route: .iv, fromHours: 0, toHours: 24)],
                                   weightKilograms: 70, at: [1, 23.9, 26, 28])
        let expected = 0.4 / 91 * 1000 * 0.6 / 0.3274
        #expect(abs(human[1] / expected - 1) < 0.01, "\(human[1]) against \(expected)")
        for (model, reference) in zip([human[0], human[2], human[3]], [6.826, 0.6207, 0.1649]) {
            #expect(abs(model / reference - 1) < 0.2, "\(model) against \(reference)")
        }
        let rat = try Self.level(Self.rat, [.treatmentInfusion(.naloxone, DoseRate(1, .mgPerKgPerHour), route: .sc, fromHours: 0, toHours: 24)],
                                 at: [23.9])
        let level = Self.rat.parameterValue("NALOXONE_LEVEL_PER_MG_KG")!, k = log(2) / Self.rat.parameterValue("HALF_NALOXONE")!
        let ratExpected = Self.rat.parameterValue("F_NALOXONE_SC")! * level / k
        #expect(abs(rat[0] / ratExpected - 1) < 1e-3, "\(rat[0]) against \(ratExpected)")
    }

    /// Each species takes naloxone by its own routes: IV, i.m. and intranasal in humans; IV, s.c.
    /// and i.p. in rodents. Another route, an agent without kinetics, a bad amount or a PK-only
    /// model is refused, naming what there is.
    @Test func routesAreTheSpecies() throws {
        #expect(Self.human.doseRoutes(of: .naloxone) == [.iv, .im, .intranasal])
        #expect(Self.rat.doseRoutes(of: .naloxone) == [.iv, .sc, .ip])
        #expect(try PKLibrary.model(.morphine, .mouse).doseRoutes(of: .naloxone) == [.iv, .sc, .ip])
        #expect(Self.human.doseRoutes(of: .il1ra).isEmpty)
        func refusal(_ model: OpioidModel, _ item: Administration) -> String {
            do {
                _ = try PKSimulation.run(model, design: DosingDesign([item], weightKilograms: 70), outputTimes: [1])
                return ""
            } catch { return "\(error)" }
        }
        #expect(refusal(Self.human, .treatmentDose(.naloxone, DoseAmount(1, .mg), route: .ip, atHours: 0)).contains("iv, im, intranasal"))
        #expect(refusal(Self.rat, .treatmentDose(.naloxone, DoseAmount(1, .mg), route: .intranasal, atHours: 0)).contains("iv, sc, ip"))
        #expect(refusal(Self.human, .treatmentDose(.il1ra, DoseAmount(1, .mg), route: .iv, atHours: 0)).contains("effect level"))
        #expect(refusal(Self.human, .treatmentDose(.naloxone, DoseAmount(-1, .mg), route: .iv, atHours: 0)).contains("finite amount"))
        #expect(refusal(Self.human, .treatmentDose(.naloxone, DoseAmount(.nan, .mg), route: .im, atHours: 0)).contains("finite amount"))
        let pkOnly = try PKOnlyModel.make()
        #expect(pkOnly.doseRoutes(of: .naloxone).isEmpty)
        #expect(refusal(pkOnly, .treatmentDose(.naloxone, DoseAmount(1, .mg), route: .iv, atHours: 0)).contains("PK-only"))
        #expect(refusal(pkOnly, .treatmentInfusion(.naloxone, DoseRate(1, .mgPerHour), route: .iv, fromHours: 0, toHours: 1)).contains("PK-only"))
    }

    /// I.m. naloxone in a dependent patient precipitates withdrawal more slowly and for longer
    /// than the same dose IV: its level rises over half an hour and holds for hours.
    @Test func intramuscularNaloxonePrecipitatesLaterAndLonger() throws {
        let month = Administration.repeated(DoseAmount(20, .mg), route: .oral, everyHours: 4, fromHours: 0, toHours: 30 * 24)
        let challenge = 29.0 * 24 + 1
        let times = gridHours(from: challenge, to: challenge + 4, step: 1.0 / 60)
        func cows(_ route: Route) throws -> [Double] {
            let run = try PKSimulation.run(Self.human, design: DosingDesign([month, .treatmentDose(.naloxone, DoseAmount(2, .mg), route: route, atHours: challenge)],
                                                                              weightKilograms: 70), outputTimes: times)
            return try #require(run.readout(.cows))
        }
        let iv = try cows(.iv), im = try cows(.im)
        func peakMinutes(_ series: [Double]) -> Double { (times[series.indices.max { series[$0] < series[$1] }!] - challenge) * 60 }
        #expect(peakMinutes(iv) < 5, "IV: at once (\(peakMinutes(iv)) min)")
        #expect(peakMinutes(im) > 10, "i.m.: as it is absorbed (\(peakMinutes(im)) min)")
        let twoHours = times.firstIndex { $0 >= challenge + 2 }!
        #expect(im[twoHours] > iv[twoHours], "i.m. still precipitating at 2 h: \(im[twoHours]) against \(iv[twoHours])")
    }
}
