import ArgumentParser
import Foundation
import Pharmacology
import Testing
@testable import WeanCLI

/// `wean scenario` in process: the three formats, the JSON fields, running again from JSON, the
/// listings, the plot, and errors that name the option.
@Suite struct ScenarioCommandTests {
    static let rat = ["scenario", "--species", "rat", "--opioid", "morphine",
                      "--dose", "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=7d", "--msc", "route=iv,cells=1e6,at=-1d"]

    static func output(_ arguments: [String]) throws -> String {
        let command = try #require(try WeanCommand.parseAsRoot(arguments) as? ScenarioCommand)
        return try command.output()
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func csvHasTheNoticeThenTimeAndReadouts() throws {
        let text = try Self.output(Self.rat + ["--end", "2d", "--every", "12h", "--readouts", "mpe,tolerance,msc_cells", "--format", "csv"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# \(Notice.text)")
        #expect(lines[1] == "time_h,mpe,tolerance,msc_cells")
        #expect(lines[2].hasPrefix("-24,"))
        #expect(lines.count == 2 + 7)
        #expect(lines.last!.hasPrefix("48,"))
    }

    @Test func jsonHoldsTheScenarioTheTimeCourseAndTheDoseResponses() throws {
        let text = try Self.output(Self.rat + ["--end", "8d", "--every", "1d", "--format", "json",
                                               "--dose-response", "at=7d,doses=1,2,4,8,16,32,64,unit=mg/kg,route=sc",
                                               "--dose-response", "at=7d,doses=0.01,0.02,unit=mg/kg,route=sc"])
        let object = try Self.json(text)
        #expect(object["notice"] as? String == Notice.text)
        let scenario = try #require(object["scenario"] as? [String: Any])
        #expect(scenario["species"] as? String == "rat")
        let administrations = try #require(scenario["administrations"] as? [[String: Any]])
        #expect(administrations.first?["kind"] as? String == "repeated")
        #expect((administrations.first?["amount"] as? [String: Any])?["unit"] as? String == "mg/kg")
        let course = try #require(object["timeCourse"] as? [String: Any])
        #expect((course["time_h"] as? [Double])?.first == -24)
        #expect((course["mpe"] as? [Double])?.count == 10)
        let tests = try #require(object["doseResponse"] as? [[String: Any]])
        #expect(tests.count == 2)
        for key in ["atHours", "ed50", "ed50Naive", "ed50Ratio", "unit", "aboveRange"] { #expect(tests[0][key] != nil, "missing \(key)") }
        #expect(tests[0]["atHours"] as? Double == 168)
        #expect(tests[0]["unit"] as? String == "mg/kg")
        #expect((tests[0]["ed50Ratio"] as? Double ?? 0) > 1)
        #expect(tests[1]["ed50"] is NSNull)
        #expect(tests[1]["aboveRange"] as? Bool == true)
    }

    /// A run's JSON reproduces the run: `--from` on it prints the same JSON.
    @Test func aRunRepeatsFromItsOwnJSON() throws {
        let first = try Self.output(Self.rat + ["--end", "3d", "--times", "1h,1d,2d12h", "--format", "json", "--knockout", "bdnf",
                                                "--treatment", "name=il1ra,dose=0.5,from=1d,to=2d", "--injury", "type=cci,at=1d",
                                                "--dose-response", "at=2d,doses=2,4,8,unit=mg/kg,route=sc"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wean-scenario-\(UUID().uuidString).json").path
        try first.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.output(["scenario", "--from", path, "--format", "json"]) == first)
        #expect(throws: ValidationError.self) { try Self.output(["scenario", "--from", path, "--species", "rat"]) }
        try "{\"scenario\":{\"species\":\"rat\"}}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Self.output(["scenario", "--from", path])
        } throws: { error in
            "\(error)".contains("is missing")
        }
    }

    @Test func tableShowsUnitsAndTheNotice() throws {
        let text = try Self.output(Self.rat + ["--end", "1d", "--every", "6h", "--dose-response", "at=1d,doses=1,4,16,unit=mg/kg,route=sc"])
        #expect(text.contains("mpe (%)"))
        #expect(text.contains("tolerance (fold EC50)"))
        #expect(text.contains("Dose-response at 1d"))
        #expect(text.contains("ED50"))
        #expect(text.hasSuffix("\(Notice.text)\n"))
    }

    @Test func listingsNameReadoutsPerSpecies() throws {
        let rat = try Self.output(["scenario", "--species", "rat", "--list-readouts"])
        #expect(rat.contains("von_frey") && rat.contains("mpe") && !rat.contains("\ncows") && !rat.contains("  cows "))
        let human = try Self.output(["scenario", "--species", "human", "--list-readouts"])
        #expect(human.contains("cows") && human.contains("COWS 0-48") && !human.contains("tail_flick"))
        let opioids = try Self.output(["scenario", "--list-opioids"])
        #expect(opioids.contains("mechanistic") && !opioids.contains("PK-only"), "every library model carries the mechanism")
    }

    @Test func plotIsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wean-scenario-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.output(Self.rat + ["--end", "2d", "--plot", path, "--dose-response", "at=1d,doses=1,4,16,unit=mg/kg,route=sc"])
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(svg.contains("Dose-response at 1d"))
        #expect(svg.contains(Notice.text))
    }

    /// Each bad argument is an error whose message starts with the option.
    @Test(arguments: [
        (["--opioid", "morfine"], "--opioid"),
        (["--readouts", "cows"], "--readouts"),
        (["--knockout", "p2x4"], "--knockout"),
        (["--treatment", "name=ketamine,dose=1,from=0d,to=1d"], "--treatment"),
        (["--dose", "amount=1,unit=mg,route=oral_er,at=0h"], "--dose"),
        (["--patch", "strength=25,unit=mcg/h,from=0d,to=3d"], "--patch"),
        (["--infusion", "rate=1,unit=mg/h,route=iv,from=2d,to=1d"], "--infusion"),
        (["--every", "1"], "--every"),
    ])
    func badArgumentsAreNamed(_ extra: [String], _ option: String) throws {
        let opioid = extra.contains("--opioid") ? [] : ["--opioid", "morphine"]
        #expect {
            try Self.output(["scenario", "--species", "rat", "--end", "2d"] + opioid + extra)
        } throws: { error in
            "\(error)".hasPrefix(option)
        }
    }

    /// Every `wean scenario` command in docs/scenario.md parses and runs.
    @Test func documentedCommandsRun() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/scenario.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        var commands: [String] = [], current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line.hasPrefix("wean scenario") { current = "" }
            guard let sofar = current else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("\\") {
                current = sofar + trimmed.dropLast() + " "
            } else {
                commands.append(sofar + trimmed)
                current = nil
            }
        }
        #expect(commands.count >= 7)
        for command in commands {
            let words = Self.shellWords(command)
            #expect(words.first == "wean")
            _ = try Self.output(Array(words.dropFirst()))
        }
    }

    /// The drug-naive rat ED50 that docs/scenario.md quotes is the one the documented
    /// dose-response example computes (three significant figures), so a refit cannot leave it stale.
    @Test func documentedNaiveED50IsCurrent() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/scenario.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let output = try Self.output(["scenario", "--species", "rat", "--opioid", "morphine", "--end", "1h", "--format", "json",
                                      "--dose-response", "at=-1d,doses=0.5,1,2,4,8,16,32,64,unit=mg/kg,route=sc"])
        let tests = try #require(try Self.json(output)["doseResponse"] as? [[String: Any]])
        let naive = try #require(tests.first?["ed50Naive"] as? Double)
        let quoted = "ED50 read at each dose's peak is \(String(format: "%.3g", naive)) mg/kg s.c."
        let quotesIt = text.replacingOccurrences(of: "\n", with: " ").contains(quoted)
        #expect(quotesIt, "docs/scenario.md should say: \(quoted)")
    }

    /// Words of a shell command line: split on spaces outside double quotes, quotes removed.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " ", !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }
}
