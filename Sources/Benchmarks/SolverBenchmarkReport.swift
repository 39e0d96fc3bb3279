import Foundation
import Solvers

extension SolverBenchmark {
    /// The benchmark as text: per problem a work-precision table and the time ratios at equal
    /// scd, then the goals of the solver issue and whether they were met.
    public static func report(_ results: [ProblemResult], notice: String) -> String {
        var text = "wean bench solvers — work-precision on the Bari test-set problems (release build, best of ≥ 3 runs)\n"
        text += "scd = −log10(max relative error at tEnd), absolute for components below atol. Ratios: Wean's time at the\n"
        text += "peer's scd (interpolated on Wean's own curve) ÷ the peer's time, geometric mean over the peer's runs.\n\n"
        var stiffVersusCVODE: [(String, Double)] = []
        var autoVersusExplicit: [(String, Double)] = []
        for result in results {
            let reference = result.reference
            text += "\(reference.name) — \(reference.title), tEnd = \(reference.tEnd)\n"
            text += table(result.points)
            let weanLabels = weanMethods(stiff: reference.stiff).map { "wean \($0.rawValue)" }
            let peerLabels = orderedLabels(result.points).filter { !$0.hasPrefix("wean") }
            let comparisonLabels = peerLabels + (reference.stiff ? [] : ["wean dopri5"])
            if !comparisonLabels.isEmpty {
                let width = (comparisonLabels.map(\.count).max() ?? 10) + 6
                var ratios = "  " + pad("time ratio at equal scd", 28, left: true) + comparisonLabels.map { pad("vs " + $0, width) }.joined() + "\n"
                for label in weanLabels {
                    let mine = result.points.filter { $0.label == label }
                    ratios += "  " + pad(label, 28, left: true)
                    for other in comparisonLabels {
                        let peer = result.points.filter { $0.label == other }
                        if let (ratio, count) = ratio(mine, to: peer), other != label {
                            ratios += pad(String(format: "%.3g× (%d)", ratio, count), width)
                            if reference.stiff, label == "wean auto", other == "cvode BDF" { stiffVersusCVODE.append((reference.name, ratio)) }
                            if !reference.stiff, label == "wean auto", other == "wean dopri5" { autoVersusExplicit.append((reference.name, ratio)) }
                        } else {
                            ratios += pad("—", width)
                        }
                    }
                    ratios += "\n"
                }
                text += "\n" + ratios
            }
            text += "\n"
        }
        text += "Goals (printed, not tested):\n"
        for (name, ratio) in stiffVersusCVODE {
            text += String(format: "  %@: auto at equal scd takes %.2f× CVODE's time — %@\n", name, ratio, ratio <= 1 ? "met (≤ 1)" : "not met (> 1)")
        }
        for (name, ratio) in autoVersusExplicit {
            text += String(format: "  %@: auto at equal scd takes %.2f× DOPRI5's time — %@\n", name, ratio, ratio <= 1.2 ? "met (≤ 1.2)" : "not met (> 1.2)")
        }
        if stiffVersusCVODE.isEmpty && autoVersusExplicit.isEmpty { text += "  (no comparisons: peers not run)\n" }
        text += String(format: "\nPeak resident memory of this process: %.1f MiB.\n", peakResidentMemoryMiB())
        text += notice + "\n"
        return text
    }

    static func orderedLabels(_ points: [WorkPrecisionPoint]) -> [String] {
        var seen: [String] = []
        for point in points where !seen.contains(point.label) { seen.append(point.label) }
        return seen
    }

    static func table(_ points: [WorkPrecisionPoint]) -> String {
        let header = ["solver", "rtol", "atol", "scd", "f evals", "J evals", "LU", "steps", "time ms"]
        var rows: [[String]] = []
        for label in orderedLabels(points) {
            for point in points where point.label == label {
                rows.append([
                    label, String(format: "%.0e", point.relativeTolerance), String(format: "%.0e", point.absoluteTolerance),
                    point.scd.isFinite ? String(format: "%.2f", point.scd) : "failed",
                    "\(point.rhsEvaluations)", "\(point.jacobianEvaluations)", point.luDecompositions.map { "\($0)" } ?? "—",
                    "\(point.steps)", point.seconds.isFinite ? String(format: "%.3f", point.seconds * 1000) : "—",
                ])
            }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        var text = ""
        for (index, row) in ([header] + rows).enumerated() {
            text += "  " + row.enumerated().map { pad($1, widths[$0], left: $0 == 0) }.joined(separator: "  ") + "\n"
            if index == 0 { text += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return text
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + padding : padding + text
    }
}
