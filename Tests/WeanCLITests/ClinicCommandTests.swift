import ArgumentParser
import Foundation
import Simulation
import Testing
@testable import WeanCLI

/// `wean mme`, `wean risk` and `wean cows` in process: the documented JSON forms, the notice
/// conventions, and bad input as errors.
@Suite struct ClinicCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func mmeDispensedJSON() throws {
        let object = try json(try MMECommand.parse(["--drug", "oxycodone", "--strength", "10", "--unit", "mg", "--quantity", "120", "--days", "30", "--format", "json"]).output())
        #expect(object["mmePerDay"] as? Double == 60)
        #expect(object["table"] as? String == "cdc2022")
        #expect(object["notice"] as? String == Notice.text)
        #expect((object["flags"] as? [[String: Any]])?.count == 1)
        let cms = try json(try MMECommand.parse(["--drug", "oxycodone", "--strength", "10", "--unit", "mg", "--quantity", "120", "--days", "30", "--table", "cms", "--format", "json"]).output())
        #expect(cms["table"] as? String == "cms")
    }

    @Test func mmePatchRateAndForms() throws {
        let patch = try json(try MMECommand.parse(["--drug", "fentanyl", "--form", "patch", "--strength", "25", "--unit", "mcg/h", "--format", "json"]).output())
        #expect(patch["mmePerDay"] as? Double == 60)
        let hydromorphone2016 = try json(try MMECommand.parse(["--drug", "hydromorphone", "--strength", "2", "--frequency", "qid", "--table", "cdc2016", "--format", "json"]).output())
        #expect(hydromorphone2016["mmePerDay"] as? Double == 32)
        let concurrent = try json(try MMECommand.parse([
            "--rx", "drug=hydrocodone,strength=5,unit=mg,frequency=qid", "--rx", "drug=oxycodone,form=er-tablet,strength=10,frequency=bid", "--format", "json",
        ]).output())
        #expect(concurrent["mmePerDay"] as? Double == 50)
        #expect((concurrent["prescriptions"] as? [Any])?.count == 2)
    }

    @Test func mmeCSVAndTable() throws {
        let csv = try MMECommand.parse(["--drug", "tramadol", "--strength", "50", "--quantity", "120", "--days", "30", "--format", "csv"]).output()
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# " + Notice.text)
        #expect(lines[1].hasPrefix("table,drug,"))
        #expect(lines.last == "cdc2022,total,,,,,,,,40,")
        let table = try MMECommand.parse(["--drug", "buprenorphine", "--strength", "8", "--unit", "mg", "--frequency", "bid"]).output()
        #expect(table.contains("excluded: buprenorphine for opioid use disorder"))
        #expect(table.hasSuffix(Notice.text + "\n"))
    }

    @Test(arguments: [
        (["--drug", "oxycodon", "--strength", "10", "--unit", "mg", "--quantity", "1", "--days", "2"], "did you mean 'oxycodone'"),
        (["--drug", "oxycodone", "--strength", "10", "--unit", "mcg/h"], "unit mismatch"),
        (["--drug", "oxycodone", "--form", "ir-tablet", "--strength", "10", "--unit", "mcg/h"], "unit mismatch"),
        (["--drug", "oxycodone", "--strength", "10", "--unit", "mg", "--quantity", "0", "--days", "2"], "quantity"),
        (["--drug", "oxycodone", "--strength", "10", "--unit", "mg", "--quantity", "10", "--days", "-2"], "days"),
        (["--drug", "oxycodone", "--strength", "10", "--unit", "mg", "--quantity", "10"], "--days"),
        (["--drug", "oxycodone", "--strength", "10", "--unit", "grains", "--quantity", "10", "--days", "1"], "unknown unit"),
        (["--drug", "meperidine", "--strength", "50", "--frequency", "q4h"], "--table"),
        (["--drug", "oxycodone", "--strength", "10", "--table", "cdc2019", "--frequency", "bid"], "unknown table"),
        ([], "give a prescription"),
    ])
    func mmeBadInput(arguments: [String], expected: String) throws {
        do {
            let text = try MMECommand.parse(arguments).output()
            Issue.record("no error; printed \(text)")
        } catch let error as ValidationError {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func riskJSON() throws {
        let object = try json(try RiskCommand.parse(["--episode-days", "8", "--format", "json"]).output())
        #expect(object["oneYearProbability"] as? Double == 0.135)
        #expect((object["source"] as? String)?.contains("MMWR 2017") == true)
        let beyond = try json(try RiskCommand.parse(["--episode-days", "400", "--format", "json"]).output())
        #expect(beyond["oneYearProbability"] as? Double == 0.299)
        #expect(throws: ValidationError.self) { _ = try RiskCommand.parse(["--episode-days", "0"]).output() }
        #expect(throws: ValidationError.self) { _ = try RiskCommand.parse(["--episode-days", "-4"]).output() }
        #expect(try RiskCommand.parse(["--episode-days", "5"]).output().contains("interpolated"))
    }

    @Test func cowsCommand() throws {
        let all = ["--sweating", "1", "--restlessness", "1", "--pupil-size", "1", "--bone-joint-aches", "1", "--runny-nose-tearing", "1",
                   "--gi-upset", "2", "--tremor", "1", "--yawning", "1", "--anxiety-irritability", "1", "--gooseflesh", "3"]
        let object = try json(try COWSCommand.parse(all + ["--pulse-bpm", "104", "--format", "json"]).output())
        #expect(object["total"] as? Int == 15)
        #expect(object["band"] as? String == "moderate")
        #expect(throws: ValidationError.self) { _ = try COWSCommand.parse(all).output() }  // pulse missing
        #expect(throws: ValidationError.self) { _ = try COWSCommand.parse(all + ["--resting-pulse", "3"]).output() }
    }

    @Test func painCommand() throws {
        let nrs = try json(try PainCommand.parse(["--baseline", "8", "--follow-up", "6", "--format", "json"]).output())
        #expect(nrs["meaningfulImprovement"] as? Bool == true)
        #expect(nrs["changePoints"] as? Double == -2)
        let peg = try json(try PainCommand.parse(["--scale", "peg", "--baseline", "7,6,8", "--follow-up", "5,5,6", "--format", "json"]).output())
        #expect(peg["meaningfulImprovement"] as? Bool == false)
        #expect(throws: ValidationError.self) { _ = try PainCommand.parse(["--baseline", "11", "--follow-up", "6"]).output() }
        #expect(throws: ValidationError.self) { _ = try PainCommand.parse(["--scale", "peg", "--baseline", "7,6", "--follow-up", "5,5,6"]).output() }
    }

    @Test func taperCommand() throws {
        let object = try json(try TaperCommand.parse([
            "--drug", "morphine", "--form", "er-tablet", "--dose", "90 mg q8h", "--speed", "va-faster", "--start", "2027-01-04", "--format", "json",
        ]).output())
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.map { $0["mmePerDay"] as? Double } == [225, 180, 135, 90, 45, 30, 15, 0])
        #expect(steps.map { $0["start"] as? String } == ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"])
        #expect(steps[5]["doses"] as? String == "15 mg q12h")
        #expect(object["notice"] as? String == Notice.text)
        let csv = try TaperCommand.parse(["--drug", "fentanyl", "--form", "patch", "--dose", "75 mcg/h", "--speed", "va-slower", "--start", "2027-12-30", "--format", "csv"]).output()
        #expect(csv.hasPrefix("# " + Notice.text + "\n"))
        #expect(csv.contains("2028-01-27"))  // 28 days after 2027-12-30
        let html = try TaperCommand.parse(["--drug", "morphine", "--form", "er-tablet", "--dose", "90 mg q8h", "--speed", "va-rapid", "--format", "html"]).output()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg") && html.contains("<polyline"))
        #expect(html.contains(Notice.text))
        #expect(html.components(separatedBy: "<tr>").count - 2 == 7)  // header + 7 steps
    }

    @Test(arguments: [
        (["--dose", "90 mg q8h", "--speed", "va-fastest"], "unknown taper speed"),
        (["--dose", "90 mg q8h", "--speed", "va-faster", "--target", "400"], "not below"),
        (["--dose", "90 mg q8h", "--speed", "va-faster", "--start", "2027-02-30"], "YYYY-MM-DD"),
        (["--dose", "90 mg q8h", "--speed", "va-faster", "--start", "next monday"], "YYYY-MM-DD"),
        (["--dose", "ninety", "--speed", "va-faster"], "--dose"),
        (["--dose", "90 mcg/h", "--speed", "va-faster"], "unit mismatch"),
        (["--dose", "90 mg q8h", "--speed", "va-faster", "--pause", "three"], "STEP:DAYS"),
        (["--dose", "90 mg q8h", "--speed", "va-faster", "--rotate-to", "oxycodone", "--cross-tolerance-reduction", "0.9"], "0.25 and 0.5"),
    ])
    func taperBadInput(arguments: [String], expected: String) throws {
        do {
            _ = try TaperCommand.parse(["--drug", "morphine", "--form", "er-tablet"] + arguments).output()
            Issue.record("no error")
        } catch let error as ValidationError {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    /// Random argument vectors drawn from valid and invalid values: every one either prints a
    /// result whose JSON parses with a finite, non-negative total, or throws; none crashes.
    @Test func randomArgumentsNeverCrash() throws {
        var generator = SplitMix64(seed: 12)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let vocabulary: [(String, [String])] = [
            ("--drug", ["oxycodone", "morphine", "fentanyl", "methadone", "buprenorphine", "tramadol", "codeine", "oxycodon", "", "hydromorphone", "tapentadol", "meperidine", "Morphine Sulfate"]),
            ("--form", ["patch", "ir-tablet", "er-tablet", "solution", "buccal", "tablet", "nasal-spray", "pill", "concentrate"]),
            ("--strength", ["10", "0", "-5", "1e308", "nan", "inf", "2.5", "12", "abc", "1e-300"]),
            ("--unit", ["mg", "mcg", "mcg/h", "mg/mL", "grains", "MCG/HR"]),
            ("--quantity", ["120", "0", "-1", "1e308", "nan", "0.5"]),
            ("--days", ["30", "0", "-2", "1e-308", "inf", "7"]),
            ("--frequency", ["qid", "q6h", "q0h", "every 8 h", "3/day", "sometimes", "q1e-320h"]),
            ("--units-per-dose", ["1", "2", "0", "-1", "nan"]),
            ("--table", ["cdc2022", "cdc2016", "cms", "cms2014", "who"]),
            ("--rx", ["drug=oxycodone,strength=10,unit=mg,quantity=60,days=30", "drug=methadone,strength=5,frequency=tid", "strength=x", "drug", "drug=fentanyl,strength=25,unit=mcg/h"]),
            ("--indication", ["pain", "oud", "cough"]),
        ]
        for _ in 0..<2000 {
            var arguments = ["--format", "json"]
            for (option, values) in vocabulary where generator.next() % 3 != 0 {
                arguments += [option, pick(values)]
            }
            let command: MMECommand
            do { command = try MMECommand.parse(arguments) } catch { continue }
            do {
                let object = try json(try command.output())
                let total = try #require(object["mmePerDay"] as? Double, "\(arguments)")
                #expect(total.isFinite && total >= 0, "\(arguments)")
            } catch is ValidationError {
            }
        }
    }

    /// Random `wean taper` arguments: a calendar whose MME never rises and ends in a stop or a
    /// maintained target, or a clear error; never a crash or a hang.
    @Test func randomTaperArgumentsNeverCrash() throws {
        var generator = SplitMix64(seed: 7)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let drugs = [("morphine", "er-tablet"), ("morphine", "ir-tablet"), ("oxycodone", "ir-tablet"), ("hydromorphone", "ir-tablet"),
                     ("fentanyl", "patch"), ("methadone", "ir-tablet"), ("tapentadol", "er-tablet"), ("morphin", "er-tablet"), ("oxycodone", "patch")]
        let doses = ["90 mg q8h", "30 mg qid", "60 mg bid", "8 mg q6h", "100 mcg/h", "25 mcg/h", "20 mg tid", "7 mg q8h", "1e9 mg q8h", "0 mg bid", "15 mg q5h", "-5 mg bid", "2.5 mg q4h", "200 mg daily"]
        let speeds = ["cdc-weekly", "cdc-monthly", "hhs", "va-slowest", "va-slower", "va-faster", "va-rapid", "fast"]
        for _ in 0..<300 {
            let (drug, form) = pick(drugs)
            var arguments = ["--drug", drug, "--form", form, "--dose", pick(doses), "--speed", pick(speeds), "--start", "2027-03-01", "--format", "json"]
            if generator.next() % 4 == 0 { arguments += ["--target", pick(["0", "30", "90", "-1", "1e6", "nan"])] }
            if generator.next() % 5 == 0 { arguments += ["--rotate-to", pick(["oxycodone", "hydromorphone", "fentanyl", "methadone"]), "--cross-tolerance-reduction", pick(["0.25", "0.5", "0.3"])] }
            let command: TaperCommand
            do { command = try TaperCommand.parse(arguments) } catch { Issue.record("\(arguments) did not parse: \(error)"); continue }
            do {
                let object = try json(try command.output())
                let steps = try #require(object["steps"] as? [[String: Any]], "\(arguments)")
                let mme = steps.compactMap { $0["mmePerDay"] as? Double }
                #expect(mme.count == steps.count && mme.allSatisfy { $0.isFinite && $0 >= 0 }, "\(arguments)")
                #expect(zip(mme, mme.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }, "\(arguments)")
                #expect(["stop", "maintain"].contains(steps.last?["kind"] as? String ?? ""), "\(arguments)")
            } catch is ValidationError {
            }
        }
    }
}
