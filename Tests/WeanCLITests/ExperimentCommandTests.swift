import ArgumentParser
import Foundation
import Pharmacology
import Simulation
import Testing
@testable import WeanCLI

/// `wean experiment list` and `wean experiment NAME` in process: the listing's form, the JSON
/// fields, exit codes, the plot, and the MME factors shared with `wean mme`.
@Suite struct ExperimentCommandTests {
    @Test func listPrintsOneExperimentPerLine() throws {
        let lines = ExperimentListCommand.listing().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == ExperimentCatalogue.all.count)
        for (line, experiment) in zip(lines, ExperimentCatalogue.all) {
            #expect(line == "\(experiment.name)  \(experiment.description)")
        }
        _ = try WeanCommand.parseAsRoot(["experiment", "list"])
    }

    /// `list --results` counts each experiment's passing targets by kind, as running it does, and
    /// totals them; an experiment without targets of a kind shows a dash.
    @Test func resultsCountEachExperimentsTargetsByKind() throws {
        let names = ["nilsson1982-methadone-pk", "fudala1990-buprenorphine-withdrawal", "hua2016-msc-reversal"]
        let experiments = try names.map { try #require(ExperimentCatalogue.named($0)) }
        let lines = ExperimentListCommand.scoreboard(experiments).split(separator: "\n").map(String.init)
        func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }
        func cell(_ targets: [ExperimentTarget]) -> [String] {
            targets.isEmpty ? ["—"] : ["\(targets.filter(\.pass).count)", "/", "\(targets.count)"]
        }
        var passing = [0, 0], counts = [0, 0]
        for experiment in experiments {
            let targets = try experiment.run().targets
            let byKind = [targets.filter { $0.kind == .calibration }, targets.filter { $0.kind == .validation }]
            let line = try #require(lines.first { words($0).first == experiment.name })
            #expect(words(line) == [experiment.name] + cell(byKind[0]) + cell(byKind[1]))
            for kind in 0..<2 {
                passing[kind] += byKind[kind].filter(\.pass).count
                counts[kind] += byKind[kind].count
            }
        }
        let total = try #require(lines.first { $0.contains("total (3 experiments)") })
        #expect(Array(words(total).suffix(6)) == ["\(passing[0])", "/", "\(counts[0])", "\(passing[1])", "/", "\(counts[1])"])
        #expect(lines.contains { words($0).contains("—") }, "the PK experiment has no validation targets")
        #expect(lines.last == Notice.text)
        let command = try #require(try WeanCommand.parseAsRoot(["experiment", "list", "--results"]) as? ExperimentListCommand)
        #expect(command.results)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let command = try #require(try WeanCommand.parseAsRoot(["experiment", "stuartharris2000-morphine-pk", "--format", "json"]) as? ExperimentRunCommand)
        let (text, pass) = try command.output()
        #expect(pass)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "stuartharris2000-morphine-pk")
        #expect(object["pass"] as? Bool == true)
        #expect(object["notice"] as? String == Notice.text)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(!targets.isEmpty)
        for target in targets {
            for key in ["id", "kind", "description", "observed", "model", "tolerance", "pass"] { #expect(target[key] != nil, "missing \(key)") }
            #expect(["calibration", "validation"].contains(target["kind"] as? String ?? ""))
        }
    }

    /// Exit 0 when every target passes, 1 when one fails (an experiment with a known shortfall,
    /// docs/model.md).
    @Test func exitCodes() throws {
        var passing = try WeanCommand.parseAsRoot(["experiment", "ekblom1993-morphine-clearance"])
        try passing.run()
        let failingName = try #require(try ExperimentCatalogue.all.first { !(try $0.run()).pass }?.name, "no shipped experiment fails a target")
        var failing = try WeanCommand.parseAsRoot(["experiment", failingName])
        #expect(throws: ExitCode(1)) { try failing.run() }
        let table = try ExperimentRunCommand.parse([failingName]).output().0
        #expect(table.contains("FAIL") && table.hasSuffix(Notice.text + "\n"))
    }

    @Test func unknownNameSuggestsTheClosest() throws {
        do {
            _ = try ExperimentRunCommand.parse(["ekblom1993-morphine-clearence"]).output()
            Issue.record("an unknown experiment must be refused")
        } catch {
            #expect("\(error)".contains("ekblom1993-morphine-clearance"))
        }
        #expect(throws: (any Error).self) { _ = try WeanCommand.parseAsRoot(["experiment", "lintz1998-tramadol-pk", "--format", "csv"]) }
    }

    /// Random argument lists never crash the command: they parse and run, or fail with an error.
    @Test func randomArgumentsNeverCrash() {
        var generator = SplitMix64(seed: 20261125)
        // Plots only ever go to /dev/null or the temporary directory: a bare --plot would write its
        // next argument as a file into the working directory.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wean-random-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let pieces = ["list", "run", "--format", "json", "table", "csv", "", "x", "ekblom1993", "stuartharris2000-morphine-pk",
                      "morgan2006-tail-withdrawal-ed50", "--", "-", "--format=json", "NaN", "\u{0}", "ütf", "--plot=/dev/null", "--plot=\(scratch)"]
        for _ in 0..<300 {
            let count = Int(generator.next() % 4)
            let arguments = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            do {
                let command = try WeanCommand.parseAsRoot(["experiment"] + arguments)
                if let run = command as? ExperimentRunCommand { _ = try run.output() }
            } catch {
                #expect(!"\(error)".isEmpty)
            }
        }
    }

    @Test func plotIsAnSVGFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wean-experiment-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try ExperimentRunCommand.parse(["lintz1998-tramadol-pk", "--plot", path]).output()
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("Lintz") && svg.contains(Notice.text))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(throws: (any Error).self) { _ = try ExperimentRunCommand.parse(["lintz1998-tramadol-pk", "--plot", "/nonexistent-dir/x.svg"]).output() }
    }

    /// Pharmacology's MME factors are the Clinic's CDC 2022 ones.
    @Test(arguments: [Opioid.morphine, .oxycodone, .hydromorphone, .hydrocodone, .methadone, .tramadol, .tapentadol])
    func mmeFactorsAgreeWithTheClinic(opioid: Opioid) throws {
        let factor = try #require(MorphineEquivalence.factor(opioid, route: .oral))
        let text = try MMECommand.parse(["--drug", opioid.rawValue, "--strength", "10", "--unit", "mg", "--frequency", "qd", "--format", "json"]).output()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let clinic = try #require(object["mmePerDay"] as? Double)
        #expect(abs(clinic - 10 * factor) < 1e-9, "\(opioid): clinic \(clinic), pharmacology \(10 * factor)")
    }

    @Test func fentanylPatchFactorAgreesWithTheClinic() throws {
        let text = try MMECommand.parse(["--drug", "fentanyl", "--form", "patch", "--strength", "25", "--unit", "mcg/h", "--format", "json"]).output()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["mmePerDay"] as? Double == 25 * MorphineEquivalence.factor(.fentanyl, route: .transdermal)!)
    }
}

/// `wean experiment calibrate` in process, on one fast experiment.
@Suite struct ExperimentCalibrateCommandTests {
    @Test func jsonHasTheStampTheParametersAndValidationApart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wean-fit-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try WeanCommand.parseAsRoot(["experiment", "calibrate", "--species", "rat", "--parameters", "CL_KG",
                                                                "--experiments", "ekblom1993-morphine-clearance", "--evaluations", "30",
                                                                "--format", "json", "--output", path, "--report", path + ".html",
                                                                "--profile", "CL_KG", "--profile-points", "5", "--profile-evaluations", "1"])
                                   as? ExperimentCalibrateCommand)
        defer { try? FileManager.default.removeItem(atPath: path + ".html") }
        let text = try command.output()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["notice"] as? String == Notice.text)
        let stamp = try #require(object["stamp"] as? [String: Any])
        for key in ["date", "objective", "shippedObjective", "targetObjective", "priorPenalty", "method", "evaluations", "converged", "targets", "experiments"] {
            #expect(stamp[key] != nil, "stamp lacks \(key)")
        }
        #expect(stamp["method"] as? String == "lm")
        #expect((stamp["objective"] as? Double ?? .infinity) <= (stamp["shippedObjective"] as? Double ?? 0))
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(parameters.count == 1 && parameters[0]["name"] as? String == "CL_KG")
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        #expect(profiles.count == 1 && profiles[0]["parameter"] as? String == "CL_KG")
        #expect(((profiles[0]["points"] as? [[String: Any]])?.count ?? 0) >= 5)
        #expect(["determined", "bounded", "undetermined"].contains(parameters[0]["verdict"] as? String ?? ""))
        let calibration = try #require(object["calibration"] as? [[String: Any]])
        #expect(!calibration.isEmpty)
        #expect(object["validation"] is [[String: Any]])
        #expect((object["fixedByAssumption"] as? [[String: Any]])?.isEmpty == false)
        let html = try String(contentsOfFile: path + ".html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains(Notice.text))
        #expect(html.contains("Validation targets (never in the objective)") && html.contains("CL_KG"))
        #expect(html.contains("Profile likelihood of CL_KG") && html.contains("minimum + 3.84 (95 %)"))
    }

    @Test func badOptionsAreNamed() throws {
        for (arguments, fragment) in [(["--species", "rat", "--parameters", "CL_KGG"], "--parameters"), (["--experiments", "morgan2006"], "--experiments"),
                                      (["--species", "dog"], "--species"), (["--starts", "0"], "--starts"),
                                      (["--parameters", "EC50 (mose)"], "Did you mean 'EC50 (mouse)'"), (["--method", "bfgs"], "--method"),
                                      (["--prior-width", "1"], "--prior-width"), (["--prior-width", "wide"], "--prior-width"),
                                      (["--parameters", ""], "--parameters"), (["--parameters", "(human)"], "a parameter name is needed"),
                                      (["--fit-validation", "cox1975-tolerance-offset"], "is not experiment/target"),
                                      (["--fit-validation", "cox1975-tolerance-offset/independent-of-regimn"], "Did you mean 'independent-of-regimen'"),
                                      (["--fit-validation", "kolb1938-morphine-abstinence/peak-36-72h"], "already a calibration target"),
                                      (["--fit-validation", "cox1975-tolerance-offset/rat-slow-phase-half-time"], "already a calibration target"),
                                      (["--fit-validation", "cox1975-tolerance-offset/independent-of-regimen", "--write-models", "/nonexistent"],
                                       "drop --write-models")] {
            let command = try #require(try WeanCommand.parseAsRoot(["experiment", "calibrate", "--evaluations", "0", "--no-identifiability"] + arguments)
                                       as? ExperimentCalibrateCommand)
            #expect {
                _ = try command.output()
            } throws: { error in
                "\(error)".contains(fragment)
            }
        }
    }

    /// The whole suite's free parameters by label, the prior's part reported apart, and the
    /// Nelder–Mead alternative.
    @Test func everySpeciesAtOnceWithLabelsAndThePrior() throws {
        let command = try #require(try WeanCommand.parseAsRoot(["experiment", "calibrate", "--parameters", "EC50 (mouse),GAIN_OIH",
                                                                "--experiments", "ferrini2013-bdnf-knockout", "--method", "nelder-mead",
                                                                "--evaluations", "8", "--no-identifiability", "--format", "json"])
                                   as? ExperimentCalibrateCommand)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try command.output().utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["label"] as? String } == ["EC50 (mouse)", "GAIN_OIH"])
        #expect(parameters[0]["files"] as? [String] == ["morphine_mouse.wean"])
        #expect(parameters.allSatisfy { ($0["prior"] as? Double ?? 0) > 0 && ($0["priorSource"] as? String)?.isEmpty == false })
        let stamp = try #require(object["stamp"] as? [String: Any])
        #expect(stamp["method"] as? String == "nelder-mead" && stamp["priorWidth"] as? Double == 10)
        let total = try #require(stamp["objective"] as? Double), targets = try #require(stamp["targetObjective"] as? Double)
        let prior = try #require(stamp["priorPenalty"] as? Double)
        #expect(abs(total - targets - prior) <= 1e-9 * max(1, total) && prior >= 0)
        // The human EC50 is not free here, so it is listed as fixed; the mouse EC50 is not.
        let fixed = try #require(object["fixedByAssumption"] as? [[String: Any]])
        #expect(!fixed.contains { $0["file"] as? String == "morphine_mouse.wean" && $0["name"] as? String == "EC50" })
        #expect(fixed.contains { $0["file"] as? String == "morphine_human.wean" && $0["name"] as? String == "EC50" })
    }
}
