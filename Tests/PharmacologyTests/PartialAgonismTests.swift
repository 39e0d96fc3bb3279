import Foundation
import Testing
@testable import Pharmacology

/// Partial agonism: the receptor signal x of the operational model, X_MAX·r / (X_MAX − 1 + r) with
/// r the concentration over the EC50 and X_MAX = 1 / PARTIAL_AGONISM, written in the model files as
/// r / (1 + PARTIAL_AGONISM·(r − 1)). Full agonists (PARTIAL_AGONISM 0) signal r itself;
/// buprenorphine's signal saturates at 3, with the receptor occupancy x / X_MAX seen by PET.
@Suite struct PartialAgonismTests {
    static let buprenorphine = try! PKLibrary.model(.buprenorphine, .human)

    /// The signal and the concentration, ng/mL, with the EC50 and the ceiling of `model`.
    static func signal(_ model: OpioidModel, _ design: DosingDesign, at times: [Double]) throws -> (x: [Double], ratio: [Double]) {
        let run = try PKSimulation.run(model, design: design, outputTimes: times)
        let ratio = try #require(run.column("Ce")).map { max(0, $0) / model.parameterValue("EC50")! }
        return (try #require(run.column("x")), ratio)
    }

    /// Every opioid but buprenorphine is a full agonist: its signal is its concentration ratio.
    @Test(arguments: PKLibrary.models.filter { $0.source.contains("# --- Mechanism: ") })
    func fullAgonistsSignalTheirConcentration(model: OpioidModel) throws {
        let partial = try #require(model.parameterValue("PARTIAL_AGONISM"), "\(model.file) names its agonism")
        #expect((model.opioid == .buprenorphine) == (partial > 0), "\(model.file): PARTIAL_AGONISM \(partial)")
        guard partial == 0 else { return }
        let route = model.routes.keys.contains(.oral) ? Route.oral : (model.routes.keys.contains(.iv) ? Route.iv : Route.sc)
        let amount = DoseAmount(10, model.species == .human ? .mg : .mgPerKg)
        let (x, ratio) = try Self.signal(model, DosingDesign([.dose(amount, route: route, atHours: 0)]), at: [0.5, 2, 6, 24])
        for (signal, r) in zip(x, ratio) { #expect(abs(signal - r) <= 1e-12 * max(1, r), "\(model.file): x \(signal) vs Ce/EC50 \(r)") }
    }

    /// Buprenorphine's signal is the operational model's, below its ceiling however large the dose
    /// (64 mg IV puts the concentration a hundred times over the EC50).
    @Test func buprenorphineSignalSaturates() throws {
        let ceiling = 1 / Self.buprenorphine.parameterValue("PARTIAL_AGONISM")!
        let (x, ratio) = try Self.signal(Self.buprenorphine, DosingDesign([.dose(DoseAmount(64, .mg), route: .iv, atHours: 0)]), at: [0.25, 1, 4, 12, 48, 96])
        #expect(ratio.max()! > 100)
        for (signal, r) in zip(x, ratio) {
            let expected = ceiling * r / (ceiling - 1 + r)
            #expect(abs(signal - expected) <= 1e-9 * expected, "x \(signal) vs \(expected) at Ce/EC50 \(r)")
            #expect(signal < ceiling)
        }
        #expect(x.max()! > 0.95 * ceiling, "a hundredfold concentration brings the signal near its ceiling")
    }

    /// The occupancy x / X_MAX four hours after a sublingual dose on the 14th day of 2, 16 and 32 mg
    /// daily, against brain mu-receptor availability measured by [11C]carfentanil PET: lowered
    /// 41 ± 8, 80 ± 2 and 84 ± 2 % (mean ± SEM, n = 5; Greenwald MK et al., Neuropsychopharmacology
    /// 2003;28:2000, abstract; PET 4 h after the dose as in Zubieta JK et al., Neuropsychopharmacology
    /// 2000;23:326, abstract). The ceiling came from the 50 % occupancy at a trough near 1 ng/mL
    /// (Greenwald 2014), not from these three; the model's effect site stands for the brain.
    /// Allowed: twice the SEM and 0.05 for the effect site's lag behind plasma.
    @Test(arguments: [(2.0, 0.41, 0.08), (16.0, 0.80, 0.02), (32.0, 0.84, 0.02)])
    func occupancyMatchesPET(dose: Double, reduction: Double, sem: Double) throws {
        let partial = Self.buprenorphine.parameterValue("PARTIAL_AGONISM")!
        let design = DosingDesign([.repeated(DoseAmount(dose, .mg), route: .sublingual, everyHours: 24, fromHours: 0, toHours: 14 * 24)])
        let (x, _) = try Self.signal(Self.buprenorphine, design, at: [13 * 24 + 4])
        let occupancy = x[0] * partial
        #expect(abs(occupancy - reduction) <= 2 * sem + 0.05, "\(dose) mg: occupancy \(occupancy) vs \(reduction)")
    }

    /// After a month on doses that hold withdrawal off between doses, stopping buprenorphine brings
    /// milder withdrawal than stopping methadone, and later: "only mild withdrawal symptoms on
    /// cessation after prolonged administration" (Sporer KA, Acad Emerg Med 2004, abstract); an
    /// opioid-type syndrome beginning more slowly (San L et al., Br J Addict 1992;87:55, abstract).
    @Test func stoppingBuprenorphineIsMilderThanStoppingMethadone() throws {
        func course(_ opioid: Opioid, _ mg: Double, _ route: Route) throws -> (trough: Double, reading: AbstinenceReading) {
            let model = try PKLibrary.model(opioid, .human)
            let lastDose = 29.0 * 24, times = gridHours(from: lastDose - 1, to: lastDose + 25 * 24, step: 1)
            let run = try PKSimulation.run(model, design: DosingDesign([.repeated(DoseAmount(mg, .mg), route: route, everyHours: 24, fromHours: 0, toHours: 30 * 24)]), outputTimes: times)
            let withdrawal = try #require(run.readout(.withdrawal))
            return (Readout.cows(withdrawal: withdrawal[0]),
                    AbstinenceReading(times: times, withdrawal: withdrawal, lastDoseHours: lastDose, dosingIntervalHours: 24))
        }
        let buprenorphine = try course(.buprenorphine, 16, .sublingual), methadone = try course(.methadone, 60, .oral)
        #expect(buprenorphine.trough < AbstinenceReading.mildCOWS && methadone.trough < AbstinenceReading.mildCOWS)
        let bupPeak = Readout.cows(withdrawal: buprenorphine.reading.peak), methadonePeak = Readout.cows(withdrawal: methadone.reading.peak)
        #expect(bupPeak < 13, "buprenorphine: COWS \(bupPeak), the mild band ends at 12")
        #expect(methadonePeak >= 13, "methadone: COWS \(methadonePeak)")
        #expect(buprenorphine.reading.onsetHours > methadone.reading.onsetHours)
    }
}
