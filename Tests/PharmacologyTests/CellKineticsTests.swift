import Foundation
import Testing
@testable import Pharmacology

/// MSC cell kinetics by route: cells counted (mass balance), the lung half-life of IV cells
/// (Lee 2009), the long survival of intrathecal cells (Chen 2015), per-kg cell doses. The cells'
/// effects on glia and tolerance are tested in MSCTherapyTests.
@Suite struct CellKineticsTests {
    static let times = gridHours(from: 0, to: 24 * 70, step: 12)

    @Test(arguments: MechanismTests.mechanistic.map(\.file))
    func cellsAreConserved(file: String) throws {
        let model = PKLibrary.models.first { $0.file == file }!
        let design = DosingDesign([.msc(CellTransplant(cells: 2e6, route: .iv, atHours: 24)),
                                   .msc(CellTransplant(cells: 1e5, route: .it, atHours: 48))])
        let run = try PKSimulation.run(model, design: design, outputTimes: Self.times)
        let lung = run.column("msc_lung")!, it = run.column("msc_it")!, cleared = run.column("msc_cleared")!
        for (index, t) in Self.times.enumerated() {
            let given = (t >= 24 ? 2e6 : 0) + (t >= 48 ? 1e5 : 0)
            #expect(abs(lung[index] + it[index] + cleared[index] - given) <= 1e-6 * max(1, given), "\(file) at \(t) h")
        }
        #expect(run.readout(.mscCells)![Self.times.firstIndex(of: 24 * 60)!] > 0)
    }

    /// IV cells: F_MSC_LUNG of the dose in the lung, halving every 24 h; by 72 h an eighth of the
    /// trapped cells remain (Eggenhofer 2012 found none viable at 72 h: below detection). IT cells:
    /// most still there after 2 months (Chen 2015: more than 2 months).
    @Test func routesFollowThePublishedKinetics() throws {
        let model = try PKLibrary.model(.morphine, .mouse)
        let iv = try PKSimulation.run(model, design: DosingDesign([.msc(CellTransplant(cells: 5e5, route: .iv, atHours: 0))]), outputTimes: [0, 24, 72])
        let lung = iv.column("msc_lung")!
        #expect(abs(lung[0] - 0.9 * 5e5) < 1e-6 * 5e5)
        #expect(abs(lung[1] / lung[0] - 0.5) < 1e-7)
        #expect(lung[2] / lung[0] < 0.13)
        let it = try PKSimulation.run(model, design: DosingDesign([.msc(CellTransplant(cells: 2.5e5, route: .it, atHours: 0))]), outputTimes: [24 * 60])
        #expect(it.column("msc_it")![0] > 0.2 * 2.5e5)
    }

    @Test func perKilogramCellDoses() throws {
        let model = try PKLibrary.model(.morphine, .human)
        let run = try PKSimulation.run(model, design: DosingDesign([.msc(CellTransplant(cells: 1.5e6, unit: .cellsPerKg, route: .iv, atHours: 0))], weightKilograms: 80),
                                       outputTimes: [0])
        #expect(abs(run.column("msc_lung")![0] + run.column("msc_cleared")![0] - 1.2e8) < 1e-3)
        #expect(CellTransplant.Route(parsing: "i.t.") == .it && CellTransplant.Route(parsing: "im") == nil)
    }

    @Test func badCellDosesAreRefused() throws {
        let rat = try PKLibrary.model(.morphine, .rat)
        for cells in [-1.0, .nan, .infinity, 1e13] {
            #expect(throws: PharmacologyError.self) {
                _ = try PKSimulation.run(rat, design: DosingDesign([.msc(CellTransplant(cells: cells, route: .iv, atHours: 0))]), outputTimes: [1])
            }
        }
        let pkOnly = try PKOnlyModel.make()
        #expect(throws: PharmacologyError.self) {
            _ = try PKSimulation.run(pkOnly, design: DosingDesign([.msc(CellTransplant(cells: 1e6, route: .iv, atHours: 0))]), outputTimes: [1])
        }
    }
}
