/// The probability of still using opioids one year after starting, given how long the first
/// episode of use lasted (Shah, Hayes & Martin, MMWR 2017;66(10):265–269, doi:10.15585/mmwr.mm6610a1).
///
/// The paper's exact figures (clinical.md §2) are P(use at 1 year | first episode ≥ N days of
/// therapy) = **6.0%** at N = 1, **13.5%** at N = 8 and **29.9%** at N = 31, and **27.3%** after a
/// long-acting first prescription. Between the three points Wean interpolates with a monotone
/// piecewise-cubic Hermite curve (Fritsch & Carlson, SIAM J Numer Anal 1980;17:238–246, with
/// Fritsch–Butland interior slopes), which passes exactly through them and cannot overshoot; beyond
/// 31 days the value stays at 29.9% (the paper gives no later point). The numbers are episode
/// length, not the days' supply of the first prescription, and press approximations by days' supply
/// are never mixed in.
public enum LongTermUseRisk {
    /// The exact points (days, probability).
    public static let points: [(days: Double, probability: Double)] = [(1, 0.060), (8, 0.135), (31, 0.299)]
    /// One-year continuation after a long-acting first prescription.
    public static let longActingProbability = 0.273

    public static let source = "Shah A, Hayes CJ, Martin BC. Characteristics of Initial Prescription Episodes and Likelihood of Long-Term Opioid Use — United States, 2006–2015. MMWR 2017;66(10):265–269"
    public static let cohort = "1,294,247 opioid-naive adults (no opioid in the prior 6 months), cancer-free, without substance use disorder, first prescription not buprenorphine; 10% sample of IMS Lifelink+ commercial claims, 2006–2015; 33,548 (2.6%) continued ≥1 year"
    public static let limits = [
        "commercially insured patients only; Medicaid, Medicare and uninsured patients are not represented",
        "opioid-naive patients starting a first episode; not for patients already on long-term opioids",
        "claims show dispensing, not ingestion",
        "exact values exist only at ≥1, ≥8 and ≥31 days; values between are interpolated (monotone cubic), and beyond 31 days held at 29.9%",
        "an association in a 2006–2015 cohort, not a prediction for an individual patient",
    ]

    /// A result with its provenance.
    public struct Estimate: Sendable {
        public var probability: Double
        public var episodeDays: Double?
        public var longActing: Bool
        /// `exact`, `interpolated`, `held at the last point` or `long-acting`.
        public var method: String
    }

    /// P(opioid use at 1 year | first episode lasted ≥ `episodeDays` days), or the long-acting
    /// figure when `longActing`.
    public static func estimate(episodeDays: Double?, longActing: Bool = false) throws -> Estimate {
        if let days = episodeDays {
            guard days.isFinite, days >= 1 else {
                throw ClinicError(field: "episode-days", "episode days must be a number ≥ 1 (the first episode lasts at least one day), got \(shortNumber(days))")
            }
        }
        if longActing {
            return Estimate(probability: longActingProbability, episodeDays: episodeDays, longActing: true, method: "long-acting first prescription")
        }
        guard let days = episodeDays else {
            throw ClinicError(field: "episode-days", "give the first episode's length in days (≥ 1), or --long-acting")
        }
        let p = probability(episodeDays: days)
        let method = points.contains { $0.days == days } ? "exact" : days > 31 ? "held at the last point" : "interpolated"
        return Estimate(probability: p, episodeDays: days, longActing: false, method: method)
    }

    /// The interpolated curve, for `days` ≥ 1.
    public static func probability(episodeDays days: Double) -> Double {
        let x = points.map(\.days), y = points.map(\.probability)
        if days <= x[0] { return y[0] }
        if days >= x[x.count - 1] { return y[y.count - 1] }
        let slopes = hermiteSlopes(x, y)
        let k = days < x[1] ? 0 : 1
        let h = x[k + 1] - x[k], t = (days - x[k]) / h
        let h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t)
        let h01 = t * t * (3 - 2 * t), h11 = t * t * (t - 1)
        return h00 * y[k] + h10 * h * slopes[k] + h01 * y[k + 1] + h11 * h * slopes[k + 1]
    }

    /// Fritsch–Carlson/Butland slopes: weighted harmonic means inside, shape-preserving
    /// three-point formulas at the ends.
    static func hermiteSlopes(_ x: [Double], _ y: [Double]) -> [Double] {
        let n = x.count
        let h = (0..<n - 1).map { x[$0 + 1] - x[$0] }
        let d = (0..<n - 1).map { (y[$0 + 1] - y[$0]) / h[$0] }
        var m = [Double](repeating: 0, count: n)
        for k in 1..<n - 1 where d[k - 1] * d[k] > 0 {
            let w1 = 2 * h[k] + h[k - 1], w2 = h[k] + 2 * h[k - 1]
            m[k] = (w1 + w2) / (w1 / d[k - 1] + w2 / d[k])
        }
        func end(_ h0: Double, _ h1: Double, _ d0: Double, _ d1: Double) -> Double {
            var s = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1)
            if s * d0 <= 0 { s = 0 } else if d0 * d1 <= 0, abs(s) > abs(3 * d0) { s = 3 * d0 }
            return s
        }
        m[0] = end(h[0], h[1], d[0], d[1])
        m[n - 1] = end(h[n - 2], h[n - 3 < 0 ? 0 : n - 3], d[n - 2], d[n - 3 < 0 ? 0 : n - 3])
        return m
    }
}
