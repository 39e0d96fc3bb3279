import Foundation
import Testing
import Simulation
@testable import Pharmacology

/// A run continued from the states another run reported is that run going on
/// (`PKSimulation.run(_:design:outputTimes:from:)`, `Simulator.run(_:timeline:from:at:)`), and the
/// dose-response test's copies continued that way answer as copies that live the history again.
@Suite struct ContinuationTests {
    static let rat = try! PKLibrary.model(.morphine, .rat)
    static func daily(from: Double, to: Double) -> DosingDesign {
        DosingDesign([.repeated(DoseAmount(10, .mgPerKg), route: .sc, everyHours: 24, fromHours: from, toHours: to)])
    }

    /// A week of daily morphine simulated whole, and simulated to day 3¼ and continued from there
    /// with the doses still to come: every output (states, tolerance, glia, withdrawal) agrees to
    /// the solver's tolerance.
    @Test func aRunContinuedFromItsStatesIsTheWholeRun() throws {
        let split = 3 * 24 + 6.0, end = 7 * 24 + 12.0
        let whole = try PKSimulation.run(Self.rat, design: Self.daily(from: 0, to: 7 * 24), outputTimes: [split, end])
        let first = try PKSimulation.run(Self.rat, design: Self.daily(from: 0, to: 7 * 24), outputTimes: [split])
        let rest = try PKSimulation.run(Self.rat, design: Self.daily(from: 4 * 24, to: 7 * 24), outputTimes: [end],
                                        from: (hours: split, states: first.states(at: 0)))
        #expect(first.states(at: 0).count == first.stateCount && first.stateCount < first.names.count)
        for (name, (a, b)) in zip(whole.names, zip(whole.rows[1], rest.rows[0])) {
            #expect(abs(a - b) <= 1e-6 * abs(a) + 1e-10, "\(name): \(a) whole, \(b) continued")
        }
    }

    /// A starting state of the wrong size, a non-finite one, or an administration before it is refused.
    @Test func badStartsAreRefused() throws {
        let states = try PKSimulation.run(Self.rat, design: Self.daily(from: 0, to: 48), outputTimes: [30]).states(at: 0)
        #expect(throws: PharmacologyError.self) {
            try PKSimulation.run(Self.rat, design: DosingDesign([]), outputTimes: [40], from: (hours: 30, states: Array(states.dropLast())))
        }
        #expect(throws: PharmacologyError.self) {
            try PKSimulation.run(Self.rat, design: DosingDesign([]), outputTimes: [40], from: (hours: 30, states: states.map { _ in .nan }))
        }
        #expect(throws: PharmacologyError.self) {
            try PKSimulation.run(Self.rat, design: Self.daily(from: 24, to: 48), outputTimes: [40], from: (hours: 30, states: states))
        }
        #expect(throws: PharmacologyError.self) {
            try PKSimulation.run(Self.rat, design: DosingDesign([]), outputTimes: [20], from: (hours: 30, states: states))
        }
    }

    /// Each challenge of a dose-response test continued from the copy's states gives the response
    /// of the copy simulated from the start with the challenge added (the test's definition).
    @Test func continuedChallengesAreTheRelivedOnes() throws {
        let design = Self.daily(from: 0, to: 7 * 24)
        let test = DoseResponseTest(atHours: 8 * 24, doses: [2, 8, 32, 128], unit: .mgPerKg, route: .sc)
        #expect(DoseResponseTest.continuable(test.copy(of: design), of: Self.rat, at: test.atHours))
        let result = try test.run(Self.rat, design: design)
        let copy = test.copy(of: design)
        let baseline = try #require(try PKSimulation.run(Self.rat, design: copy, outputTimes: [test.atHours]).readout(.tailFlick)?.first)
        for (index, dose) in test.doses.enumerated() {
            var challenged = copy
            challenged.administrations.append(.dose(DoseAmount(dose, .mgPerKg), route: .sc, atHours: test.atHours))
            let after = try #require(try PKSimulation.run(Self.rat, design: challenged, outputTimes: [test.atHours + result.peakHours[index]])
                .readout(.tailFlick)?.first)
            let relived = DoseResponseTest.response(before: baseline, after: after, species: .rat)
            #expect(abs(result.responses[index] - relived) < 1e-6, "\(dose) mg/kg: \(result.responses[index]) continued, \(relived) relived")
        }
    }

    /// What still goes on at the test's time keeps a copy from being continued: an infusion or a
    /// patch running on, a held treatment, or a dose the model delays (tramadol's oral lag).
    @Test func whatGoesOnIsNotContinued() throws {
        let t = 48.0
        let running = DosingDesign([.infusion(DoseRate(1, .mgPerKgPerHour), route: .iv, fromHours: 0, toHours: 72)])
        let ended = DosingDesign([.infusion(DoseRate(1, .mgPerKgPerHour), route: .iv, fromHours: 0, toHours: 24)])
        let held = DosingDesign([.treatment(.il1ra, level: 0.9, fromHours: 0, toHours: 96)])
        #expect(!DoseResponseTest.continuable(running, of: Self.rat, at: t))
        #expect(DoseResponseTest.continuable(ended, of: Self.rat, at: t))
        #expect(!DoseResponseTest.continuable(held, of: Self.rat, at: t))
        let tramadol = try PKLibrary.model(.tramadol, .human)
        #expect(!DoseResponseTest.continuable(DosingDesign([.dose(DoseAmount(50, .mg), route: .oral, atHours: 0)]), of: tramadol, at: t))
        let patch = DosingDesign([.patch(strength: DoseRate(25, .mcgPerHour), fromHours: 0, toHours: 72)])
        #expect(!DoseResponseTest.continuable(patch, of: try PKLibrary.model(.fentanyl, .human), at: t))
    }
}
