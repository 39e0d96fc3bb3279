/// A 0–10 numeric rating scale of pain intensity (NRS).
///
/// Clinically meaningful change (Farrar et al., Pain 2001;94:149–158): a fall of about 2 points
/// or about 30% matched "much improved" on patients' global rating in 2,724 patients.
public struct NumericRatingScale: Sendable, Equatable {
    public let score: Double

    public init(_ score: Double) throws {
        guard score.isFinite, (0...10).contains(score) else {
            throw ClinicError(field: "nrs", "an NRS score is a number from 0 to 10, got \(shortNumber(score))")
        }
        self.score = score
    }
}

/// PEG: the mean of three 0–10 items — average Pain, interference with Enjoyment of life,
/// interference with General activity (Krebs et al., J Gen Intern Med 2009;24:733–738).
/// The CDC counts a ≥30% improvement as clinically meaningful (tapering pocket guide).
public struct PEG: Sendable, Equatable {
    public let pain: Double
    public let enjoyment: Double
    public let generalActivity: Double

    public init(pain: Double, enjoyment: Double, generalActivity: Double) throws {
        for (name, value) in [("pain", pain), ("enjoyment", enjoyment), ("general activity", generalActivity)] {
            guard value.isFinite, (0...10).contains(value) else {
                throw ClinicError(field: "peg", "PEG \(name) is a number from 0 to 10, got \(shortNumber(value))")
            }
        }
        self.pain = pain
        self.enjoyment = enjoyment
        self.generalActivity = generalActivity
    }

    /// The PEG score, 0–10.
    public var score: Double { (pain + enjoyment + generalActivity) / 3 }
}

/// The change between two pain scores, and whether it is clinically meaningful.
public struct PainChange: Sendable, Equatable {
    /// Follow-up minus baseline (negative = better).
    public let points: Double
    /// Change as a fraction of baseline (nil when baseline is 0).
    public let fraction: Double?
    /// A fall of ≥30% (and, for NRS, alternatively of ≥2 points).
    public let isMeaningfulImprovement: Bool
    /// A rise of ≥30% of baseline (NRS: or ≥2 points).
    public let isMeaningfulWorsening: Bool

    /// NRS change: meaningful at ≥30% or ≥2 points (Farrar 2001).
    public init(baseline: NumericRatingScale, followUp: NumericRatingScale) {
        self.init(baseline: baseline.score, followUp: followUp.score, pointThreshold: 2)
    }

    /// PEG change: meaningful at ≥30% (CDC).
    public init(baseline: PEG, followUp: PEG) {
        self.init(baseline: baseline.score, followUp: followUp.score, pointThreshold: nil)
    }

    init(baseline: Double, followUp: Double, pointThreshold: Double?) {
        let tolerance = 1e-12
        let change = followUp - baseline
        let relative: Double? = baseline > 0 ? change / baseline : nil
        func meaningful(_ sign: Double) -> Bool {
            let byFraction = relative.map { sign * $0 >= 0.30 - tolerance } ?? false
            let byPoints = pointThreshold.map { sign * change >= $0 - tolerance } ?? false
            return sign * change > 0 && (byFraction || byPoints)
        }
        points = change
        fraction = relative
        isMeaningfulImprovement = meaningful(-1)
        isMeaningfulWorsening = meaningful(1)
    }
}
