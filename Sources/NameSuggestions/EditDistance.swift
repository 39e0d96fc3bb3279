/// Levenshtein distance between two strings: the fewest single-character insertions, deletions
/// and substitutions that turn `a` into `b`. Compares `Character`s (grapheme clusters), so it is
/// case-sensitive; callers lower-case first where case should not count.
///
/// Cost: O(|a|·|b|) time and O(|b|) memory (two rows).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
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

/// The candidate closest to `name` ignoring letter case, if it is within `maximumDistance` edits;
/// on a tie the earliest candidate. Used for "did you mean …?" hints on names of states,
/// parameters, outputs and columns.
public func closestName(_ name: String, _ candidates: [String], maximumDistance: Int = 2) -> String? {
    let lowered = name.lowercased()
    return candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        .filter { $0.1 <= maximumDistance }
        .min { $0.1 < $1.1 }?.0
}
