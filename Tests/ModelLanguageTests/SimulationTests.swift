import Foundation
import Testing
import Dosing
import ModelLanguage
import ReferenceProblems
import Simulation
import Solvers

/// `.wean` models run through doses against closed forms, and the stiff reference problems
/// written in `.wean` against the accuracy the hand-coded ones are held to.
@Suite struct SimulationTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func example(_ name: String) throws -> CompiledModel {
        let url = examples.appendingPathComponent(name + ".wean")
        return try ModelCompiler.compile(source: String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    static let tight: SolverOptions = {
        var options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        options.maximumSteps = 1_000_000
        return options
    }()

    static let grid = (0...96).map { Double($0) * 0.5 }

    /// Largest relative difference between simulated and closed-form amounts (where the latter is
    /// above 1e-6 mg; below it, absolute).
    static func worst(_ simulated: [Double], _ exact: [Double]) -> Double {
        zip(simulated, exact).map { abs($0 - $1) / max(abs($1), 1e-6) }.max() ?? .infinity
    }

    @Test(arguments: [SolverMethod.auto, .dopri5, .vern7, .rodas5, .bdf])
    func oneCompartmentBolusAndInfusion(method: SolverMethod) throws {
        let model = try Self.example("one_compartment_iv")
        let k = 5.0 / 50
        let bolus = try Simulator.simulate(
            model.makeInstance(), doses: [try DoseSpecification.parse("time=0,amt=100,cmt=central")],
            outputTimes: Self.grid, method: method, options: Self.tight)
        let bolusExact = Self.grid.map { ClosedFormPK.ivBolus(dose: 100, τ: $0, k: k) }
        #expect(Self.worst(bolus.column("central")!, bolusExact) < 1e-8 * (method == .bdf ? 100 : 1))

        let infusion = try Simulator.simulate(
            model.makeInstance(), doses: [try DoseSpecification.parse("time=2,amt=100,rate=20")],
            outputTimes: Self.grid, method: method, options: Self.tight)
        let infusionExact = Self.grid.map { ClosedFormPK.infusion(amount: 100, duration: 5, τ: $0 - 2, k: k) }
        #expect(Self.worst(infusion.column("central")!, infusionExact) < 1e-8 * (method == .bdf ? 100 : 1))
        #expect(infusion.statistics.restarts == 2, "restarted at the infusion's start and end")
    }

    @Test func oneCompartmentOralWithBioavailability() throws {
        let model = try Self.example("one_compartment_oral")
        let result = try Simulator.simulate(
            model.makeInstance(), doses: [try DoseSpecification.parse("time=1,amt=100,cmt=depot")],
            outputTimes: Self.grid, options: Self.tight)
        let exact = Self.grid.map { ClosedFormPK.oral(amount: 100, bioavailability: 0.8, ka: 1.2, k: 0.1, τ: $0 - 1) }
        #expect(Self.worst(result.column("central")!, exact) < 1e-8)
        let cp = result.column("Cp")!, central = result.column("central")!
        #expect(zip(cp, central).allSatisfy { abs($0 - $1 / 50) <= 1e-15 * abs($1) })
    }

    /// Repeated doses (ii/addl) equal the superposition of single doses.
    @Test func repeatedDosesBySuperposition() throws {
        let oral = try Self.example("one_compartment_oral")
        let result = try Simulator.simulate(
            oral.makeInstance(), doses: [try DoseSpecification.parse("amt=100,cmt=depot,ii=12,addl=3")],
            outputTimes: Self.grid, options: Self.tight)
        let exact = Self.grid.map { t in
            ClosedFormPK.superpose(times: [0, 12, 24, 36], at: t) { ClosedFormPK.oral(amount: 100, bioavailability: 0.8, ka: 1.2, k: 0.1, τ: $0) }
        }
        #expect(Self.worst(result.column("central")!, exact) < 1e-8)

        let iv = try Self.example("one_compartment_iv")
        let infusions = try Simulator.simulate(
            iv.makeInstance(), doses: [try DoseSpecification.parse("amt=50,dur=2,ii=8,addl=4")],
            outputTimes: Self.grid, options: Self.tight)
        let infusionExact = Self.grid.map { t in
            ClosedFormPK.superpose(times: [0, 8, 16, 24, 32], at: t) { ClosedFormPK.infusion(amount: 50, duration: 2, τ: $0, k: 0.1) }
        }
        #expect(Self.worst(infusions.column("central")!, infusionExact) < 1e-8)
    }

    /// `alag()` delays doses; `rate()` and `dur()` set modelled infusions (RATE −1, −2); F on a
    /// fixed-rate infusion keeps the rate and shortens the infusion (NONMEM's rule).
    @Test func dosingModifiers() throws {
        let model = try ModelCompiler.compile(source: """
            param k = 0.1
            d/dt(central) = -k * central
            alag(central) = 1.5
            f(central) = 0.5
            rate(central) = 25
            dur(central) = 4
            """, file: "modifiers.wean")
        let k = 0.1
        func run(_ dose: String) throws -> [Double] {
            try Simulator.simulate(model.makeInstance(), doses: [try DoseSpecification.parse(dose)], outputTimes: Self.grid, options: Self.tight).column("central")!
        }
        let bolus = try run("time=1,amt=100")
        #expect(Self.worst(bolus, Self.grid.map { ClosedFormPK.ivBolus(dose: 50, τ: $0 - 2.5, k: k) }) < 1e-8)
        let fixedRate = try run("time=1,amt=100,rate=10")  // F·AMT = 50 at rate 10: 5 h
        #expect(Self.worst(fixedRate, Self.grid.map { ClosedFormPK.infusion(amount: 50, duration: 5, τ: $0 - 2.5, k: k) }) < 1e-8)
        let modelledRate = try run("time=1,amt=100,rate=-1")  // 50 at rate 25: 2 h
        #expect(Self.worst(modelledRate, Self.grid.map { ClosedFormPK.infusion(amount: 50, duration: 2, τ: $0 - 2.5, k: k) }) < 1e-8)
        let modelledDuration = try run("time=1,amt=100,rate=-2")  // 50 over 4 h
        #expect(Self.worst(modelledDuration, Self.grid.map { ClosedFormPK.infusion(amount: 50, duration: 4, τ: $0 - 2.5, k: k) }) < 1e-8)
    }

    @Test func dosingErrorsAreReported() throws {
        let model = try Self.example("one_compartment_iv")
        #expect(throws: SimulationError.self) {
            _ = try Simulator.simulate(model.makeInstance(), doses: [try DoseSpecification.parse("amt=1,cmt=depot")], outputTimes: [1])
        }
        #expect(throws: SimulationError.self) {
            _ = try Simulator.simulate(model.makeInstance(), doses: [try DoseSpecification.parse("amt=1,rate=-1")], outputTimes: [1])
        }
        #expect(throws: DoseSpecification.ParseError.self) { _ = try DoseSpecification.parse("amt=x") }
        #expect(throws: DoseSpecification.ParseError.self) { _ = try DoseSpecification.parse("time=0") }
        #expect(throws: DoseSpecification.ParseError.self) { _ = try DoseSpecification.parse("amt=1,addl=2") }
        #expect(throws: DoseSpecification.ParseError.self) { _ = try DoseSpecification.parse("amt=1,bogus=2") }
        #expect(throws: DoseSpecification.ParseError.self) { _ = try DoseSpecification.parse("amt=1,rate=-3") }
    }

    /// The stiff reference problems written in `.wean` reach the accuracy the hand-coded ones are
    /// held to (`StiffReferenceTests`): median scd over the scipy spread's tolerance multipliers at
    /// least scipy BDF's and LSODA's medians, less 0.1 — with a finite-difference Jacobian, as the
    /// language has no symbolic one yet.
    @Test(arguments: ["rober", "vdpol", "orego"])
    func stiffProblemsInTheLanguage(name: String) throws {
        let reference = try ReferenceProblem.load(name)
        let spread = try PeerSCDSpread.load()
        let compiled = try Self.example(name)
        for setting in reference.toleranceSettings {
            var scds: [Double] = []
            for multiplier in spread.multipliers {
                let options = ToleranceSetting(relative: setting.relative * multiplier, absolute: setting.absolute * multiplier).options
                let result = try Simulator.simulate(compiled.makeInstance(), doses: [], outputTimes: [reference.tEnd], options: options)
                let final = Array(result.rows[0].prefix(reference.dimension))
                scds.append(significantCorrectDigits(final, reference: reference.referenceSolution, absoluteTolerance: setting.absolute * multiplier))
            }
            let median = scds.sorted()[scds.count / 2]
            let peers = spread.results[name]![setting.key]!
            let bar = max(peers["BDF"]!.median!, peers["LSODA"]!.median!) - 0.1
            #expect(median >= bar, "\(name) \(setting): median scd \(median) (\(scds)) below \(bar)")
        }
    }
}
