import Foundation
import Solvers

/// A test problem with a published reference solution at its end time, as recorded in the
/// JSON files of `Data/` (the Bari IVP test set; see `Data/LICENSE-NOTE.md`), and the accuracy
/// scipy's solvers reached on it here (`peer_scd`).
public struct ReferenceProblem: Sendable, Decodable {
    /// Short name (`"ROBER"`).
    public let name: String
    public let title: String
    public let dimension: Int
    public let stiff: Bool
    public let parameters: [String: Double]
    public let y0: [Double]
    public let t0: Double
    public let tEnd: Double
    /// `y(tEnd)`.
    public let referenceSolution: [Double]
    /// For each tolerance setting (`"rtol=1e-06,atol=1e-12"`), scipy's scd by method name.
    public let peerSCD: [String: [String: Double]]

    enum CodingKeys: String, CodingKey {
        case name, title, dimension, stiff, parameters, y0, t0, tEnd
        case referenceSolution = "reference_solution"
        case peerSCD = "peer_scd"
    }

    enum PeerKeys: String, CodingKey { case results }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        title = try container.decode(String.self, forKey: .title)
        dimension = try container.decode(Int.self, forKey: .dimension)
        stiff = try container.decode(Bool.self, forKey: .stiff)
        parameters = try container.decode([String: Double].self, forKey: .parameters)
        y0 = try container.decode([Double].self, forKey: .y0)
        t0 = try container.decode(Double.self, forKey: .t0)
        tEnd = try container.decode(Double.self, forKey: .tEnd)
        referenceSolution = try container.decode([Double].self, forKey: .referenceSolution)
        let peers = try container.nestedContainer(keyedBy: PeerKeys.self, forKey: .peerSCD)
        peerSCD = try peers.decode([String: [String: Double]].self, forKey: .results)
    }

    /// The tolerance settings recorded for the problem, tightest last.
    public var toleranceSettings: [ToleranceSetting] {
        peerSCD.keys.compactMap(ToleranceSetting.init(key:)).sorted { $0.relative > $1.relative }
    }

    /// Loads `Data/<name>.json` (lower-case name) from the module's resources.
    public static func load(_ name: String) throws -> ReferenceProblem {
        guard let url = Bundle.module.url(forResource: name.lowercased(), withExtension: "json", subdirectory: "Data") else {
            throw ReferenceProblemError.missing(name)
        }
        return try JSONDecoder().decode(ReferenceProblem.self, from: Data(contentsOf: url))
    }

    /// A parameter by name; traps if the JSON file lacks it (a packaging error, not user input).
    public func parameter(_ key: String) -> Double {
        guard let value = parameters[key] else { preconditionFailure("\(name) has no parameter \(key)") }
        return value
    }
}

/// A pair of scalar tolerances, as written in the reference files' keys.
public struct ToleranceSetting: Sendable, Hashable, CustomStringConvertible {
    public let relative: Double
    public let absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Parses `"rtol=1e-06,atol=1e-12"`.
    public init?(key: String) {
        var rtol: Double?
        var atol: Double?
        for part in key.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]) else { return nil }
            if pair[0] == "rtol" { rtol = value } else if pair[0] == "atol" { atol = value }
        }
        guard let rtol, let atol else { return nil }
        self.init(relative: rtol, absolute: atol)
    }

    /// The key form used in the reference files.
    public var key: String {
        "rtol=\(String(format: "%.0e", relative).replacingOccurrences(of: "e-0", with: "e-0")),atol=\(String(format: "%.0e", absolute))"
    }

    public var description: String { "rtol \(String(format: "%.0e", relative)), atol \(String(format: "%.0e", absolute))" }

    /// Solver options with these tolerances.
    public var options: SolverOptions {
        var options = SolverOptions(relativeTolerance: .scalar(relative), absoluteTolerance: .scalar(absolute))
        options.maximumSteps = 1_000_000
        return options
    }
}

public enum ReferenceProblemError: Error, CustomStringConvertible {
    case missing(String)
    public var description: String {
        switch self {
        case .missing(let name): "reference problem \(name) is not among the package's resources"
        }
    }
}

/// Significant correct digits, the accuracy measure of the Bari test set:
/// `scd = −log10(max_i e_i)`, with `e_i` the relative error of component `i` where
/// `|reference_i| > atol`, and its absolute error elsewhere (a component below the absolute
/// tolerance has no relative accuracy to speak of).
public func significantCorrectDigits(_ computed: [Double], reference: [Double], absoluteTolerance: Double) -> Double {
    var worst = 0.0
    for (value, exact) in zip(computed, reference) {
        let error = abs(exact) > absoluteTolerance ? abs(value - exact) / abs(exact) : abs(value - exact)
        worst = max(worst, error.isNaN ? .infinity : error)
    }
    return worst == 0 ? 16 : -log10(worst)
}

/// How scipy's stiff solvers' scd spreads over tolerances near each recorded pair
/// (`Data/peer_scd_spread.json`, written by `benchmarks/peers/measure_scd_spread.py`): each
/// recorded `(rtol, atol)` scaled together by each of `multipliers`, analytic Jacobian.
public struct PeerSCDSpread: Sendable, Decodable {
    public struct Entry: Sendable, Decodable {
        /// scd at each multiplier (`nil` where the solve failed).
        public var scd: [Double?]
        public var median: Double?
    }
    public var multipliers: [Double]
    /// problem (lower case) → tolerance key → method → spread.
    public var results: [String: [String: [String: Entry]]]

    /// Loads the file from the module's resources.
    public static func load() throws -> PeerSCDSpread {
        guard let url = Bundle.module.url(forResource: "peer_scd_spread", withExtension: "json", subdirectory: "Data") else {
            throw ReferenceProblemError.missing("peer_scd_spread")
        }
        return try JSONDecoder().decode(PeerSCDSpread.self, from: Data(contentsOf: url))
    }
}
