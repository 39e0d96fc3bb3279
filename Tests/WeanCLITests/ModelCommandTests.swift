import ArgumentParser
import Foundation
import Testing
@testable import WeanCLI

/// `wean check` and `wean simulate`, run in process on the example models.
@Suite struct ModelCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name).wean").path }

    @Test func checkListsStatesParametersAndOutputs() throws {
        let text = try CheckCommand.parse([Self.example("one_compartment_oral")]).output()
        #expect(text.contains("states (2): depot, central"))
        #expect(text.contains("KA = 1.2  [1/h]"))
        #expect(text.contains("outputs (3): depot, central, Cp"))
        #expect(text.contains("dosing modifiers: f(depot)"))
        #expect(text.hasSuffix(Notice.text + "\n"))
        let json = try CheckCommand.parse([Self.example("one_compartment_oral"), "--format", "json"]).output()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["notice"] as? String == Notice.text)
        #expect(object?["states"] as? [String] == ["depot", "central"])
    }

    @Test func checkRejectsABrokenModel() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).wean")
        try "d/dt(x) = -k * x\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ExitCode.failure) { _ = try CheckCommand.parse([file.path]).output() }
        #expect(throws: (any Error).self) { _ = try CheckCommand.parse(["/nonexistent/model.wean"]).output() }
    }

    /// CSV per DESIGN.md §3: a `# ` notice line, the header `time,<states>,<assigned>`, shortest
    /// round-trip numbers; the values match the closed form.
    @Test func simulateCSV() throws {
        let text = try SimulateCommand.parse([
            Self.example("one_compartment_iv"), "--end", "24", "--step", "6", "--dose", "time=0,amt=100,cmt=central",
            "--rtol", "1e-10", "--atol", "1e-12",
        ]).output()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# " + Notice.text)
        #expect(lines[1] == "time,central,Cp")
        #expect(lines.count == 7)
        #expect(lines[2] == "0,100,2")
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: ",").compactMap { Double($0) }
            let exact = 100 * exp(-0.1 * fields[0])
            #expect(abs(fields[1] - exact) / exact < 1e-8)
        }
    }

    @Test func simulateOptions() throws {
        let json = try SimulateCommand.parse([
            Self.example("two_compartment_oral"), "--times", "1,2,30", "--param", "KA=2", "--outputs", "Cp",
            "--dose", "amt=100,ii=24,addl=1", "--solver", "rodas5", "--format", "json",
        ]).output()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["columns"] as? [String] == ["time", "Cp"])
        #expect((object?["rows"] as? [[Double]])?.map { $0[0] } == [1, 2, 30])
        let table = try SimulateCommand.parse([Self.example("vdpol"), "--end", "10", "--format", "table"]).output()
        #expect(table.hasSuffix(Notice.text + "\n"))
    }

    @Test func simulateRejectsBadArguments() throws {
        let model = Self.example("one_compartment_oral")
        let bad: [[String]] = [
            [model],
            [model, "--end", "-1"],
            [model, "--end", "10", "--times", "1,2"],
            [model, "--times", "2,1"],
            [model, "--end", "10", "--param", "KAA=1"],
            [model, "--end", "10", "--param", "KA"],
            [model, "--end", "10", "--outputs", "Cpp"],
            [model, "--end", "10", "--dose", "amt=abc"],
            [model, "--end", "10", "--solver", "rk4"],
            [model, "--end", "10", "--rtol", "0", "--atol", "0"],
        ]
        for arguments in bad {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try SimulateCommand.parse(arguments).output() }
        }
        #expect(throws: ExitCode.failure) {
            _ = try SimulateCommand.parse([model, "--end", "10", "--dose", "amt=1,cmt=nowhere"]).output()
        }
    }

    @Test func shortestNumbers() {
        #expect(shortest(1) == "1")
        #expect(shortest(0.25) == "0.25")
        #expect(shortest(-3) == "-3")
        #expect(shortest(1e-5) == "1e-05")
        #expect(Double(shortest(0.1 + 0.2)) == 0.1 + 0.2)
        #expect(shortest(.nan) == "NaN")
    }
}

/// `wean simulate --events`: rows `id,time,evid,dv,<outputs>` for every record, and `--summary`.
@Suite struct EventsCommandTests {
    static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func rowsForEveryRecord() throws {
        let data = try Self.write("ID,TIME,AMT,CMT,DV\n1,0,100,central,.\n1,10,.,central,0.73\n2,0,50,1,.\n2,10,.,1,.\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let text = try SimulateCommand.parse([ModelCommandTests.example("one_compartment_iv"), "--events", data, "--rtol", "1e-10", "--atol", "1e-12"]).output()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# " + Notice.text)
        #expect(lines[1] == "id,time,evid,dv,central,Cp")
        #expect(lines[2] == "1,0,1,.,100,2")
        let second = lines[3].split(separator: ",").map(String.init)
        #expect(second[0] == "1" && second[2] == "0" && second[3] == "0.73")
        #expect(abs(Double(second[4])! - 100 * exp(-1)) < 1e-8)
        #expect(lines.count == 6)
    }

    @Test func summaryAndErrors() throws {
        let data = try Self.write("ID,TIME,AMT\n1,0,100\n1,5,.\n1,10,.\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let text = try SimulateCommand.parse([ModelCommandTests.example("one_compartment_iv"), "--events", data, "--summary", "central", "--step", "1", "--end", "10"]).output()
        let row = text.split(separator: "\n")[2].split(separator: ",").map(String.init)
        #expect(row[0] == "1" && row[1] == "100" && row[2] == "0")
        let exact = 100 / 0.1 * (1 - exp(-1.0))
        #expect(abs(Double(row[3])! - exact) / exact < 1e-4, "AUC over 0–10 from hourly points")
        let bad = try Self.write("ID,TIME,AMT\n1,0,-1\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect(throws: ExitCode.failure) { _ = try SimulateCommand.parse([ModelCommandTests.example("one_compartment_iv"), "--events", bad]).output() }
        #expect(throws: (any Error).self) {
            _ = try SimulateCommand.parse([ModelCommandTests.example("one_compartment_iv"), "--events", data, "--covariates", "sideways"]).output()
        }
    }
}
