import Foundation
import Testing
@testable import Pharmacology

/// Published designs of `wean experiment`, written as `wean scenario` arguments, give the
/// experiments' own numbers: the scenario bench and the experiment framework run one model the
/// same way.
@Suite struct ScenarioExperimentTests {
    static func target(_ experiment: String, _ id: String) throws -> Double {
        let result = try #require(ExperimentCatalogue.named(experiment)).run()
        return try #require(result.targets.first { $0.id == id }).model
    }

    static func expectSame(_ scenario: Double, _ experiment: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(scenario - experiment) <= 1e-5 * max(1, abs(experiment)), "\(what): scenario \(scenario), experiment \(experiment)",
                sourceLocation: sourceLocation)
    }

    /// Ferrini 2013: mouse, morphine 20 mg/kg i.p. daily for 9 days, von Frey just before each
    /// dose; microglial BDNF knockout.
    @Test func ferrini2013() throws {
        let daily = ("dose", "amount=20,unit=mg/kg,route=ip,every=24h,from=0d,to=9d")
        let times = "0h,191.99h"
        let wild = try ScenarioTests.scenario("mouse", end: "9d", times: times, readouts: "von_frey,tolerance", [daily]).run()
        let knockout = try ScenarioTests.scenario("mouse", end: "9d", times: times, readouts: "von_frey,tolerance", [daily, ("knockout", "bdnf")]).run()
        let vonFrey = try #require(wild.column(.vonFrey)), vonFreyKnockout = try #require(knockout.column(.vonFrey))
        Self.expectSame(1 - vonFrey[1] / vonFrey[0], try Self.target("ferrini2013-bdnf-knockout", "oih-in-wild-type"), "OIH in wild type")
        Self.expectSame(1 - vonFreyKnockout[1] / vonFrey[0], try Self.target("ferrini2013-bdnf-knockout", "no-oih-without-bdnf"), "OIH without BDNF")
        Self.expectSame(knockout.column(.tolerance)![1] / wild.column(.tolerance)![1],
                        try Self.target("ferrini2013-bdnf-knockout", "tolerance-intact-without-bdnf"), "tolerance ratio")
    }

    /// Hua 2016 prevention: rat, morphine 10 mg/kg s.c. daily for 28 days, 10⁶ IV cells a day
    /// before; %MPE 30 min after the day-28 dose against the day-1 dose without cells.
    @Test func hua2016Prevention() throws {
        let daily = ("dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=28d")
        let times = "30min,648.5h,647.99h"
        let vehicle = try ScenarioTests.scenario(end: "28d", times: times, readouts: "mpe,oih", [daily]).run()
        let cells = try ScenarioTests.scenario(end: "28d", times: times, readouts: "mpe,oih", [daily, ("msc", "route=iv,cells=1e6,at=-1d")]).run()
        // Times come out sorted: 0.5 h, 647.99 h, 648.5 h.
        Self.expectSame(cells.column(.mpe)![2] / vehicle.column(.mpe)![0], try Self.target("hua2016-msc-prevention", "iv-day-minus-1-prevents"), "effect kept with cells")
        Self.expectSame(vehicle.column(.mpe)![2] / vehicle.column(.mpe)![0], try Self.target("hua2016-msc-prevention", "vehicle-tolerant"), "effect kept without")
        Self.expectSame(cells.column(.oih)![1] / vehicle.column(.oih)![1], try Self.target("hua2016-msc-prevention", "iv-prevents-oih"), "OIH with cells")
    }

    /// Chen 2015: mouse CCI, 2.5×10⁵ intrathecal cells on day 4, TGF-β1 antibody (1000 × K_D) on
    /// day 14, read 3 h later.
    @Test func chen2015() throws {
        let injury = ("injury", "type=cci,at=0d")
        let cells = ("msc", "route=it,cells=2.5e5,at=4d")
        let run = { (items: [(String, String)]) throws -> [Double] in
            try #require(try ScenarioTests.scenario("mouse", end: "21d", times: "4d,21d,339h", readouts: "oih", items).run().column(.oih))
        }
        // Times come out sorted: 96 h, 339 h, 504 h.
        let untreated = try run([injury]), treated = try run([injury, cells])
        let neutralised = try run([injury, cells, ("treatment", "name=anti-tgfb1,dose=\(Experiment.chen2015AntibodyLevel),at=14d")])
        #expect(Experiment.chen2015HoursToReading == 3)
        Self.expectSame(untreated[0], try Self.target("chen2015-it-bmsc-nerve-injury", "cci-allodynia"), "allodynia day 4")
        Self.expectSame(1 - treated[2] / untreated[2], try Self.target("chen2015-it-bmsc-nerve-injury", "relief-at-3-weeks"), "relief day 21")
        Self.expectSame(1 - neutralised[1] / untreated[1], try Self.target("chen2015-it-bmsc-nerve-injury", "anti-tgfb1-removes-relief"), "relief after antibody")
    }

    /// Ekblom 1993: rat, IV morphine 4.2 µmol/h (1.198 mg/h) for 4 days; %MPE every 15 min.
    @Test func ekblom1993() throws {
        let rate = 4.2 * 285.34e-3
        let result = try ScenarioTests.scenario(end: "288h", every: "15min", readouts: "mpe",
                                                [("infusion", "rate=\(rate),unit=mg/h,route=iv,from=0h,to=96h")]).run()
        let mpe = try #require(result.column(.mpe))
        #expect(result.times.first == 0 && result.times.last == 288)
        func at(_ t: Double) -> Double { mpe[result.times.firstIndex { $0 >= t }!] }
        Self.expectSame(at(72), try Self.target("ekblom1993-infusion", "no-antinociception-day3-high"), "day-3 %MPE")
        let rebound = zip(result.times, mpe).filter { $0.0 > 96 }.map(\.1).min()!
        Self.expectSame(rebound, try Self.target("ekblom1993-infusion", "rebound-after-infusion"), "rebound")
    }

    /// Chu 2006: a patient on oral morphine 30 mg every 12 h for a month; OIH and tolerance at
    /// 720 h, as the morning dose of day 31 is taken (it has not yet acted).
    @Test func chu2006() throws {
        let result = try ScenarioTests.scenario("human", end: "31d", times: "30d", readouts: "oih,tolerance",
                                                [("dose", "amount=30,unit=mg,route=oral,every=12h,from=0d,to=31d")]).run()
        Self.expectSame(result.column(.oih)![0], try Self.target("chu2006-human-oih", "hyperalgesic-by-one-month"), "OIH")
        Self.expectSame(result.column(.tolerance)![0], try Self.target("chu2006-human-oih", "tolerant-by-one-month"), "tolerance")
    }

    /// Leow 1992: oral oxycodone 10 mg every 4 h for 3 days; the mean concentration over 64–68 h.
    @Test func leow1992SteadyState() throws {
        let result = try ScenarioTests.scenario("human", opioid: "oxycodone", weight: "70", end: "3d", every: "5min", readouts: "cp",
                                                [("dose", "amount=10,unit=mg,route=oral,every=4h,from=0h,to=72h")]).run()
        let average = PKSummaryWindow.average(result.times, result.column(.plasmaConcentration)!, over: 64...68)
        Self.expectSame(average, try Self.target("leow1992-oxycodone-pk", "steady-state-concentration"), "Css")
    }
}
