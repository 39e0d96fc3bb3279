import Foundation

/// Runs `body` repeatedly — at least 3 times, then until 0.3 s have passed or 20 runs — and
/// returns its first result, the best (minimum) time of one run in seconds, and the run count:
/// the same rule as the peer harnesses, so times compare like for like.
func bestTime<R>(_ body: () throws -> R) rethrows -> (result: R, seconds: Double, repeats: Int) {
    var first: R?
    var best = Double.infinity
    var total = 0.0
    var repeats = 0
    while repeats < 3 || (total < 0.3 && repeats < 20) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        if first == nil { first = result }
        total += elapsed
        best = min(best, elapsed)
        repeats += 1
    }
    return (first!, best, repeats)
}

/// The process's peak resident memory in MiB (Linux `ru_maxrss`).
public func peakResidentMemoryMiB() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1024 / 1024
    #endif
}
