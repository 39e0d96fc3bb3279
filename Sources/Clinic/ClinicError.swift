import NameSuggestions

/// A problem with clinical input that the user can fix: which field, what was given, what was
/// expected. The command line prints `message`; the Swift API can switch on `field`.
public struct ClinicError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The input field at fault (`drug`, `unit`, `days`, `catalogue`, …).
    public var field: String
    /// What was wrong and what would be accepted.
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// Names in `candidates` closest to `name` by edit distance (case-insensitive), best first;
/// at most `limit`, and only those within a third of the name's length (at least 2 edits).
func closestNames(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
    let target = name.lowercased()
    let allowed = max(2, target.count / 3)
    // A candidate that starts with what was typed ("oxy" → "oxycodone") counts as distance 0.
    let scored = Set(candidates).map { candidate -> (String, Int) in
        let lowered = candidate.lowercased()
        return (candidate, !target.isEmpty && lowered.hasPrefix(target) ? 0 : editDistance(target, lowered))
    }
    return scored.filter { $0.1 <= allowed }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
}

