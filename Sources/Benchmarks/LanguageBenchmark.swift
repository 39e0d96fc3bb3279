import Foundation
import ModelLanguage
import ModelLibrary
import ReferenceProblems
import Solvers

/// `wean bench language`: what the model language costs at run time — nanoseconds per
/// right-hand-side and per Jacobian evaluation for the evaluator, the natively compiled library
/// model and hand-written Swift, and whole stiff solves with and without the symbolic Jacobian.
public enum LanguageBenchmark {
    /// Mean nanoseconds per call of `body` over `count` calls, best of 5 rounds.
    static func nanoseconds(count: Int, _ body: (Int) -> Double) -> Double {
        var best = Double.infinity
        var sink = 0.0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            for k in 0..<count { sink += body(k) }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count))
        }
        if sink == 42.4242 { print("") }
        return best
    }

    static func rhsCost<P: ODEProblem>(_ problem: P, count: Int) -> Double {
        let n = problem.dimension
        var y = (0..<n).map { 1 + 0.1 * Double($0) }
        var dydt = [Double](repeating: 0, count: n)
        return nanoseconds(count: count) { k in
            y[0] = 1 + Double(k & 7) * 0.01
            y.withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { problem.derivatives(t: 0, y: ys, dydt: $0) } }
            return dydt[n - 1]
        }
    }

    static func jacobianCost<P: ODEProblem>(_ problem: P, count: Int) -> Double {
        let n = problem.dimension
        var y = (0..<n).map { 1 + 0.1 * Double($0) }
        var matrix = [Double](repeating: 0, count: n * n)
        return nanoseconds(count: count) { k in
            y[0] = 1 + Double(k & 7) * 0.01
            y.withUnsafeBufferPointer { ys in matrix.withUnsafeMutableBufferPointer { problem.jacobian(t: 0, y: ys, into: $0) } }
            return matrix[n * n - 1]
        }
    }

    /// Runs the benchmark and returns the report.
    public static func run(examples: URL, log: (String) -> Void) throws -> String {
        var text = "wean bench language — cost of the model language at run time (release build, best of 5 rounds)\n\n"
        text += "  " + "model".padding(toLength: 38, withPad: " ", startingAt: 0) + "  evaluation   evaluator   native  hand-written  evaluator/hand  native/hand\n"
        text += "  " + String(repeating: "-", count: 38) + "  ----------  ----------  -------  ------------  --------------  -----------\n"
        let cases: [(file: String, hand: any ODEProblem, count: Int)] = [
            ("two_compartment_oral.wean", TwoCompartmentOralPK(), 5_000_000),
            ("transit_pkpd.wean", HandWrittenTransitPKPD(), 1_000_000),
        ]
        for (file, hand, count) in cases {
            log("measuring \(file)")
            let source = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            let interpreted = try ModelCompiler.compile(source: source, file: file)
            // All three are measured through the same path (an opened existential, one dynamic call
            // per evaluation), so the numbers differ only by the code inside.
            let instance: any ODEProblem = interpreted.makeInstance()
            guard let native = ModelLibrary.native(file) else { continue }
            let rhs = (rhsCost(instance, count: count), rhsCost(native, count: count), rhsCost(hand, count: count))
            let jac = (jacobianCost(instance, count: count / 5), jacobianCost(native, count: count / 5), jacobianCost(hand, count: count / 5))
            let label = "\(file) (\(instance.dimension) states)"
            text += row(label, "RHS", rhs)
            text += row("", "Jacobian", jac)
        }

        text += "\nWhole stiff solves (OREGO, t = 0…360, rtol 1e-8, atol 1e-11), best of ≥ 3 runs:\n"
        text += "  method   Jacobian                     time ms    f evals  J evals  steps\n"
        text += "  -------  ---------------------------  -------  ---------  -------  -----\n"
        guard let orego = ModelLibrary.native("orego.wean") else { return text }
        let source = try String(contentsOf: examples.appendingPathComponent("orego.wean"), encoding: .utf8)
        let interpreted = try ModelCompiler.compile(source: source, file: "orego.wean").makeInstance()
        var options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-11)
        options.maximumSteps = 10_000_000
        for method in [SolverMethod.rodas5, .bdf] {
            log("solving OREGO with \(method.rawValue)")
            let variants: [(String, any ODEProblem)] = [
                ("native, symbolic", orego), ("native, finite differences", differenced(orego)),
                ("evaluator, symbolic", interpreted), ("hand-written, analytic", Oregonator()),
            ]
            for (name, problem) in variants {
                let (solution, seconds, _) = try bestTime {
                    try solve(problem, initialState: [1, 2, 3], from: 0, outputTimes: [360], method: method, options: options)
                }
                let s = solution.statistics
                text += "  " + method.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                    + name.padding(toLength: 27, withPad: " ", startingAt: 0)
                    + String(format: "  %7.2f  %9d  %7d  %5d\n", seconds * 1000, s.rhsEvaluations, s.jacobianEvaluations, s.acceptedSteps)
            }
        }
        return text
    }

    /// `problem` with its Jacobian hidden (opened from the existential).
    static func differenced(_ problem: any ModelRuntime) -> any ODEProblem {
        func wrap<P: ModelRuntime>(_ p: P) -> any ODEProblem { FiniteDifferenceJacobian(p) }
        return wrap(problem)
    }

    static func row(_ model: String, _ kind: String, _ ns: (Double, Double, Double)) -> String {
        "  " + model.padding(toLength: 38, withPad: " ", startingAt: 0) + "  " + kind.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: "  %7.1f ns  %4.1f ns  %9.1f ns  %13.2f×  %10.2f×\n", ns.0, ns.1, ns.2, ns.0 / ns.2, ns.1 / ns.2)
    }
}
