import Foundation
import Testing
import Dosing
import ModelLanguage
import ModelLibrary
import Simulation
import Solvers

/// The exact (matrix-exponential) path against the ODE path for the 1-, 2- and 3-compartment
/// templates with every dose type, and against closed forms.
@Suite struct ExactPathTests {
    static let doseSets: [(name: String, doses: [DoseRecord])] = [
        ("IV bolus", [DoseRecord(time: 0, amount: 100, compartment: .name("central"), interval: 12, additional: 3)]),
        ("IV infusion", [DoseRecord(time: 1, amount: 100, compartment: .name("central"), delivery: .infusion(rate: 40), interval: 24, additional: 1)]),
        ("oral", [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 8, additional: 5)]),
        ("oral steady state", [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 12, additional: 2, steadyState: 1)]),
    ]

    static let grid = (0...96).map { Double($0) * 0.5 }

    @Test(arguments: ["pk1cmt.wean", "pk2cmt.wean", "pk3cmt.wean"])
    func exactEqualsODE(file: String) throws {
        for (name, doses) in Self.doseSets {
            for parameters in [[:], ["F": 0.7, "ALAG": 0.6]] as [[String: Double]] {
                func run(_ method: SolverMethod) throws -> [[Double]] {
                    let runtime = try #require(ModelLibrary.native(file))
                    for (parameter, value) in parameters { runtime.setParameter(named: parameter, to: value) }
                    var options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-13)
                    options.maximumSteps = 1_000_000
                    return try Simulator.simulate(runtime, doses: doses, outputTimes: Self.grid, method: method, options: options).rows
                }
                let exact = try run(.exact), ode = try run(.vern7)
                for (a, b) in zip(exact, ode) {
                    for (x, y) in zip(a, b) {
                        #expect(abs(x - y) <= 1e-8 * max(abs(y), 1e-6), "\(file) \(name) \(parameters): \(x) vs \(y)")
                    }
                }
            }
        }
    }

    /// Against the closed form of the one-compartment oral model with lag and F, to 1e-12.
    @Test func exactMatchesClosedForm() throws {
        let runtime = try #require(ModelLibrary.native("pk1cmt.wean"))
        runtime.setParameter(named: "F", to: 0.7)
        runtime.setParameter(named: "ALAG", to: 0.6)
        let result = try Simulator.simulate(
            runtime, doses: [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 8, additional: 5)],
            outputTimes: Self.grid, method: .exact)
        let exact = Self.grid.map { t in
            ClosedFormPK.superpose(times: (0...5).map { Double($0) * 8 }, at: t) {
                ClosedFormPK.oral(amount: 100, bioavailability: 0.7, ka: 1, k: 0.05, τ: $0 - 0.6)
            }
        }
        for (x, y) in zip(result.column("central")!, exact) {
            #expect(abs(x - y) <= 1e-12 * max(abs(y), 1e-6), "\(x) vs \(y)")
        }
    }

    @Test func exactRefusesNonlinearModels() throws {
        let runtime = try SimulationTests.example("michaelis_menten").makeInstance()
        #expect(throws: SimulationError.self) {
            _ = try Simulator.simulate(runtime, doses: [DoseRecord(time: 0, amount: 100)], outputTimes: [1, 2], method: .exact)
        }
    }

    @Test func matrixExponentialOfKnownMatrices() {
        // exp of a rotation generator and of a diagonal matrix.
        let rotation = MatrixExponential.exp([0, 1, -1, 0].map { $0 * 2.0 }, dimension: 2)
        #expect(abs(rotation[0] - cos(2)) < 1e-15 && abs(rotation[1] - sin(2)) < 1e-15)
        let diagonal = MatrixExponential.exp([-50, 0, 0, 3], dimension: 2)
        #expect(abs(diagonal[0] - exp(-50)) <= 1e-14 * exp(-50) && abs(diagonal[3] - exp(3)) <= 1e-14 * exp(3))
    }
}
