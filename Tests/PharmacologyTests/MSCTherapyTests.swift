import Foundation
import Testing
@testable import Pharmacology

/// MSC therapy and nerve injury on the mechanistic model: the pathway's off switch, cell-number
/// dose-response, timing, and the injury path.
@Suite struct MSCTherapyTests {
    static let rat = try! PKLibrary.model(.morphine, .rat)
    static let days = 21
    static let times = gridHours(from: 0, to: Double(days) * 24, step: 1)
    static let morphine: [Administration] = [.repeated(DoseAmount(10, .mgPerKg), route: .sc, everyHours: 24, fromHours: 0, toHours: Double(days) * 24)]

    static func run(_ administrations: [Administration], parameters: [String: Double] = [:], knockouts: Set<Knockout> = []) throws -> Trajectory {
        try PKSimulation.run(rat, design: DosingDesign(administrations, knockouts: knockouts), outputTimes: times, parameters: parameters)
    }

    /// The mechanistic columns that must not depend on the MSC pathway once it is off.
    static let responseColumns = ["Ce", "tol_fast", "tol_slow", "glia", "astrocytes", "cytokines", "sensitisation", "moderator", "analgesia", "hyperalgesia", "tolerance"]

    /// With the mediators' potency set to nothing, cells are counted but the response is the
    /// untreated one (to solver tolerance: the transplants' events change the step sequence).
    @Test func switchingOffTheMSCPathwayGivesTheUntreatedArm() throws {
        let cells: [Administration] = [.msc(CellTransplant(cells: 1e6, route: .iv, atHours: -24)), .msc(CellTransplant(cells: 2.5e5, route: .it, atHours: 5 * 24))]
        let untreated = try Self.run(Self.morphine)
        let off = try Self.run(Self.morphine + cells, parameters: ["N50_MSC_LUNG": .infinity, "N50_MSC_IT": .infinity])
        let on = try Self.run(Self.morphine + cells)
        for name in Self.responseColumns {
            MechanismTests.expectClose(off.column(name)!, untreated.column(name)!, "\(name) with the MSC pathway off", tolerance: 1e-7)
        }
        #expect(off.column("resolution")!.allSatisfy { $0 == 0 })
        #expect(off.readout(.mscCells)!.contains { $0 > 0 }, "the cells are still there")
        // On, the same cells change the response.
        #expect(on.readout(.tolerance)!.last! < untreated.readout(.tolerance)!.last! - 0.1)
    }

    /// A TGF-β1-neutralising antibody held throughout in vast excess is the same switch for
    /// intrathecal cells (to solver tolerance: the antibody's dose events change the step sequence);
    /// two boluses at one time add.
    @Test func neutralisingTGFb1SilencesIntrathecalCells() throws {
        let cells: [Administration] = [.msc(CellTransplant(cells: 2.5e5, route: .it, atHours: -24)),
                                       .treatmentBolus(.antiTGFb1, level: 5e11, atHours: -48), .treatmentBolus(.antiTGFb1, level: 5e11, atHours: -48)]
        let untreated = try Self.run(Self.morphine)
        let neutralised = try Self.run(Self.morphine + cells, parameters: ["HALF_ANTI_TGFB1": 1e12])
        #expect(abs(neutralised.column("anti_tgfb1")![0] - 1e12) < 1e-9 * 1e12)
        for name in Self.responseColumns {
            MechanismTests.expectClose(neutralised.column(name)!, untreated.column(name)!, "\(name) with TGF-beta1 neutralised", tolerance: 1e-7)
        }
    }

    /// The antibody binds TGF-β1 like a competitive antagonist in excess: at a held level L the free
    /// mediator is 1/(1 + L) of the cells' secretion (the law of mass action with antibody ≫ ligand).
    @Test func antibodyLeavesOneOverOnePlusLevelOfTGFb1Free() throws {
        let cells = Administration.msc(CellTransplant(cells: 2.5e5, route: .it, atHours: 0))
        let held = ["HALF_ANTI_TGFB1": 1e12]
        let free = try Self.run([cells], parameters: held).column("msc_tgfb1")!
        for level in [0.5, 3.0, 1000.0] {
            let bound = try Self.run([cells, .treatmentBolus(.antiTGFb1, level: level, atHours: 0)], parameters: held).column("msc_tgfb1")!
            for (b, f) in zip(bound, free).dropFirst() {
                #expect(abs(b - f / (1 + level)) <= 1e-7 * f / (1 + level), "level \(level): \(b) against \(f / (1 + level))")
            }
        }
    }

    /// Intrathecal cells' TGF-β1 acts on neurons: neutralising it brings a nerve injury's
    /// allodynia back within hours (Chen 2015). IV cells act through TSG-6 on glia: the same
    /// antibody leaves their relief exactly as it was.
    @Test func antibodyRemovesIntrathecalReliefWithinHoursButNotIntravenous() throws {
        let injury = Administration.nerveInjury(.cci, atHours: 0)
        let antibody = Administration.treatmentBolus(.antiTGFb1, level: 1000, atHours: 14 * 24)
        let reading = [14.0 * 24 + 3]
        func allodynia(_ items: [Administration]) throws -> Double {
            try #require(PKSimulation.run(Self.rat, design: DosingDesign([injury] + items), outputTimes: reading).readout(.oih)?.first)
        }
        let it = Administration.msc(CellTransplant(cells: 2.5e5, route: .it, atHours: 4 * 24))
        let iv = Administration.msc(CellTransplant(cells: 1e6, route: .iv, atHours: 4 * 24))
        let untreated = try allodynia([])
        #expect(untreated > 0.2)
        #expect(try allodynia([it]) < 0.1 * untreated, "intrathecal cells relieve")
        #expect(try allodynia([it, antibody]) > 0.7 * untreated, "3 h after the antibody the relief is gone")
        let ivAlone = try allodynia([iv])
        #expect(ivAlone < 0.5 * untreated, "IV cells relieve")
        #expect(abs(try allodynia([iv, antibody]) - ivAlone) <= 1e-6 * untreated, "the antibody does not touch TSG-6")
    }

    /// More cells never give less effect, and the effect saturates: the mediators' Emax.
    @Test func moreCellsGiveMoreEffectUpToSaturation() throws {
        let doses = [0.0, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]
        var kept: [Double] = []
        for route in CellTransplant.Route.allCases {
            kept = []
            for cells in doses {
                let run = try Self.run(Self.morphine + [.msc(CellTransplant(cells: cells, route: route, atHours: -24))])
                kept.append(run.readout(.tolerance)!.last!)
            }
            for (a, b) in zip(kept, kept.dropFirst()) {
                #expect(b <= a + 1e-9, "\(route): tolerance must not rise with more cells: \(kept)")
            }
            #expect(kept.first! - kept.last! > 0.3, "\(route): cells must reduce tolerance: \(kept)")
            // Saturation: the last tenfold adds less than a twentieth of the whole effect.
            #expect(kept[kept.count - 2] - kept.last! < 0.05 * (kept.first! - kept.last!), "\(route): no saturation: \(kept)")
        }
    }

    /// In a drug-naive, uninjured animal there is nothing to calm: cells change no readout.
    @Test func cellsAloneDoNothingToANaiveAnimal() throws {
        let run = try Self.run([.msc(CellTransplant(cells: 1e6, route: .iv, atHours: 0)), .msc(CellTransplant(cells: 1e6, route: .it, atHours: 0))])
        #expect(run.readout(.mpe)!.allSatisfy { $0 == 0 })
        #expect(run.readout(.oih)!.allSatisfy { $0 == 0 })
        #expect(run.column("resolution")!.max()! > 0.1, "the resolution memory still forms")
    }

    /// Timing as published: given before morphine the cells keep the effect from being lost;
    /// given after tolerance, they bring it back within days — and in both cases the IV cells
    /// themselves are gone long before the effect ends (the memory carries it).
    @Test func preventionAndReversalTiming() throws {
        func afterDose(_ run: Trajectory, day: Int) -> Double {
            run.readout(.mpe)![Self.times.firstIndex(of: Double(day) * 24 + 1)!]
        }
        let untreated = try Self.run(Self.morphine)
        let before = try Self.run(Self.morphine + [.msc(CellTransplant(cells: 1e6, route: .iv, atHours: -24))])
        let after = try Self.run(Self.morphine + [.msc(CellTransplant(cells: 1e6, route: .iv, atHours: 10 * 24 - 2))])
        #expect(afterDose(before, day: 9) > afterDose(untreated, day: 9) + 10)
        #expect(afterDose(after, day: 9) == afterDose(untreated, day: 9), "nothing changes before the cells come")
        #expect(afterDose(after, day: 12) > afterDose(untreated, day: 12) + 10, "reversal within 2 days")
        let lungAt20 = before.column("msc_lung")![Self.times.firstIndex(of: 20 * 24)!]
        #expect(lungAt20 < 1e-3 * 1e6)
        #expect(afterDose(before, day: 20) > afterDose(untreated, day: 20) + 10, "protection outlives the cells")
    }

    /// A nerve injury alone gives mechanical allodynia through microglial BDNF (Coull JAM et al.,
    /// Nature 2005;438:1017: BDNF from microglia causes the neuropathic shift in KCC2), which the
    /// BDNF knockout removes; an injured animal is less sensitive to morphine (the same cytokines
    /// carry tolerance).
    @Test func nerveInjuryGivesAllodyniaThroughTheSamePath() throws {
        let injured = try Self.run([.nerveInjury(.cci, atHours: 0)])
        let knockout = try Self.run([.nerveInjury(.cci, atHours: 0)], knockouts: [.microglialBDNF])
        let day7 = Self.times.firstIndex(of: 7 * 24)!
        #expect(injured.readout(.oih)![day7] > 0.2)
        #expect(injured.readout(.vonFrey)![day7] < 0.8 * injured.readout(.vonFrey)![0])
        #expect(knockout.readout(.oih)!.allSatisfy { $0 == 0 })
        #expect(injured.readout(.tolerance)![day7] > 1.1, "cytokines from the injury shift morphine's EC50")
        #expect(NerveInjury(parsing: "CCI") == .cci && NerveInjury(parsing: "sciatic") == nil)
        let pkOnly = try PKOnlyModel.make()
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(pkOnly, design: DosingDesign([.nerveInjury(.sni, atHours: 0)]), outputTimes: [1])
        }
    }

    /// Cells per kg scale with the body: the same cells/kg give the same mediator level in a
    /// 0.25 kg rat and a 70 kg human, since the mediators' potency is per kg (an assumption,
    /// docs/model.md).
    @Test func cellsPerKilogramGiveTheSameMediatorLevelAcrossSpecies() throws {
        let human = try PKLibrary.model(.morphine, .human)
        let dose = Administration.msc(CellTransplant(cells: 1.5e6, unit: .cellsPerKg, route: .iv, atHours: 0))
        let r = try PKSimulation.run(Self.rat, design: DosingDesign([dose]), outputTimes: [0, 12, 48])
        let h = try PKSimulation.run(human, design: DosingDesign([dose], weightKilograms: 70), outputTimes: [0, 12, 48])
        for (a, b) in zip(r.column("msc_mediators")!, h.column("msc_mediators")!) {
            #expect(abs(a - b) < 1e-9 * max(1, a))
        }
        #expect(r.column("msc_mediators")![1] > 0.1)
    }
}
