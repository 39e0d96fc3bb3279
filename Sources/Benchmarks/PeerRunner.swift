import Foundation

/// Runs the benchmark peers of `benchmarks/peers/` (scipy's `solve_ivp` and SUNDIALS CVODE through
/// a small C harness) as subprocesses and reads their one-line JSON results. Their installer is
/// run once first; nothing here is needed by the tests.
public struct PeerRunner {
    /// The `benchmarks/peers` folder.
    public let directory: URL
    private let python: String
    private let cvode: String

    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String, String)
        public var description: String {
            switch self {
            case .missing(let path): "benchmark peers not found at \(path); run from the repository root or pass --peers-dir"
            case let .failed(command, message): "\(command) failed: \(message)"
            }
        }
    }

    /// Installs the peers if needed (`install.sh`) and prepares to run them.
    public init(directory: URL, log: (String) -> Void) throws {
        self.directory = directory
        let installer = directory.appendingPathComponent("install.sh")
        guard FileManager.default.fileExists(atPath: installer.path) else { throw Failure.missing(directory.path) }
        log("installing and building the peers (benchmarks/peers/install.sh) …")
        _ = try Self.execute("/bin/bash", [installer.path], echoErrors: true)
        let build = directory.appendingPathComponent(".build")
        python = try String(contentsOf: build.appendingPathComponent("python"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        cvode = build.appendingPathComponent("cvode_harness").path
    }

    /// scipy `solve_ivp` with each of `methods` (analytic Jacobian for the implicit ones).
    public func scipy(problem: String, relative: Double, absolute: Double, methods: [String]) throws -> [WorkPrecisionPoint] {
        let script = directory.appendingPathComponent("scipy_peer.py").path
        let output = try Self.execute(python, [script, "run", problem, "\(relative)", "\(absolute)"] + methods + ["--jac", "analytic"])
        return Self.parse(output)
    }

    /// CVODE with `method` (`bdf` or `adams`).
    public func cvode(problem: String, relative: Double, absolute: Double, method: String, reference: [Double]) throws -> [WorkPrecisionPoint] {
        let ref = reference.map { "\($0)" }.joined(separator: ",")
        let output = try Self.execute(cvode, [problem, "\(relative)", "\(absolute)", method, "--ref", ref])
        return Self.parse(output)
    }

    static func parse(_ output: String) -> [WorkPrecisionPoint] {
        output.split(separator: "\n").compactMap { line in
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
            let atol = (object["atol"] as? [NSNumber])?.first?.doubleValue ?? number("atol") ?? .nan
            return WorkPrecisionPoint(
                peer: object["peer"] as? String ?? "?", solver: object["solver"] as? String ?? "?",
                problem: object["problem"] as? String ?? "?", relativeTolerance: number("rtol") ?? .nan,
                absoluteTolerance: atol, scd: number("scd") ?? .nan,
                rhsEvaluations: Int(number("rhs_evaluations") ?? 0), jacobianEvaluations: Int(number("jacobian_evaluations") ?? 0),
                luDecompositions: number("lu_decompositions").map { Int($0) }, steps: Int(number("steps") ?? 0),
                seconds: number("seconds") ?? .nan, repeats: Int(number("repeats") ?? 0))
        }
    }

    /// Runs a program and returns its standard output; standard error is passed through when
    /// `echoErrors`, otherwise kept for the error message.
    static func execute(_ program: String, _ arguments: [String], echoErrors: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = echoErrors ? FileHandle.standardError : errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = echoErrors ? Data() : errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0, text.isEmpty {
            throw Failure.failed(([program] + arguments).joined(separator: " "), String(decoding: errorData, as: UTF8.self))
        }
        return text
    }
}
