import Foundation
import Testing
@testable import Pharmacology

/// `Scenario` from its text arguments: units, the clock, ordering, errors that name the argument,
/// and the JSON form a run can be repeated from.
@Suite struct ScenarioTests {
    /// A scenario from text arguments: `items` maps an option name (`dose`, `msc`, …) to its values.
    static func scenario(_ species: String = "rat", opioid: String = "morphine", weight: String? = nil, end: String = "2d",
                         every: String? = nil, times: String? = nil, readouts: String? = nil,
                         _ items: [(String, String)] = []) throws(ScenarioError) -> Scenario {
        var arguments = ScenarioArguments(species: species, opioid: opioid, end: end)
        arguments.weight = weight
        arguments.every = every
        arguments.times = times
        arguments.readouts = readouts
        for (option, value) in items {
            switch option {
            case "dose": arguments.doses.append(value)
            case "infusion": arguments.infusions.append(value)
            case "pellet": arguments.pellets.append(value)
            case "patch": arguments.patches.append(value)
            case "msc": arguments.transplants.append(value)
            case "injury": arguments.injuries.append(value)
            case "knockout": arguments.knockouts.append(value)
            case "treatment": arguments.treatments.append(value)
            case "dose-response": arguments.doseResponses.append(value)
            default: Issue.record("unknown option \(option)")
            }
        }
        return try arguments.scenario()
    }

    /// A rat morphine scenario of `items`, ending at 2 d.
    static func scenario(_ items: [(String, String)]) throws(ScenarioError) -> Scenario {
        try scenario("rat", items)
    }

    /// The error of a scenario that must fail.
    static func failure(_ build: () throws(ScenarioError) -> Scenario, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        do {
            let scenario = try build()
            _ = try scenario.run()
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Units

    @Test func perKilogramAmountsScaleWithWeight() throws {
        let perKg = try Self.scenario(weight: "0.5", readouts: "cp", [("dose", "amount=10,unit=mg/kg,route=sc,at=0h")]).run()
        let absolute = try Self.scenario(weight: "0.5kg", readouts: "cp", [("dose", "amount=5,unit=mg,route=sc,at=0h")]).run()
        let inline = try Self.scenario(weight: "0.5", readouts: "cp", [("dose", "amount=10mg/kg,route=sc,at=0h")]).run()
        let micrograms = try Self.scenario(weight: "0.5", readouts: "cp", [("dose", "amount=5000,unit=mcg,route=sc,at=0h")]).run()
        for other in [absolute, inline, micrograms] {
            for (a, b) in zip(perKg.columns[0], other.columns[0]) { #expect(abs(a - b) <= 1e-9 * max(1, abs(a))) }
        }
        #expect(perKg.columns[0].max()! > 0)
    }

    @Test func humanPerKilogramNeedsAWeight() throws {
        let error = Self.failure { () throws(ScenarioError) in
            try Self.scenario("human", [("dose", "amount=0.1,unit=mg/kg,route=iv,at=0h")])
        }
        #expect(error?.argument == "dose")
        #expect(error?.message.contains("--weight") == true)
        let cells = Self.failure { () throws(ScenarioError) in try Self.scenario("human", [("msc", "route=iv,cells=1.5e6/kg,at=-1d")]) }
        #expect(cells?.argument == "msc")
        let withWeight = try Self.scenario("human", weight: "80", readouts: "cp", [("dose", "amount=0.1,unit=mg/kg,route=iv,at=0h")]).run()
        let absolute = try Self.scenario("human", weight: "80", readouts: "cp", [("dose", "amount=8,unit=mg,route=iv,at=0h")]).run()
        #expect(withWeight.columns == absolute.columns)
    }

    /// A weight outside the species' modelled range — a child for the adult human model, grams
    /// typed as kilograms for a rat — is refused naming `weight` and the range; the range's ends
    /// run, and every species' default weight lies inside it.
    @Test(arguments: [("human", "20", "30-300 kg"), ("human", "301", "30-300 kg"), ("rat", "250", "0.05-1.2 kg"),
                      ("mouse", "0.005", "0.01-0.08 kg"), ("mouse", "25", "0.01-0.08 kg"), ("human", "1e-300", "30-300 kg")])
    func weightsOutsideTheModelledRangeAreRefused(_ species: String, _ weight: String, _ range: String) throws {
        let error = Self.failure { () throws(ScenarioError) in try Self.scenario(species, weight: weight) }
        #expect(error?.argument == "weight")
        #expect(error?.message.contains(range) == true, "\(error?.message ?? "no error")")
    }

    @Test func weightsAtTheEndsOfTheModelledRangeRun() throws {
        for species in Species.allCases {
            #expect(species.modelledWeightKilograms.contains(species.defaultWeightKilograms))
            for weight in [species.modelledWeightKilograms.lowerBound, species.modelledWeightKilograms.upperBound] {
                let run = try Self.scenario(species.rawValue, weight: "\(weight)", readouts: "cp", [("dose", "amount=1,unit=mg,route=iv,at=0h")]).run()
                let finite = run.columns[0].allSatisfy { $0.isFinite }
                #expect(finite && run.columns[0].max()! > 0)
            }
        }
    }

    @Test func cellsPerKilogramEqualCellsTimesWeight() throws {
        let perKg = try Self.scenario(weight: "0.4", end: "3d", readouts: "msc_cells", [("msc", "route=iv,cells=2.5e6/kg,at=0h")]).run()
        let absolute = try Self.scenario(weight: "0.4", end: "3d", readouts: "msc_cells", [("msc", "route=iv,cells=1e6,unit=cells,at=0h")]).run()
        #expect(perKg.columns == absolute.columns)
    }

    // MARK: Clock and order

    /// `[from, to)`: a dose at `to` is not given; 3 doses from 0 to 3 d every 24 h.
    @Test func repeatedDosesFallInTheHalfOpenInterval() throws {
        let scenario = try Self.scenario(end: "4d", [("dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=3d")])
        #expect(scenario.design.milligramsGiven(through: 1000, weightKilograms: 0.25) == 3 * 2.5)
        let human = try Self.scenario("human", end: "4d", readouts: "mme", [("dose", "amount=10,unit=mg,route=oral,every=12h,from=0h,to=3d")]).run()
        // 2 doses a day of 10 mg oral morphine: 20 MME over each 24 h window once dosing runs.
        #expect(human.column(.dailyMME)![36] == 20)
        #expect(human.column(.dailyMME)!.last == 0)
    }

    @Test func outputStartsAtTheEarliestEventAndIncludesTheEnd() throws {
        let result = try Self.scenario(end: "1d", every: "6h", readouts: "msc_cells,mpe",
                                       [("dose", "amount=10,unit=mg/kg,route=sc,at=0h"), ("msc", "route=iv,cells=1e6,at=-1d")]).run()
        #expect(result.times == [-24, -18, -12, -6, 0, 6, 12, 18, 24])
        #expect(result.column(.mscCells)![0] > 0)
        let explicit = try Self.scenario(end: "1d", times: "2h,30min,1d,2h", readouts: "mpe", [("dose", "amount=10,unit=mg/kg,route=sc,at=0h")]).run()
        #expect(explicit.times == [0.5, 2, 24])
    }

    /// An output at a dose's time sees the dose (doses first, then readouts).
    @Test func outputAtADoseTimeSeesTheDose() throws {
        let result = try Self.scenario(end: "3h", times: "1h,2h,3h", readouts: "cp", [("dose", "amount=1,unit=mg/kg,route=iv,at=2h")]).run()
        #expect(result.columns[0][0] == 0)
        #expect(result.columns[0][1] > 0)
        #expect(result.columns[0][1] > result.columns[0][2])
    }

    // MARK: Errors name the argument

    @Test func unknownNamesAreErrorsWithSuggestions() {
        let opioid = Self.failure { () throws(ScenarioError) in try Self.scenario(opioid: "morfine") }
        #expect(opioid?.argument == "opioid")
        #expect(opioid?.message.contains("Did you mean 'morphine'") == true)
        let readout = Self.failure { () throws(ScenarioError) in try Self.scenario(readouts: "mpe,tolerence") }
        #expect(readout?.argument == "readouts")
        #expect(readout?.message.contains("tolerance") == true)
        let knockout = Self.failure { () throws(ScenarioError) in try Self.scenario([("knockout", "bdnff")]) }
        #expect(knockout?.argument == "knockout")
        let treatment = Self.failure { () throws(ScenarioError) in try Self.scenario([("treatment", "name=il1-ra,dose=1,from=0d,to=1d")]) }
        #expect(treatment?.argument == "treatment")
        #expect(treatment?.message.contains("il1ra") == true)
        let species = Self.failure { () throws(ScenarioError) in try Self.scenario("dog") }
        #expect(species?.argument == "species")
        let noModel = Self.failure { () throws(ScenarioError) in try Self.scenario("rat", opioid: "oxycodone") }
        #expect(noModel?.argument == "opioid")
        #expect(noModel?.message.contains("human") == true)
    }

    @Test func routesTheModelLacksAreNamed() {
        let rat = Self.failure { () throws(ScenarioError) in try Self.scenario([("dose", "amount=1,unit=mg/kg,route=oral_er,at=0h")]) }
        #expect(rat?.argument == "dose")
        #expect(rat?.message.contains("no 'oral_er' route") == true)
        #expect(rat?.message.contains("sc") == true)
        let human = Self.failure { () throws(ScenarioError) in try Self.scenario("human", [("dose", "amount=1,unit=mg,route=ip,at=0h")]) }
        #expect(human?.argument == "dose")
        let patch = Self.failure { () throws(ScenarioError) in try Self.scenario([("patch", "strength=25,unit=mcg/h,from=0d,to=3d")]) }
        #expect(patch?.argument == "patch")
        let pellet = Self.failure { () throws(ScenarioError) in try Self.scenario("human", [("pellet", "amount=75,unit=mg,at=0d")]) }
        #expect(pellet?.argument == "pellet")
        let unknown = Self.failure { () throws(ScenarioError) in try Self.scenario([("dose", "amount=1,unit=mg/kg,route=rectal,at=0h")]) }
        #expect(unknown?.message.contains("unknown route") == true)
    }

    @Test func intervalsMustEndAfterTheyStart() {
        for (option, text) in [("dose", "amount=1,unit=mg/kg,route=sc,every=24h,from=3d,to=1d"),
                               ("infusion", "rate=1,unit=mg/kg/h,route=iv,from=12h,to=12h"),
                               ("treatment", "name=il1ra,dose=1,from=2d,to=1d"),
                               ("pellet", "amount=75,unit=mg,at=3d,remove=1d")] {
            let error = Self.failure { () throws(ScenarioError) in try Self.scenario([(option, text)]) }
            #expect(error?.argument == option)
            #expect(error?.message.contains("must come after") == true, "\(error?.message ?? "")")
        }
    }

    @Test func overlappingPatchesAreRefused() throws {
        let error = Self.failure { () throws(ScenarioError) in
            try Self.scenario("human", opioid: "fentanyl", end: "10d",
                              [("patch", "strength=25,unit=mcg/h,from=0d,to=3d"), ("patch", "strength=12,unit=mcg/h,from=2d,to=5d")])
        }
        #expect(error?.argument == "patch")
        #expect(error?.occurrence == 2)
        #expect(error?.message.contains("overlaps patch #1") == true)
        // End to end is fine: [0, 3d) then [3d, 6d).
        _ = try Self.scenario("human", opioid: "fentanyl", end: "10d",
                              [("patch", "strength=25,unit=mcg/h,from=0d,to=3d"), ("patch", "strength=25,unit=mcg/h,from=3d,to=6d")]).run()
    }

    /// Every human opioid carries the mechanism: cells, knockouts, treatments and mechanistic
    /// readouts on oxycodone; its IV cells lower the tolerance a month of dosing builds.
    @Test func mechanisticDesignsRunOnEveryHumanOpioid() throws {
        let daily = ("dose", "amount=20,unit=mg,route=oral,every=6h,from=0d,to=30d")
        let plain = try Self.scenario("human", opioid: "oxycodone", end: "30d", times: "30d", readouts: "tolerance,oih,cows,glia", [daily]).run()
        let treated = try Self.scenario("human", opioid: "oxycodone", end: "30d", times: "30d", readouts: "tolerance,oih,cows,glia",
                                        [daily, ("msc", "route=iv,cells=1e8,at=-1d"), ("knockout", "bdnf")]).run()
        let tolerance = try #require(plain.column(.tolerance)?.first), treatedTolerance = try #require(treated.column(.tolerance)?.first)
        #expect(tolerance > 1.5 && treatedTolerance < tolerance)
        #expect(try #require(treated.column(.oih)?.first) < 1e-9 + (plain.column(.oih)?.first ?? 0))
    }

    @Test func otherBadArgumentsAreNamed() {
        let cases: [(String, () throws(ScenarioError) -> Scenario)] = [
            ("end", { () throws(ScenarioError) in try Self.scenario(end: "30") }),
            ("every", { () throws(ScenarioError) in try Self.scenario(every: "0h") }),
            ("times", { () throws(ScenarioError) in try Self.scenario(end: "1d", times: "2d") }),
            ("weight", { () throws(ScenarioError) in try Self.scenario(weight: "-3") }),
            ("readouts", { () throws(ScenarioError) in try Self.scenario(readouts: "cows") }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=il1ra,dose=2,from=0d,to=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,amount=1,unit=mg/kg,route=im,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,amount=1,unit=mg/kg,route=sc,from=0d,to=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,amount=1,dose=3,unit=mg/kg,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=pea,amount=1,unit=mg/kg,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,amount=-1,unit=mg/kg,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,dose=3,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,rate=1,unit=mg/kg/h,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,rate=1,unit=mg/kg/h,route=sc,from=2d,to=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario([("treatment", "name=naloxone,rate=1,amount=2,unit=mg/kg,route=sc,at=1d")]) }),
            ("treatment", { () throws(ScenarioError) in try Self.scenario("human", [("treatment", "name=naloxone,amount=1,unit=mg/kg,route=im,at=1d")]) }),
            ("dose", { () throws(ScenarioError) in try Self.scenario([("dose", "amount=10,unit=mg/kg,route=sc")]) }),
            ("dose", { () throws(ScenarioError) in try Self.scenario([("dose", "amount=10,route=sc,at=0h")]) }),
            ("dose", { () throws(ScenarioError) in try Self.scenario([("dose", "amount=-1,unit=mg,route=sc,at=0h")]) }),
            ("dose", { () throws(ScenarioError) in try Self.scenario([("dose", "amount=1,unit=mg,route=sc,at=0h,every=1d,from=0d,to=2d")]) }),
            ("dose", { () throws(ScenarioError) in try Self.scenario([("dose", "amount=1,unit=mg,route=sc,every=1min,from=0d,to=1000d")]) }),
            ("msc", { () throws(ScenarioError) in try Self.scenario([("msc", "route=iv,cells=1e13,at=0d")]) }),
            ("msc", { () throws(ScenarioError) in try Self.scenario([("msc", "route=oral,cells=1e6,at=0d")]) }),
            ("injury", { () throws(ScenarioError) in try Self.scenario([("injury", "type=burn,at=0d")]) }),
            ("dose-response", { () throws(ScenarioError) in try Self.scenario([("dose-response", "at=1d,doses=1,-2,unit=mg/kg,route=sc")]) }),
            ("dose-response", { () throws(ScenarioError) in try Self.scenario([("dose-response", "at=1d,doses=1,2,unit=mg/kg,route=transdermal")]) }),
            ("dose-response", { () throws(ScenarioError) in try Self.scenario([("dose-response", "at=1d,doses=1,2,unit=mg/kg,route=sc,cumulative=0min")]) }),
            ("dose-response", { () throws(ScenarioError) in try Self.scenario([("dose-response", "at=1d,doses=1,2,unit=mg/kg,route=sc,cumulative=2d")]) }),
        ]
        for (argument, build) in cases {
            let error = Self.failure(build)
            #expect(error?.argument == argument, "\(argument): \(error?.description ?? "no error")")
            #expect(error?.description.hasPrefix("--\(argument)") == true)
        }
    }

    // MARK: JSON

    /// A naloxone dose is written with amount, unit, route and at, and is the administration
    /// those say.
    @Test func naloxoneDosesAreParsed() throws {
        let scenario = try Self.scenario("human", weight: "70", end: "1d", [("treatment", "name=naloxone,amount=400,unit=mcg,route=i.m.,at=2h")])
        #expect(scenario.design.administrations == [.treatmentDose(.naloxone, DoseAmount(400, .mcg), route: .im, atHours: 2)])
        let infused = try Self.scenario("human", weight: "70", end: "1d", [("treatment", "name=naloxone,rate=0.4,unit=mg/h,route=iv,from=1h,to=9h")])
        #expect(infused.design.administrations == [.treatmentInfusion(.naloxone, DoseRate(0.4, .mgPerHour), route: .iv, fromHours: 1, toHours: 9)])
    }

    @Test func scenariosRoundTripThroughJSON() throws {
        let scenario = try Self.scenario(weight: "0.3", end: "10d", every: "6h", readouts: "mpe,tolerance,msc_cells", [
            ("dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=7d"), ("dose", "amount=2,unit=mg,route=iv,at=8d"),
            ("infusion", "rate=1,unit=mg/kg/h,route=iv,from=9d,to=9.5d"), ("pellet", "amount=75,unit=mg,at=1d,remove=3d"),
            ("msc", "route=it,cells=1e6/kg,at=-1d"), ("injury", "type=sni,at=2d"), ("knockout", "bdnf"),
            ("treatment", "name=il1ra,dose=0.8,from=1d,to=4d"), ("treatment", "name=naloxone,dose=100,at=9.7d"),
            ("treatment", "name=naloxone,amount=0.25,unit=mg/kg,route=sc,at=9.8d"),
            ("treatment", "name=naloxone,rate=0.1,unit=mg/kg/h,route=sc,from=9.8d,to=9.9d"),
            ("dose-response", "at=7d,doses=1,2,4,unit=mg/kg,route=sc"),
            ("dose-response", "at=7d,doses=1,2,4,unit=mg/kg,route=sc,cumulative=20min"),
        ])
        let data = try JSONEncoder().encode(scenario)
        let decoded = try JSONDecoder().decode(Scenario.self, from: data)
        #expect(decoded == scenario)
        let human = try Self.scenario("human", opioid: "fentanyl", weight: "70", end: "10d", [("patch", "strength=25,unit=mcg/h,from=0d,to=9d,every=72h")])
        #expect(try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(human)) == human)
    }
}
