import Dosing
import Foundation
import ModelLanguage
import ModelLibrary
import Simulation
import Solvers

/// `wean bench reference-job`: the population job of `benchmarks/reference-job/` — 2,000 subjects
/// of two-compartment oral PK, 57 doses every 24 h, hourly concentrations to 1,344 h — on Wean's
/// ODE and exact paths, one thread and all cores, computing and writing timed apart, beside the C
/// peers run in the same invocation.
public enum ReferenceJobBenchmark {
    public struct Subject: Sendable {
        public var clearance: Double
        public var centralVolume: Double
    }

    static let doses = [DoseRecord(time: 0, amount: 100, compartment: .name("depot"), interval: 24, additional: 56)]
    static let outputTimes = (0...1344).map(Double.init)

    /// Reads `id,CL,V2` rows.
    public static func subjects(from url: URL) throws -> [Subject] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",").compactMap { Double($0) }
            return fields.count == 3 ? Subject(clearance: fields[1], centralVolume: fields[2]) : nil
        }
    }

    /// The concentrations of one subject (1,345 values).
    public static func simulate(_ subject: Subject, method: SolverMethod) throws -> [Double] {
        try simulateWithStatistics(subject, method: method).values
    }

    /// The concentrations and the solver's work for one subject.
    static func simulateWithStatistics(_ subject: Subject, method: SolverMethod) throws -> (values: [Double], statistics: SolverStatisticsSummary) {
        guard let runtime = ModelLibrary.native("pk2cmt.wean") else { throw SimulationError.invalidInput("pk2cmt is not in the library") }
        return try simulate(runtime, subject, method: method)
    }

    static func simulate<R: ModelRuntime>(_ runtime: R, _ subject: Subject, method: SolverMethod) throws -> (values: [Double], statistics: SolverStatisticsSummary) {
        runtime.setParameter(named: "KA", to: 1)
        runtime.setParameter(named: "CL", to: subject.clearance)
        runtime.setParameter(named: "V1", to: subject.centralVolume)
        runtime.setParameter(named: "Q", to: 2)
        runtime.setParameter(named: "V2", to: 10)
        var options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        options.maximumSteps = 1_000_000
        var values = [Double](repeating: 0, count: outputTimes.count)
        let statistics = try values.withUnsafeMutableBufferPointer { (buffer) throws(SimulationError) in
            var sink = try OutputColumn(named: "Cp", in: runtime.outputNames, buffer: buffer)
            return try Simulator.simulate(runtime, doses: doses, outputTimes: outputTimes, method: method, options: options, into: &sink)
        }
        return (values, statistics)
    }

    /// The job's model as the analytic path's template: two compartments with first-order
    /// absorption (KA 1/h, Q 2 L/h, V2 10 L, the subject's CL and V1).
    static func template(_ subject: Subject) -> LinearCompartmentModel {
        LinearCompartmentModel(disposition: .twoCompartment, absorptionRate: 1, clearance: subject.clearance, centralVolume: subject.centralVolume,
                               intercompartmentalClearances: [2], peripheralVolumes: [10])
    }

    /// The analytic path: each worker writes its subjects' concentrations straight into their rows
    /// of one buffer (subject-major, as if serial). Returns the seconds and the values.
    static func runAnalytic(_ subjects: [Subject], threads: Int) throws -> (seconds: Double, values: [Double]) {
        let rows = outputTimes.count
        var values = [Double](repeating: 0, count: subjects.count * rows)
        let start = DispatchTime.now().uptimeNanoseconds
        let failure = FailureBox()
        values.withUnsafeMutableBufferPointer { buffer in
            let base = UncheckedBuffer(pointer: buffer)
            // Chunks of 25 subjects taken by whichever thread is free (one chunk per thread on one
            // thread): a thread held up for a moment does not leave the other idle at the end.
            let chunks = threads == 1 ? 1 : max(1, (subjects.count + 24) / 25)
            let chunk = (subjects.count + chunks - 1) / chunks
            let body: @Sendable (Int) -> Void = { worker in
                let range = (worker * chunk)..<min(subjects.count, (worker + 1) * chunk)
                for index in range {
                    let slice = UnsafeMutableBufferPointer(rebasing: base.pointer[(index * rows)..<((index + 1) * rows)])
                    do {
                        try AnalyticSimulation.concentrations(template(subjects[index]), doses: doses, outputTimes: outputTimes, into: slice)
                    } catch {
                        failure.record("\(error)")
                    }
                }
            }
            if threads == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
        }
        if let message = failure.message { throw SimulationError.invalidInput(message) }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9, values)
    }

    /// Runs every subject; returns the seconds and the concentrations (subject-major).
    static func run(_ subjects: [Subject], method: SolverMethod, threads: Int) throws -> (seconds: Double, values: [Double], work: SolverStatisticsSummary) {
        var values = [Double](repeating: 0, count: subjects.count * outputTimes.count)
        var work = SolverStatisticsSummary.zero
        let start = DispatchTime.now().uptimeNanoseconds
        try ParallelSubjects.run(count: subjects.count, threads: threads, compute: { index in
            try simulateWithStatistics(subjects[index], method: method)
        }, emit: { index, outcome in
            let base = index * outputTimes.count
            for k in outcome.values.indices { values[base + k] = outcome.values[k] }
            work = work + outcome.statistics
        })
        return (Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9, values, work)
    }

    /// Writes the values as little-endian doubles; returns the seconds.
    static func write(_ values: [Double], to url: URL) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: url)
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    /// - Parameter repeats: how many times each of Wean's runs and each C peer runs; the fastest
    ///   counts (the least disturbed by whatever else the machine does).
    public static func run(folder: URL, subjectLimit: Int?, peers: Bool, slowPeerSubjects: Int = 400, repeats: Int = 3,
                           log: (String) -> Void) throws -> String {
        let repeats = max(1, repeats)
        var subjects = try subjects(from: folder.appendingPathComponent("subjects.csv"))
        if let subjectLimit { subjects = Array(subjects.prefix(subjectLimit)) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var text = "wean bench reference-job — \(subjects.count) subjects × 57 doses, hourly Cp to 1,344 h, rtol 1e-8, atol 1e-10 (release build)\n"
        text += "Times: the fastest of \(repeats) runs of each of Wean's paths (of a path shorter than 1 s, as many runs as fill 1 s) and of each C peer (the slow peers run once).\n\n"
        text += "  path                         threads   compute s   write s   ×1-thread\n"
        text += "  ---------------------------  -------  ----------  --------  ----------\n"
        var oneThread: [SolverMethod: Double] = [:]
        var speedups: [SolverMethod: Double] = [:]
        var results: [SolverMethod: [Double]] = [:]
        var odeWork = SolverStatisticsSummary.zero
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wean-reference-job.bin")
        for method in [SolverMethod.auto, .exact] {
            for threads in Array(Set([1, cores])).sorted() {
                log("running the \(method == .exact ? "analytic" : "ODE") path on \(threads) thread(s)")
                // At least `repeats` runs, and more of a short path until it has run for a second
                // (the analytic path takes milliseconds, where one late thread wake-up shows).
                var seconds = Double.infinity, values: [Double] = []
                var runs = 0, elapsed = 0.0
                while runs < repeats || (elapsed < 1 && runs < 100) {
                    runs += 1
                    let time: Double
                    if method == .exact {
                        (time, values) = try runAnalytic(subjects, threads: threads)
                    } else {
                        let work: SolverStatisticsSummary
                        (time, values, work) = try run(subjects, method: method, threads: threads)
                        odeWork = work
                    }
                    seconds = min(seconds, time)
                    elapsed += time
                }
                let writeSeconds = try write(values, to: output)
                if threads == 1 { oneThread[method] = seconds } else if let single = oneThread[method] { speedups[method] = single / seconds }
                results[method] = values
                let name = method == .exact ? "analytic (2-cmt template)" : "ODE (native pk2cmt, auto)"
                text += "  " + name.padding(toLength: 27, withPad: " ", startingAt: 0)
                    + String(format: "  %7d  %10.3f  %8.3f  %9.2f×\n", threads, seconds, writeSeconds, (oneThread[method] ?? seconds) / seconds)
            }
        }
        try? FileManager.default.removeItem(at: output)
        if let ode = results[.auto], let exact = results[.exact] {
            var worst = 0.0
            for (a, b) in zip(ode, exact) where abs(b) > 1e-12 { worst = max(worst, abs(a - b) / abs(b)) }
            text += String(format: "\n  ODE path vs analytic path: largest relative difference %.1e over %d values\n", worst, ode.count)
        }

        // Peers in the same invocation: the C ones on every subject; scipy, libroadrunner and R
        // deSolve (when installed) on `slowPeerSubjects`, their times scaled to the full count.
        var peerTimes: [String: Double] = [:]
        var cWork: (steps: Double, rejected: Double, rhs: Double)?
        var slowCount = min(slowPeerSubjects, subjects.count)
        if peers {
            log("running the peers (benchmarks/reference-job/run_peers.sh; slow peers on \(slowCount) subjects)")
            let script = folder.appendingPathComponent("run_peers.sh").path
            if let lines = try? PeerRunner.execute("/bin/bash", [script, "\(subjects.count)", "--slow", "\(slowCount)", "--repeats", "\(repeats)"], echoErrors: true) {
                for line in lines.split(separator: "\n") {
                    let fields = line.split(separator: " ").map(String.init)
                    guard let index = fields.firstIndex(of: "solve_s"), index + 1 < fields.count, let seconds = Double(fields[index + 1]),
                          let name = fields.first else { continue }
                    let isC = name.hasPrefix("analytic") || name.hasPrefix("dopri5")
                    let scaled = isC ? seconds : seconds * Double(subjects.count) / Double(slowCount)
                    peerTimes[name] = min(peerTimes[name] ?? .infinity, scaled)
                    func count(_ key: String) -> Double? {
                        fields.firstIndex(of: key).flatMap { $0 + 1 < fields.count ? Double(fields[$0 + 1]) : nil }
                    }
                    if name.hasPrefix("dopri5"), let steps = count("accepted"), let rejected = count("rejected"), let rhs = count("nfev") {
                        cWork = (steps, rejected, rhs)
                    }
                }
            }
        } else {
            slowCount = 0
        }
        text += "\n  peer (one thread)                              solve s   Wean's path, 1 thread   ratio\n"
        text += "  --------------------------------------------  ---------  ----------------------  ------\n"
        func peerRow(_ name: String, _ seconds: Double?, _ method: SolverMethod, note: String = "") {
            guard let seconds, let mine = oneThread[method] else { return }
            let label = name + note
            text += "  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "  %9.3f  %-22@  %5.2f×\n", seconds, (method == .exact ? "analytic" : "ODE") as NSString, mine / seconds)
        }
        let scaled = slowCount < subjects.count ? ", ×\(subjects.count / max(1, slowCount)) from \(slowCount)" : ""
        peerRow("C closed form (recursive)", peerTimes["analytic_recursive"], .exact)
        peerRow("C Dormand–Prince, dense output", peerTimes["dopri5_dense"], .auto)
        peerRow("R deSolve lsoda, compiled RHS", peerTimes.first { $0.key.hasPrefix("desolve") }?.value, .auto, note: scaled)
        peerRow("libroadrunner (CVODE)", peerTimes.first { $0.key.hasPrefix("roadrunner") }?.value, .auto, note: scaled)
        peerRow("scipy odeint", peerTimes.first { $0.key.hasPrefix("scipy") }?.value, .auto, note: scaled)
        let scale = Double(subjects.count) / 2000
        if peerTimes.first(where: { $0.key.hasPrefix("roadrunner") }) == nil {
            peerRow("libroadrunner (CVODE)", 32.452 * scale, .auto, note: ", recorded (not installed)")
        }
        if peerTimes.first(where: { $0.key.hasPrefix("desolve") }) == nil {
            peerRow("R deSolve lsoda, compiled RHS", 7.764 * scale, .auto, note: ", recorded (not installed)")
        }
        if peerTimes.isEmpty && peers { text += "  (the peers did not run: is gcc installed?)\n" }
        // Work per subject: the same steps at the same cost each would make the times equal.
        let perSubject = 1 / Double(max(1, subjects.count))
        text += String(format: "\n  work per subject: Wean ODE %.0f steps (%.0f rejected), %.0f RHS evaluations",
                       Double(odeWork.steps) * perSubject, Double(odeWork.rejectedSteps) * perSubject, Double(odeWork.rhsEvaluations) * perSubject)
        if let cWork {
            text += String(format: "; C Dormand–Prince %.0f steps (%.0f rejected), %.0f", cWork.steps * perSubject, cWork.rejected * perSubject, cWork.rhs * perSubject)
        }
        text += "\n"

        text += "\nGoals (printed, not tested):\n"
        if let c = peerTimes["dopri5_dense"], let mine = oneThread[.auto] {
            text += String(format: "  ODE path within 1.5× of the C Dormand–Prince: %.2f× — %@\n", mine / c, mine / c <= 1.5 ? "met" : "not met")
        }
        if let mine = oneThread[.auto] {
            let roadrunner = peerTimes.first { $0.key.hasPrefix("roadrunner") }?.value ?? 32.452 * scale
            let ratio = roadrunner / mine
            text += String(format: "  ODE path ≥ 10× faster than libroadrunner: %.1f× — %@\n", ratio, ratio >= 10 ? "met" : "not met")
        }
        for method in [SolverMethod.auto, .exact] {
            let label = method == .exact ? "analytic" : "ODE"
            if let speedup = speedups[method] {
                text += String(format: "  %@ path ≥ 1.9× on %d cores: %.2f× — %@\n", label as NSString, cores, speedup, speedup >= 1.9 ? "met" : "not met")
            }
        }
        if let c = peerTimes["analytic_recursive"], let mine = oneThread[.exact] {
            text += String(format: "  analytic path within 2× of the C closed form: %.2f× — %@\n", mine / c, mine / c <= 2 ? "met" : "not met")
        }
        text += String(format: "\nPeak resident memory of this process: %.1f MiB.\n", peakResidentMemoryMiB())
        return text
    }
}

/// The first error message from concurrent workers.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var message: String?
    func record(_ text: String) {
        lock.lock()
        if message == nil { message = text }
        lock.unlock()
    }
}

/// A buffer shared by workers that each write disjoint rows.
struct UncheckedBuffer: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Double>
}
