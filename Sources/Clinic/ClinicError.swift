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
    let target = Array(name.lowercased())
    let allowed = max(2, target.count / 3)
    let scored = Set(candidates).map { candidate -> (String, Int) in
        let lowered = Array(candidate.lowercased())
        let prefixBonus = lowered.starts(with: target) && !target.isEmpty ? 0 : 1
        return (candidate, prefixBonus == 0 ? 0 : editDistance(target, lowered))
    }
    return scored.filter { $0.1 <= allowed }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
}

/// Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
