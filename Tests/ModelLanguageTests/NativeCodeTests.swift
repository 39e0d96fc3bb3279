import Foundation
import Testing
import ModelLanguage
import ModelLibrary
import Dosing
import Simulation
import Solvers

/// The package's models compiled to native Swift at build time agree with the evaluator to the
/// last bit, and the library files are the examples' files.
@Suite struct NativeCodeTests {
    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test(arguments: ModelLibrary.models.map(\.file))
    func nativeEqualsEvaluatorBitForBit(file: String) throws {
        let native = try #require(ModelLibrary.native(file))
        let interpreted = try SimulationTests.example(String(file.dropLast(5))).makeInstance()
        #expect(native.model.outputNames == interpreted.model.outputNames)
        let n = native.dimension
        #expect(native.providesLaneDerivatives == (n <= 4))
        #expect(Self.bits(native.initialState()) == Self.bits(interpreted.initialState()))
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            if trial % 50 == 49 {
                // Change a parameter on both: the hoisted parameter work must follow.
                let index = Int.random(in: 0..<max(1, native.model.parameters.count), using: &generator)
                if !native.model.parameters.isEmpty {
                    let value = native.parameter(index) * Double.random(in: 0.5...2, using: &generator)
                    native.setParameter(index, to: value)
                    interpreted.setParameter(index, to: value)
                }
            }
            let y = (0..<n).map { _ in Double.random(in: 0...3, using: &generator) }
            let t = Double.random(in: 0...100, using: &generator)
            var a = [Double](repeating: 0, count: n), b = a
            var ja = [Double](repeating: 0, count: n * n), jb = ja
            var oa = [Double](repeating: 0, count: native.outputNames.count), ob = oa
            y.withUnsafeBufferPointer { ys in
                a.withUnsafeMutableBufferPointer { native.derivatives(t: t, y: ys, dydt: $0) }
                b.withUnsafeMutableBufferPointer { interpreted.derivatives(t: t, y: ys, dydt: $0) }
                ja.withUnsafeMutableBufferPointer { native.jacobian(t: t, y: ys, into: $0) }
                jb.withUnsafeMutableBufferPointer { interpreted.jacobian(t: t, y: ys, into: $0) }
                oa.withUnsafeMutableBufferPointer { native.outputs(t: t, y: ys, into: $0) }
                ob.withUnsafeMutableBufferPointer { interpreted.outputs(t: t, y: ys, into: $0) }
                for kind in DosingModifier.allCases {
                    for state in 0..<n {
                        #expect(native.modifier(kind, state: state, t: t, y: ys)?.bitPattern == interpreted.modifier(kind, state: state, t: t, y: ys)?.bitPattern)
                    }
                }
            }
            #expect(Self.bits(a) == Self.bits(b), "\(file) derivatives at \(y)")
            if n <= 4 {
                var lanes = SIMD4<Double>()
                for i in 0..<n { lanes[i] = y[i] }
                let d = native.derivatives(t: t, lanes: lanes)
                #expect(Self.bits((0..<4).map { d[$0] }) == Self.bits(a + [Double](repeating: 0, count: 4 - n)), "\(file) lane derivatives at \(y)")
            }
            #expect(Self.bits(ja) == Self.bits(jb), "\(file) Jacobian at \(y)")
            #expect(Self.bits(oa) == Self.bits(ob), "\(file) outputs at \(y)")
        }
    }

    @Test(arguments: ModelLibrary.models.map(\.file))
    func libraryFilesAreTheExamples(file: String) throws {
        let root = SimulationTests.examples.deletingLastPathComponent()
        let library = try String(contentsOf: root.appendingPathComponent("Sources/ModelLibrary/\(file)"), encoding: .utf8)
        let example = try String(contentsOf: SimulationTests.examples.appendingPathComponent(file), encoding: .utf8)
        #expect(library == example)
    }

    /// A simulation with the native model equals the interpreted one exactly.
    @Test func nativeSimulationEqualsInterpreted() throws {
        let native = try #require(ModelLibrary.native("two_compartment_oral.wean"))
        let interpreted = try SimulationTests.example("two_compartment_oral").makeInstance()
        let doses = [try DoseSpecification.parse("amt=100,ii=24,addl=3")]
        let times = (0...96).map(Double.init)
        let a = try Simulator.simulate(native, doses: doses, outputTimes: times, method: .rodas5)
        let b = try Simulator.simulate(interpreted, doses: doses, outputTimes: times, method: .rodas5)
        #expect(a.rows.map(Self.bits) == b.rows.map(Self.bits))
        #expect(a.statistics == b.statistics)
    }

    /// The explicit methods step natively on SIMD lanes (states of at most four components) and
    /// interpreted on buffers: the same solution to the last bit, the same work, through doses,
    /// infusions and outputs.
    @Test(arguments: ["pk1cmt.wean", "pk2cmt.wean", "pk3cmt.wean", "two_compartment_oral.wean"], [SolverMethod.dopri5, .auto])
    func laneSimulationEqualsInterpreted(file: String, method: SolverMethod) throws {
        let native = try #require(ModelLibrary.native(file))
        #expect(native.providesLaneDerivatives)
        let interpreted = try SimulationTests.example(String(file.dropLast(5))).makeInstance()
        #expect(!interpreted.providesLaneDerivatives)
        let target = native.model.stateIndex("central") != nil ? "central" : native.model.states[0].name
        let doses = [try DoseSpecification.parse("amt=100,ii=24,addl=6"), try DoseSpecification.parse("time=30,amt=50,rate=10,cmt=\(target)")]
        let times = stride(from: 0.0, through: 200, by: 0.5).map { $0 }
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let a = try Simulator.simulate(native, doses: doses, outputTimes: times, method: method, options: options)
        let b = try Simulator.simulate(interpreted, doses: doses, outputTimes: times, method: method, options: options)
        #expect(a.rows.map(Self.bits) == b.rows.map(Self.bits))
        #expect(a.statistics == b.statistics)
        #expect(a.statistics.steps > 100)
    }

    /// Stiff solves with the symbolic Jacobian match those with finite differences.
    @Test(arguments: ["vdpol.wean", "orego.wean"], [SolverMethod.rodas5, .bdf])
    func symbolicAndFiniteDifferenceJacobiansAgree(file: String, method: SolverMethod) throws {
        let native = try #require(ModelLibrary.native(file))
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let end = file == "vdpol.wean" ? 500.0 : 100.0
        let symbolic = try solveOpened(native, y0: native.initialState(), end: end, method: method, options: options)
        let differences = try solveOpened(LanguageFD.wrap(native), y0: native.initialState(), end: end, method: method, options: options)
        for (x, y) in zip(symbolic.states[0], differences.states[0]) {
            #expect(abs(x - y) <= 1e-4 * max(abs(y), 1e-3), "\(file) \(method): \(x) vs \(y)")
        }
        #expect(symbolic.statistics.rhsEvaluations < differences.statistics.rhsEvaluations)
    }

    func solveOpened<P: ODEProblem>(_ problem: P, y0: [Double], end: Double, method: SolverMethod, options: SolverOptions) throws -> ODESolution {
        try solve(problem, initialState: y0, from: 0, outputTimes: [end], method: method, options: options)
    }
}

enum LanguageFD {
    /// `runtime` with its symbolic Jacobian hidden.
    static func wrap(_ runtime: any ModelRuntime) -> any ODEProblem {
        func open<P: ModelRuntime>(_ p: P) -> any ODEProblem { FiniteDifferenceJacobian(p) }
        return open(runtime)
    }
}
