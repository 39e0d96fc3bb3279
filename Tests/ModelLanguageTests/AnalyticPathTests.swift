import Foundation
import Testing
import Dosing
import ModelLanguage
import ModelLibrary
@testable import Simulation
import Solvers

/// The analytic fast path (`AnalyticSimulation` on `LinearCompartmentModel` templates) against the
/// ODE path and the event engine's exact path on the library's pk1cmt/pk2cmt/pk3cmt, with every
/// dose type, and against independent truths: 200 prior doses for SS = 1, superposition for
/// SS = 2, the closed form of the one-compartment oral model.
@Suite struct AnalyticPathTests {
    static let parameters: [String: Double] = ["KA": 1.3, "CL": 2.5, "V1": 20, "Q": 2, "Q2": 2, "V2": 10, "Q3": 0.5, "V3": 50]

    static func template(_ compartments: Int, f: Double = 1, lag: Double = 0) -> LinearCompartmentModel {
        let p = parameters
        switch compartments {
        case 1:
            return LinearCompartmentModel(disposition: .oneCompartment, absorptionRate: p["KA"], clearance: p["CL"]!, centralVolume: p["V1"]!,
                                          bioavailability: f, lag: lag)
        case 2:
            return LinearCompartmentModel(disposition: .twoCompartment, absorptionRate: p["KA"], clearance: p["CL"]!, centralVolume: p["V1"]!,
                                          intercompartmentalClearances: [p["Q"]!], peripheralVolumes: [p["V2"]!], bioavailability: f, lag: lag)
        default:
            return LinearCompartmentModel(disposition: .threeCompartment, absorptionRate: p["KA"], clearance: p["CL"]!, centralVolume: p["V1"]!,
                                          intercompartmentalClearances: [p["Q2"]!, p["Q3"]!], peripheralVolumes: [p["V2"]!, p["V3"]!],
                                          bioavailability: f, lag: lag)
        }
    }

    /// States of the library model run by the event engine with `method`.
    static func engine(_ compartments: Int, _ doses: [DoseRecord], times: [Double], method: SolverMethod, f: Double = 1, lag: Double = 0) throws -> [[Double]] {
        let runtime = try #require(ModelLibrary.native("pk\(compartments)cmt.wean"))
        for (name, value) in parameters { runtime.setParameter(named: name, to: value) }
        runtime.setParameter(named: "F", to: f)
        runtime.setParameter(named: "ALAG", to: lag)
        var options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-13)
        options.maximumSteps = 1_000_000
        // The event engine's own exact method, not the analytic fast path it now also offers.
        let result = try Simulator.simulate(runtime, doses: doses, outputTimes: times, method: method, options: options, startTime: nil,
                                            analyticFastPath: false)
        return result.rows.map { Array($0.prefix(compartments + 1)) }
    }

    static func analytic(_ compartments: Int, _ doses: [DoseRecord], times: [Double], f: Double = 1, lag: Double = 0) throws -> [[Double]] {
        try AnalyticSimulation.simulate(template(compartments, f: f, lag: lag), doses: doses, outputTimes: times).rows.map { Array($0.prefix(compartments + 1)) }
    }

    static func expectClose(_ a: [[Double]], _ b: [[Double]], _ context: String, tolerance: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        let scale = b.flatMap { $0 }.map(abs).max() ?? 1
        for (row, (x, y)) in zip(a, b).enumerated() {
            for (u, v) in zip(x, y) where !(abs(u - v) <= tolerance * max(abs(v), 1e-6 * scale)) {
                Issue.record("\(context), row \(row): analytic \(u) vs \(v)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    static let doseSets: [(name: String, doses: [DoseRecord])] = [
        ("IV bolus, ADDL", [DoseRecord(time: 0, amount: 100, compartment: .name("central"), interval: 12, additional: 3)]),
        ("IV infusion, ADDL", [DoseRecord(time: 1, amount: 100, compartment: .name("central"), delivery: .infusion(rate: 40), interval: 24, additional: 1)]),
        ("oral, ADDL", [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 8, additional: 5)]),
        ("oral by number, off-grid", [DoseRecord(time: 0.37, amount: 50, compartment: .number(1)), DoseRecord(time: 5.1, amount: 70, compartment: .number(1))]),
        ("depot infusion", [DoseRecord(time: 2, amount: 60, compartment: .name("depot"), delivery: .infusion(rate: 10))]),
        ("oral SS=1", [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 12, additional: 2, steadyState: 1)]),
        ("oral then SS=2", [DoseRecord(time: 0, amount: 80, compartment: .name("depot")),
                            DoseRecord(time: 6, amount: 100, compartment: .name("depot"), interval: 12, additional: 2, steadyState: 2)]),
        ("oral then SS=1 replaces", [DoseRecord(time: 0, amount: 80, compartment: .name("depot"), interval: 4, additional: 5),
                                     DoseRecord(time: 10, amount: 100, compartment: .name("depot"), interval: 12, additional: 1, steadyState: 1)]),
        ("IV infusion longer than II at SS", [DoseRecord(time: 0, amount: 300, compartment: .name("central"), delivery: .infusion(rate: 10),
                                                         interval: 12, additional: 2, steadyState: 1)]),
        ("constant infusion at SS", [DoseRecord(time: 0, amount: 0, compartment: .name("central"), delivery: .infusion(rate: 5), steadyState: 1)]),
    ]

    static let grid = (0...96).map { Double($0) * 0.5 }

    @Test(arguments: [1, 2, 3])
    func analyticEqualsTheEventEngine(compartments: Int) throws {
        for (name, doses) in Self.doseSets {
            for (f, lag) in [(1.0, 0.0), (0.7, 0.6), (0.9, 13.0)] {
                let analytic = try Self.analytic(compartments, doses, times: Self.grid, f: f, lag: lag)
                let exact = try Self.engine(compartments, doses, times: Self.grid, method: .exact, f: f, lag: lag)
                Self.expectClose(analytic, exact, "\(compartments)-cmt \(name), F \(f), ALAG \(lag) vs exact", tolerance: 1e-9)
                let ode = try Self.engine(compartments, doses, times: Self.grid, method: .vern7, f: f, lag: lag)
                Self.expectClose(analytic, ode, "\(compartments)-cmt \(name), F \(f), ALAG \(lag) vs ODE", tolerance: 1e-7)
            }
        }
    }

    /// SS = 1 is the state after many prior doses; SS = 2 is superposition.
    @Test(arguments: [1, 2, 3])
    func steadyStateEqualsItsDefinition(compartments: Int) throws {
        let times = (0...48).map { 600 + Double($0) * 0.5 }
        for (delivery, amount) in [(DoseRecord.Delivery.bolus, 100.0), (.infusion(rate: 8), 100)] {
            for lag in [0.0, 2.5] {
                let steady = try Self.analytic(compartments, [DoseRecord(time: 600, amount: amount, compartment: .name("depot"), delivery: delivery,
                                                                           interval: 12, additional: 3, steadyState: 1)], times: times, lag: lag)
                // 200 prior doses reach the steady state of the one- and two-compartment models to
                // rounding; the three-compartment model's slow phase (half-life ≈ 100 h) needs 2000.
                let count = compartments == 3 ? 2000 : 200
                let prior = try Self.analytic(compartments, [DoseRecord(time: 600 - 12 * Double(count), amount: amount, compartment: .name("depot"),
                                                                          delivery: delivery, interval: 12, additional: count + 3)], times: times, lag: lag)
                Self.expectClose(steady, prior, "\(compartments)-cmt SS=1 vs \(count) prior doses, lag \(lag)", tolerance: 1e-9)
            }
        }
        let extra = DoseRecord(time: 590, amount: 40, compartment: .name("central"))
        let added = try Self.analytic(compartments, [extra, DoseRecord(time: 600, amount: 100, compartment: .name("depot"), interval: 12, steadyState: 2)], times: times)
        let alone = try Self.analytic(compartments, [extra], times: times)
        let steady = try Self.analytic(compartments, [DoseRecord(time: 600, amount: 100, compartment: .name("depot"), interval: 12, steadyState: 1)], times: times)
        Self.expectClose(added, zip(alone, steady).map { zip($0, $1).map(+) }, "\(compartments)-cmt SS=2 = superposition", tolerance: 1e-10)
    }

    /// Against the closed form of the one-compartment oral model, to 1e-12.
    @Test func oneCompartmentOralClosedForm() throws {
        let model = LinearCompartmentModel(disposition: .oneCompartment, absorptionRate: 1, clearance: 1, centralVolume: 20, bioavailability: 0.7, lag: 0.6)
        let cp = try AnalyticSimulation.concentrations(model, doses: [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 8, additional: 5)],
                                                       outputTimes: Self.grid)
        let exact = Self.grid.map { t in
            ClosedFormPK.superpose(times: (0...5).map { Double($0) * 8 }, at: t) {
                ClosedFormPK.oral(amount: 100, bioavailability: 0.7, ka: 1, k: 0.05, τ: $0 - 0.6) / 20
            }
        }
        for (x, y) in zip(cp, exact) { #expect(abs(x - y) <= 1e-12 * max(abs(y), 1e-6), "\(x) vs \(y)") }
    }

    /// Without a depot the template is the IV part of the one with a depot.
    @Test func ivOnlyTemplatesMatch() throws {
        var iv = Self.template(2)
        iv.absorptionRate = nil
        let doses = [DoseRecord(time: 0, amount: 100, compartment: .name("central"), delivery: .infusion(rate: 50), interval: 12, additional: 4)]
        let withoutDepot = try AnalyticSimulation.simulate(iv, doses: doses, outputTimes: Self.grid).rows
        let withDepot = try AnalyticSimulation.simulate(Self.template(2), doses: doses, outputTimes: Self.grid).rows
        Self.expectClose(withoutDepot.map { Array($0.dropLast()) }, withDepot.map { Array($0.dropFirst().dropLast()) }, "IV-only", tolerance: 1e-13)
    }

    @Test func badInputIsRefused() {
        let model = Self.template(2)
        #expect(throws: SimulationError.self) { _ = try AnalyticSimulation.concentrations(model, doses: [DoseRecord(time: 0, amount: 1, compartment: .name("gut"))], outputTimes: [1]) }
        #expect(throws: SimulationError.self) { _ = try AnalyticSimulation.concentrations(model, doses: [DoseRecord(time: 0, amount: 1, delivery: .modelledRate)], outputTimes: [1]) }
        #expect(throws: SimulationError.self) { _ = try AnalyticSimulation.concentrations(model, doses: [], outputTimes: [2, 1]) }
        var broken = model
        broken.centralVolume = 0
        #expect(throws: SimulationError.self) { _ = try AnalyticSimulation.concentrations(broken, doses: [], outputTimes: [1]) }
        var noClearance = model
        noClearance.clearance = 0
        #expect(throws: SimulationError.self) {
            _ = try AnalyticSimulation.concentrations(noClearance, doses: [DoseRecord(time: 0, amount: 1, compartment: .name("central"), interval: 12, steadyState: 1)], outputTimes: [1])
        }
    }

    @Test func transitionMatricesOfKnownGenerators() {
        // A diagonal generator: Φ = diag(e^{λΔ}), Γ = diag((e^{λΔ} − 1)/λ); a stiff rate too.
        let lambdas = [-0.3, -50, -1e-3, 2]
        var m = Matrix4.zero
        for (i, lambda) in lambdas.enumerated() { m[i, i] = lambda }
        let (phi, gamma) = Matrix4.transition(m, over: 3)
        for (i, lambda) in lambdas.enumerated() {
            let e = exp(lambda * 3)
            #expect(abs(phi[i, i] - e) <= 1e-13 * max(1, e))
            #expect(abs(gamma[i, i] - (e - 1) / lambda) <= 1e-13 * abs((e - 1) / lambda))
        }
        #expect(Matrix4.transition(.zero, over: 5).gamma[0, 0] == 5)
    }

    /// A compiled linear model takes the same path under `.exact`: every output (states and `Cp`)
    /// equals the event engine's exact method for every dose set, with no solver steps taken;
    /// nonlinear models keep the event engine.
    @Test(arguments: [1, 2, 3])
    func compiledLinearModelsTakeTheFastPath(compartments: Int) throws {
        for (name, doses) in Self.doseSets {
            let runtime = try #require(ModelLibrary.native("pk\(compartments)cmt.wean"))
            for (parameter, value) in Self.parameters { runtime.setParameter(named: parameter, to: value) }
            runtime.setParameter(named: "F", to: 0.8)
            runtime.setParameter(named: "ALAG", to: 0.4)
            var options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-13)
            options.maximumSteps = 1_000_000
            let fast = try Simulator.simulate(runtime, doses: doses, outputTimes: Self.grid, method: .exact, options: options)
            let engine = try Simulator.simulate(runtime, doses: doses, outputTimes: Self.grid, method: .exact, options: options, startTime: nil,
                                                analyticFastPath: false)
            #expect(fast.statistics.steps == 0 && engine.statistics.steps > 0)
            #expect(fast.names == engine.names)
            Self.expectClose(fast.rows, engine.rows, "\(compartments)-cmt \(name), compiled", tolerance: 1e-9)
        }
        let nonlinear = try SimulationTests.example("michaelis_menten").makeInstance()
        #expect(try AnalyticSimulation.run(nonlinear, timeline: [TimelineEntry(time: 1, action: .output(tag: 0))], startTime: 0) == nil)
    }

    /// Data sets take the fast path subject by subject under `.exact` (constant covariates,
    /// ADDL, SS, infusions); a subject whose covariate changes falls back to the event engine.
    /// Either way the rows equal the ODE path's.
    @Test func dataSetsTakeTheFastPathWhereTheyCan() throws {
        let model = """
            param KA = 1.2
            param CL = 2
            param V = 20
            d/dt(depot) = -KA * depot
            d/dt(central) = KA * depot - CL / V * central
            Cp = central / V
            """
        let compiled = try ModelCompiler.compile(source: model, file: "oral.wean")
        var csv = "ID,TIME,AMT,RATE,II,ADDL,SS,CMT,CL\n"
        csv += "1,0,100,0,12,3,0,1,2\n" + (1...12).map { "1,\(Double($0) * 4),.,.,.,.,.,.,2\n" }.joined()
        csv += "2,0,50,25,12,2,1,2,3\n" + (1...12).map { "2,\(Double($0) * 3),.,.,.,.,.,.,3\n" }.joined()
        csv += "3,0,100,0,0,0,0,1,2\n" + (1...12).map { "3,\(Double($0) * 2),.,.,.,.,.,.,\($0 > 6 ? 4 : 2)\n" }.joined()
        let dataSet = try EventDataSetReader.read(csv: csv, file: "pop.csv", context: DataSetSimulation.context(for: compiled.model))
        var options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-13)
        options.maximumSteps = 1_000_000
        let exact = try DataSetSimulation.simulate(dataSet, makeRuntime: { compiled.makeInstance() }, method: .exact, options: options)
        let ode = try DataSetSimulation.simulate(dataSet, makeRuntime: { compiled.makeInstance() }, method: .vern7, options: options)
        #expect(exact.count == ode.count && exact.count == 39)
        Self.expectClose(exact.map(\.values), ode.map(\.values), "data set, exact vs ODE", tolerance: 1e-7)
        // The fast path itself: subject 1's timeline is accepted, subject 3's (CL changes) declined.
        let runtime = compiled.makeInstance()
        let accepted = try AnalyticSimulation.run(runtime, timeline: [
            TimelineEntry(time: 0, action: .setParameters([ParameterValue(index: 1, value: 2)])),
            TimelineEntry(time: 0, action: .dose(DoseRecord(time: 0, amount: 100, compartment: .number(1)), state: 0)),
            TimelineEntry(time: 1, action: .output(tag: 0)),
        ], startTime: 0)
        #expect(accepted?.count == 1)
        let declined = try AnalyticSimulation.run(runtime, timeline: [
            TimelineEntry(time: 0, action: .dose(DoseRecord(time: 0, amount: 100, compartment: .number(1)), state: 0)),
            TimelineEntry(time: 1, action: .setParameters([ParameterValue(index: 1, value: 4)])),
            TimelineEntry(time: 2, action: .output(tag: 0)),
        ], startTime: 0)
        #expect(declined == nil)
    }
}

