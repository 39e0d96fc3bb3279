import Foundation
import Testing
@testable import Pharmacology

/// Random `wean scenario` argument texts — mostly well formed, some garbled — either run to finite
/// readouts and dose-response results or are refused with a `ScenarioError` naming an option.
/// Never a crash, a hang or a silent NaN. 1,000 texts from a fixed seed in every `swift test`; a
/// longer campaign: `WEAN_FUZZ_ITERATIONS=20000 WEAN_FUZZ_SEED=7 swift test --filter ScenarioFuzzTests`.
@Suite struct ScenarioFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["WEAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_000
    static let seed = environment["WEAN_FUZZ_SEED"].flatMap(UInt64.init) ?? 14_2026

    @Test func randomArgumentTextsRunOrAreRefused() {
        var g = RandomDesignTests.Generator(state: Self.seed)
        let numbers = ["1", "2.5", "10", "0.5", "0", "1e6", "-1", "1e400", "nan", "x", "", "0.001", "75", "1e9"]
        let times = ["0h", "1d", "-1d", "30min", "2d12h", "12h", "7d", "3", "1m", "-0.5h", "1e5d", "inf", "2w"]
        let units = ["mg", "mg/kg", "mcg", "mcg/kg", "ug", "mg/h", "mg/kg/h", "mcg/h", "kg", ""]
        let routes = ["iv", "sc", "ip", "oral", "oral_er", "patch", "pellet", "it", "sublingual", "nose"]
        func pick(_ values: [String]) -> String { g.pick(values) }
        // Mostly well formed: the first few entries of each list are valid.
        func pick(_ values: [String], valid: Int) -> String { g.uniform() < 0.85 ? g.pick(Array(values.prefix(valid))) : g.pick(values) }
        func item(_ keys: [(String, () -> String)]) -> String {
            var parts = keys.filter { _ in g.uniform() < 0.97 }.map { "\($0.0)=\($0.1())" }
            if g.uniform() < 0.1 { parts.append(pick(["bogus=1", "at", "=3", ",,", "every=1h"])) }
            return parts.joined(separator: ",")
        }
        var ran = 0, refused = 0
        for _ in 0..<Self.iterations {
            let species = g.uniform() < 0.95 ? pick(["rat", "mouse", "human"]) : "dog"
            let opioid = g.uniform() < 0.85 ? "morphine" : pick(Opioid.allCases.map(\.rawValue) + ["morfine"])
            var arguments = ScenarioArguments(species: species, opioid: opioid, end: g.uniform() < 0.9 ? pick(["1d", "2d", "3d", "12h"]) : pick(times))
            if g.uniform() < 0.4 {
                // Mostly a weight inside the species' modelled range; sometimes another species' or nonsense.
                let fitting = ["human": ["70", "45", "80kg"], "rat": ["0.3", "0.25kg", "0.5"], "mouse": ["0.025", "0.03kg", "0.02"]][species] ?? ["70"]
                arguments.weight = pick(fitting + ["70", "0.3", "0.025", "-1", "x", "1e9", "1e-300"], valid: fitting.count)
            }
            for _ in 0..<Int(g.next() % 4) {
                switch g.next() % 8 {
                case 0, 1:
                    let repeated = g.uniform() < 0.5
                    arguments.doses.append(item([("amount", { pick(numbers, valid: 4) }), ("unit", { pick(units, valid: 2) }), ("route", { pick(routes, valid: 3) })]
                        + (repeated ? [("every", { pick(times, valid: 6) }), ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })] : [("at", { pick(times, valid: 6) })])))
                case 2: arguments.infusions.append(item([("rate", { pick(numbers, valid: 4) }), ("unit", { g.uniform() < 0.85 ? "mg/kg/h" : pick(units) }), ("route", { pick(routes, valid: 2) }),
                                                         ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })]))
                case 3: arguments.pellets.append(item([("amount", { pick(numbers, valid: 4) }), ("unit", { pick(units, valid: 1) }), ("at", { pick(times, valid: 6) }), ("remove", { pick(times, valid: 6) })]))
                case 4: arguments.patches.append(item([("strength", { pick(numbers, valid: 4) }), ("unit", { g.uniform() < 0.85 ? "mcg/h" : pick(units) }), ("from", { pick(times, valid: 6) }),
                                                       ("to", { pick(times, valid: 6) }), ("every", { pick(times, valid: 6) })]))
                case 5: arguments.transplants.append(item([("route", { g.uniform() < 0.85 ? pick(["iv", "it"]) : pick(routes) }), ("cells", { pick(numbers) + pick(["", "/kg"]) }), ("at", { pick(times, valid: 6) })]))
                case 6 where g.uniform() < 0.5:
                    // A dose of naloxone (or of an agent without kinetics) in mg by a route.
                    arguments.treatments.append(item([("name", { g.uniform() < 0.85 ? "naloxone" : pick(Treatment.allCases.map(\.rawValue)) }),
                                                      ("amount", { pick(numbers, valid: 4) }), ("unit", { pick(units, valid: 2) }),
                                                      ("route", { g.uniform() < 0.7 ? pick(["iv", "im", "sc", "ip", "intranasal"]) : pick(routes) }), ("at", { pick(times, valid: 6) })]))
                case 6 where g.uniform() < 0.3:
                    // A naloxone infusion in mg/h.
                    arguments.treatments.append(item([("name", { "naloxone" }), ("rate", { pick(numbers, valid: 4) }), ("unit", { g.uniform() < 0.85 ? "mg/kg/h" : pick(units) }),
                                                      ("route", { pick(["iv", "sc", "im", "oral"]) }), ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })]))
                case 6: arguments.treatments.append(item([("name", { pick(Treatment.allCases.map(\.rawValue) + ["aspirin"]) }), ("dose", { pick(numbers, valid: 4) }),
                                                          ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })]))
                default: arguments.injuries.append(item([("type", { pick(["cci", "sni", "burn"]) }), ("at", { pick(times, valid: 6) })]))
                }
            }
            if g.uniform() < 0.15 {
                // A second opioid: opioid= on a dose, infusion or patch (mostly a drug with a model).
                let drug = g.uniform() < 0.9 ? pick(["buprenorphine", "methadone", "oxycodone", "morphine", "fentanyl"]) : pick(Opioid.allCases.map(\.rawValue) + ["morfine", ""])
                switch g.next() % 3 {
                case 0: arguments.doses.append("opioid=\(drug)," + item([("amount", { pick(numbers, valid: 4) }), ("unit", { pick(units, valid: 2) }),
                                                                         ("route", { pick(["sublingual", "oral", "iv"] + routes, valid: 3) }), ("at", { pick(times, valid: 6) })]))
                case 1: arguments.infusions.append("opioid=\(drug)," + item([("rate", { pick(numbers, valid: 4) }), ("unit", { g.uniform() < 0.85 ? "mg/h" : pick(units) }),
                                                                             ("route", { pick(routes, valid: 1) }), ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })]))
                default: arguments.patches.append("opioid=\(drug)," + item([("strength", { pick(numbers, valid: 4) }), ("unit", { "mcg/h" }),
                                                                            ("from", { pick(times, valid: 6) }), ("to", { pick(times, valid: 6) })]))
                }
            }
            if g.uniform() < 0.1 {
                arguments.doseResponses.append(item([("at", { pick(times, valid: 6) }), ("doses", { "1,4,\(pick(numbers))" }), ("unit", { pick(units) }), ("route", { pick(routes) })]
                    + (g.uniform() < 0.4 ? [("cumulative", { pick(times, valid: 6) })] : [])))
            }
            if g.uniform() < 0.3 { arguments.readouts = pick(["mpe,tolerance", "cp,pain", "cows", "glia,msc_cells", "mme", "naloxone,withdrawal", "cp2,ce2", "nonsense"]) }
            if g.uniform() < 0.2 { arguments.every = pick(times) }
            do {
                let result = try arguments.scenario().run()
                ran += 1
                for column in result.columns { #expect(column.allSatisfy { $0.isFinite }) }
                for test in result.doseResponses { #expect((test.responses + test.naiveResponses).allSatisfy { $0.isFinite }) }
            } catch {
                refused += 1
                #expect(!error.message.isEmpty)
            }
        }
        #expect(ran > Self.iterations / 7, "too few scenarios ran: \(ran)")
        #expect(refused > Self.iterations / 7, "too few bad scenarios were refused: \(refused)")
        if Self.iterations != 1_000 { print("scenario fuzz: \(Self.iterations) texts from seed \(Self.seed): \(ran) ran, \(refused) refused") }
    }
}
