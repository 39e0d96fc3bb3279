import ArgumentParser
import Foundation
import Testing
@testable import Benchmarks
@testable import WeanCLI

/// `wean bench reference-job` on a few subjects without peers: both paths run on one thread and
/// all cores, agree with each other, and the report says how the times were taken. (Timings are
/// never asserted; the benchmark prints them.)
@Suite struct ReferenceJobBenchmarkTests {
    static let folder = ModelCommandTests.root.appendingPathComponent("benchmarks/reference-job")

    @Test func reportRunsBothPathsAndTheyAgree() throws {
        let report = try ReferenceJobBenchmark.run(folder: Self.folder, subjectLimit: 3, peers: false, repeats: 2) { _ in }
        #expect(report.contains("3 subjects × 57 doses"))
        #expect(report.contains("the fastest of 2 runs"))
        #expect(report.contains("ODE (native pk2cmt, auto)"))
        #expect(report.contains("analytic (2-cmt template)"))
        let line = try #require(report.split(separator: "\n").first { $0.contains("largest relative difference") })
        let difference = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(difference < 1e-6, "ODE and analytic paths differ by \(difference)")
    }

    /// The ODE path's concentrations, written through the output sink, are the analytic path's to
    /// the solver's tolerance for every output of every subject run.
    @Test func odePathMatchesTheClosedForm() throws {
        let subjects = Array(try ReferenceJobBenchmark.subjects(from: Self.folder.appendingPathComponent("subjects.csv")).prefix(2))
        let ode = try ReferenceJobBenchmark.run(subjects, method: .auto, threads: 2)
        let exact = try ReferenceJobBenchmark.runAnalytic(subjects, threads: 1)
        #expect(ode.values.count == exact.values.count)
        #expect(ode.values.count == 2 * 1345)
        for (a, b) in zip(ode.values, exact.values) where abs(b) > 1e-9 {
            #expect(abs(a - b) <= 1e-6 * abs(b))
        }
        #expect(ode.work.steps > 1000)
    }

    @Test func badRepeatsAndSubjectsAreRefused() {
        #expect(throws: (any Error).self) { try BenchReferenceJobCommand.parse(["--repeats", "0"]) }
        #expect(throws: (any Error).self) { try BenchReferenceJobCommand.parse(["--subjects", "0"]) }
    }
}
