import Foundation
import Testing
import Dosing
import ModelLanguage
import Simulation
import Solvers

/// Steady-state doses (NONMEM's SS = 1 and 2) against long series of ordinary doses, and the
/// steady-state edge cases of research/engines.md §2 as named regression tests.
@Suite struct SteadyStateTests {
    static let oral = DataSetTests.oral     // F = 0.6, ALAG = 0.75, KA = 1.2, k = 0.1
    static let iv = DataSetTests.iv         // CL = 1, V = 10 (k = 0.1)

    static func central(_ source: String, doses: [DoseRecord], times: [Double], parameters: [String: Double] = [:]) throws -> [Double] {
        let compiled = try ModelCompiler.compile(source: source, file: "m.wean")
        let instance = compiled.makeInstance()
        for (name, value) in parameters { instance.setParameter(named: name, to: value) }
        let result = try Simulator.simulate(instance, doses: doses, outputTimes: times, options: DataSetTests.options)
        return result.column("central")!
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ context: String, tolerance: Double = 1e-8) {
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= tolerance * max(abs(y), 1e-6), "\(context): \(x) vs \(y)") }
    }

    static let times = (0...48).map { Double($0) * 0.5 }

    /// 200 prior doses every II ending at t = 0 (the steady-state series written out).
    static func series(amount: Double, interval: Double, delivery: DoseRecord.Delivery = .bolus, count: Int = 200) -> DoseRecord {
        DoseRecord(time: -Double(count - 1) * interval, amount: amount, delivery: delivery, interval: interval, additional: count - 1)
    }

    @Test func replaceEqualsTwoHundredPriorDoses() throws {
        let ss = try Self.central(Self.oral, doses: [DoseRecord(time: 0, amount: 100, interval: 12, steadyState: 1)], times: Self.times)
        let long = try Self.central(Self.oral, doses: [Self.series(amount: 100, interval: 12)], times: Self.times)
        Self.expectClose(ss, long, "SS = 1 with lag and F")
    }

    /// mrgsolve#596, rxode2#1349: an SS bolus with a lag (here from the model's alag()) advances
    /// through the cycle correctly.
    @Test func steadyStateWithLagFromTheModel() throws {
        let lagged = Self.oral.replacingOccurrences(of: "alag(depot) = 0.75", with: "alag(depot) = 5.5")
        let ss = try Self.central(lagged, doses: [DoseRecord(time: 0, amount: 100, interval: 4, steadyState: 1)], times: Self.times)
        let long = try Self.central(lagged, doses: [Self.series(amount: 100, interval: 4, count: 400)], times: Self.times)
        Self.expectClose(ss, long, "SS with ALAG > II")
    }

    @Test func addEqualsSuperposition() throws {
        let single = DoseRecord(time: -3, amount: 50)
        let ss = try Self.central(Self.iv, doses: [single, DoseRecord(time: 0, amount: 100, interval: 12, steadyState: 2)], times: Self.times)
        let long = try Self.central(Self.iv, doses: [single, Self.series(amount: 100, interval: 12)], times: Self.times)
        Self.expectClose(ss, long, "SS = 2 added to a single dose")
        // SS = 1 instead replaces the earlier dose's amounts.
        let replaced = try Self.central(Self.iv, doses: [single, DoseRecord(time: 0, amount: 100, interval: 12, steadyState: 1)], times: Self.times)
        let alone = try Self.central(Self.iv, doses: [Self.series(amount: 100, interval: 12)], times: Self.times)
        Self.expectClose(replaced, alone, "SS = 1 replaces")
    }

    @Test func infusionsLongerThanTheInterval() throws {
        let infusion = DoseRecord.Delivery.infusion(rate: 10)  // 100 over 10 h, every 6 h
        let ss = try Self.central(Self.iv, doses: [DoseRecord(time: 0, amount: 100, delivery: infusion, interval: 6, steadyState: 1)], times: Self.times)
        let long = try Self.central(Self.iv, doses: [Self.series(amount: 100, interval: 6, delivery: infusion)], times: Self.times)
        Self.expectClose(ss, long, "SS infusion with duration > II")
    }

    /// rxode2#1350: a steady-state constant infusion (AMT 0, RATE > 0, II 0) is R/k, not 0.
    @Test func constantSteadyStateInfusion() throws {
        let doses = [DoseRecord(time: 0, amount: 0, delivery: .infusion(rate: 5), steadyState: 1)]
        let values = try Self.central(Self.iv, doses: doses, times: [0, 1, 10, 100])
        for value in values { #expect(abs(value - 50) <= 1e-7 * 50, "R/k = 50, got \(value)") }
    }

    @Test func steadyStateThroughADataSet() throws {
        let rows = try DataSetTests.run(Self.oral, "ID,TIME,AMT,II,SS,ADDL\n1,0,100,12,1,2\n" + (1...40).map { "1,\($0),.,.,.,.\n" }.joined())
        var series = Self.series(amount: 100, interval: 12)
        series.additional += 2  // the ADDL doses at 12 and 24
        let long = try Self.central(Self.oral, doses: [series], times: rows.map(\.time))
        Self.expectClose(rows.map(\.central), long, "SS = 1 then ADDL 2, from a data set")
    }
}

/// Which way steady state was found: closed form for linear models, iteration otherwise — and
/// both agree with a long series of doses.
@Suite struct SteadyStateMethodTests {
    @Test func linearModelsUseTheClosedForm() throws {
        let compiled = try ModelCompiler.compile(source: SteadyStateTests.iv, file: "iv.wean")
        #expect(compiled.isLinear)
        let result = try Simulator.simulate(
            compiled.makeInstance(), doses: [DoseRecord(time: 0, amount: 100, interval: 12, steadyState: 1)],
            outputTimes: [0, 6], options: DataSetTests.options)
        #expect(result.statistics.closedFormSteadyStates == 1)
    }

    /// Michaelis–Menten elimination is nonlinear: steady state by iterating intervals.
    @Test func nonlinearModelsIterate() throws {
        let source = """
            param VMAX = 10
            param KM = 2
            param V = 10
            d/dt(central) = -VMAX * (central / V) / (KM + central / V)
            """
        let compiled = try ModelCompiler.compile(source: source, file: "mm.wean")
        #expect(!compiled.isLinear)
        let times = (0...24).map(Double.init)
        let ss = try Simulator.simulate(
            compiled.makeInstance(), doses: [DoseRecord(time: 0, amount: 50, interval: 12, steadyState: 1)],
            outputTimes: times, options: DataSetTests.options)
        #expect(ss.statistics.closedFormSteadyStates == 0)
        #expect(ss.statistics.steadyStateIterations > 2)
        let long = try Simulator.simulate(
            compiled.makeInstance(), doses: [SteadyStateTests.series(amount: 50, interval: 12)],
            outputTimes: times, options: DataSetTests.options)
        SteadyStateTests.expectClose(ss.column("central")!, long.column("central")!, "Michaelis–Menten SS", tolerance: 1e-7)
    }
}
