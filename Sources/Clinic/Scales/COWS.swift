/// The Clinical Opiate Withdrawal Scale (Wesson & Ling, J Psychoactive Drugs 2003;35:253–259;
/// item text from NCBI Bookshelf NBK64244): eleven observed items, total 0–48.
///
/// Bands as printed on the original form: 5–12 mild, 13–24 moderate, 25–36 moderately severe,
/// more than 36 severe; below 5 is read as no active withdrawal.
public struct COWS: Sendable, Equatable {
    /// One item and the scores it allows.
    public enum Item: String, CaseIterable, Sendable {
        case restingPulse = "resting-pulse"
        case sweating
        case restlessness
        case pupilSize = "pupil-size"
        case boneJointAches = "bone-joint-aches"
        case runnyNoseTearing = "runny-nose-tearing"
        case giUpset = "gi-upset"
        case tremor
        case yawning
        case anxietyIrritability = "anxiety-irritability"
        case gooseflesh

        /// The item from its name or a common short name (`pulse`, `pupils`, `aches`, `nose`,
        /// `gi`, `anxiety`, `irritability`, `piloerection`, …).
        public init?(named text: String) {
            let key = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if let item = Item(rawValue: key) { self = item; return }
            let aliases: [String: Item] = [
                "pulse": .restingPulse, "heart-rate": .restingPulse, "hr": .restingPulse, "sweat": .sweating,
                "restless": .restlessness, "pupil": .pupilSize, "pupils": .pupilSize, "aches": .boneJointAches,
                "bone-or-joint-aches": .boneJointAches, "joint-aches": .boneJointAches, "runny-nose": .runnyNoseTearing,
                "nose": .runnyNoseTearing, "tearing": .runnyNoseTearing, "gi": .giUpset, "gi-upset": .giUpset,
                "yawn": .yawning, "anxiety": .anxietyIrritability, "irritability": .anxietyIrritability,
                "goose-flesh": .gooseflesh, "gooseflesh-skin": .gooseflesh, "piloerection": .gooseflesh,
            ]
            guard let item = aliases[key] else { return nil }
            self = item
        }

        /// The scores the form allows for this item.
        public var allowedScores: [Int] {
            switch self {
            case .restingPulse, .boneJointAches, .runnyNoseTearing, .tremor, .yawning, .anxietyIrritability: [0, 1, 2, 4]
            case .sweating: [0, 1, 2, 3, 4]
            case .restlessness: [0, 1, 3, 5]
            case .pupilSize: [0, 1, 2, 5]
            case .giUpset: [0, 1, 2, 3, 5]
            case .gooseflesh: [0, 3, 5]
            }
        }
    }

    /// Severity bands of the total.
    public enum Band: String, Sendable {
        case none = "no active withdrawal"
        case mild
        case moderate
        case moderatelySevere = "moderately severe"
        case severe

        public init(total: Int) {
            switch total {
            case ..<5: self = .none
            case 5...12: self = .mild
            case 13...24: self = .moderate
            case 25...36: self = .moderatelySevere
            default: self = .severe
            }
        }
    }

    /// The item scores, every item present.
    public let scores: [Item: Int]

    /// Checks that every item is present with a score the form allows.
    public init(scores: [Item: Int]) throws {
        for item in Item.allCases {
            guard let score = scores[item] else {
                let missing = Item.allCases.filter { scores[$0] == nil }.map(\.rawValue)
                throw ClinicError(field: item.rawValue, "COWS needs all 11 items; missing: \(missing.joined(separator: ", "))")
            }
            guard item.allowedScores.contains(score) else {
                throw ClinicError(field: item.rawValue, "COWS \(item.rawValue) = \(score) is not a score on the form; allowed: \(item.allowedScores.map(String.init).joined(separator: ", "))")
            }
        }
        self.scores = scores
    }

    /// The resting-pulse score from a pulse in beats per minute: ≤80 → 0, 81–100 → 1, 101–120 → 2, >120 → 4.
    public static func pulseScore(beatsPerMinute bpm: Double) throws -> Int {
        guard bpm.isFinite, bpm > 0, bpm < 400 else {
            throw ClinicError(field: "pulse-bpm", "resting pulse must be a heart rate in beats per minute (0–400), got \(shortNumber(bpm))")
        }
        switch bpm {
        case ...80: return 0
        case ...100: return 1
        case ...120: return 2
        default: return 4
        }
    }

    /// The total, 0–48.
    public var total: Int { scores.values.reduce(0, +) }
    public var band: Band { Band(total: total) }
    /// The largest possible total.
    public static let maximumTotal = Item.allCases.map { $0.allowedScores.max()! }.reduce(0, +)
}
