import Foundation
import Testing
@testable import Clinic

/// Shah et al. (MMWR 2017) points, the interpolation's shape, COWS bands and the pain scales.
@Suite struct RiskAndScaleTests {
    @Test func shahExactPoints() throws {
        #expect(try LongTermUseRisk.estimate(episodeDays: 1).probability == 0.060)
        #expect(try LongTermUseRisk.estimate(episodeDays: 8).probability == 0.135)
        #expect(try LongTermUseRisk.estimate(episodeDays: 31).probability == 0.299)
        #expect(try LongTermUseRisk.estimate(episodeDays: 8).method == "exact")
        #expect(try LongTermUseRisk.estimate(episodeDays: nil, longActing: true).probability == 0.273)
    }

    /// Monotone non-decreasing, within the bracketing points, flat beyond 31 days.
    @Test func shahMonotoneAndBounded() throws {
        var previous = 0.0
        for step in 0...4000 {
            let days = 1 + Double(step) * 0.01
            let p = LongTermUseRisk.probability(episodeDays: days)
            #expect(p >= previous - 1e-15)
            let (low, high) = days <= 8 ? (0.060, 0.135) : days <= 31 ? (0.135, 0.299) : (0.299, 0.299)
            #expect(p >= low - 1e-15 && p <= high + 1e-15)
            previous = p
        }
        #expect(LongTermUseRisk.probability(episodeDays: 365) == 0.299)
        #expect(try LongTermUseRisk.estimate(episodeDays: 90).method == "held at the last point")
    }

    @Test func riskRejectsBadDays() {
        for days in [0.0, -3, .nan, .infinity, 0.5] {
            #expect(throws: ClinicError.self) { try LongTermUseRisk.estimate(episodeDays: days) }
        }
        #expect(throws: ClinicError.self) { try LongTermUseRisk.estimate(episodeDays: nil) }
    }

    func cows(_ values: [Int]) throws -> COWS {
        try COWS(scores: Dictionary(uniqueKeysWithValues: zip(COWS.Item.allCases, values)))
    }

    @Test func cowsTotalsAndBands() throws {
        #expect(COWS.maximumTotal == 48)
        #expect(try cows([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).band == .none)
        #expect(try cows([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]).band == .none)  // 4
        #expect(try cows([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]).band == .mild)  // 5
        #expect(try cows([2, 2, 3, 2, 2, 1, 0, 0, 0, 0, 0]).total == 12)
        #expect(try cows([2, 2, 3, 2, 2, 1, 0, 0, 0, 0, 0]).band == .mild)
        #expect(try cows([2, 2, 3, 2, 2, 1, 1, 0, 0, 0, 0]).band == .moderate)  // 13
        #expect(try cows([4, 4, 5, 5, 4, 2, 0, 0, 0, 0, 0]).band == .moderate)  // 24
        #expect(try cows([4, 4, 5, 5, 4, 2, 1, 0, 0, 0, 0]).band == .moderatelySevere)  // 25
        #expect(try cows([4, 4, 5, 5, 4, 4, 5, 4, 1, 0, 0]).band == .moderatelySevere)  // 36
        #expect(try cows([4, 4, 5, 5, 4, 4, 5, 4, 2, 0, 0]).band == .severe)  // 37
        #expect(try cows([4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5]).total == 48)
    }

    @Test func cowsRejectsScoresNotOnTheForm() {
        #expect { try cows([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) } throws: { ($0 as? ClinicError)?.field == "resting-pulse" }
        #expect { try cows([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) } throws: { ($0 as? ClinicError)?.field == "gooseflesh" }
        #expect { try COWS(scores: [.sweating: 1]) } throws: { ($0 as? ClinicError)?.message.contains("missing") == true }
    }

    @Test(arguments: [(60.0, 0), (80, 0), (80.5, 1), (100, 1), (101, 2), (120, 2), (121, 4), (180, 4)])
    func pulseScores(bpm: Double, score: Int) throws {
        #expect(try COWS.pulseScore(beatsPerMinute: bpm) == score)
    }

    /// Farrar 2001: ≥2 points or ≥30% on the NRS; PEG ≥30%.
    @Test func meaningfulChange() throws {
        func nrs(_ a: Double, _ b: Double) throws -> PainChange { PainChange(baseline: try NumericRatingScale(a), followUp: try NumericRatingScale(b)) }
        #expect(try nrs(8, 6).isMeaningfulImprovement)  // 2 points (25%)
        #expect(try nrs(3, 2.1).isMeaningfulImprovement)  // 30%
        #expect(try !nrs(8, 6.5).isMeaningfulImprovement)  // 1.5 points, 18.75%
        #expect(try nrs(4, 6).isMeaningfulWorsening)
        #expect(try !nrs(0, 1).isMeaningfulWorsening)
        let before = try PEG(pain: 7, enjoyment: 6, generalActivity: 8)
        #expect(PainChange(baseline: before, followUp: try PEG(pain: 5, enjoyment: 4, generalActivity: 5.1)).isMeaningfulImprovement)  // −30%
        #expect(!PainChange(baseline: before, followUp: try PEG(pain: 5, enjoyment: 5, generalActivity: 6)).isMeaningfulImprovement)  // −19%, 2 points
        #expect(throws: ClinicError.self) { try NumericRatingScale(11) }
        #expect(throws: ClinicError.self) { try PEG(pain: .nan, enjoyment: 1, generalActivity: 1) }
    }

    @Test func userCatalogueExtendsAndIsChecked() throws {
        var catalogue = try ProductCatalogue.bundled()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"products":[{"id":"oxycodone-er-capsule","ingredient":"Oxycodone","route":"oral","form":"er-capsule","strengths":[9,13.5],"unit":"mg","duration":"long"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        try catalogue.add(contentsOf: file.path)
        let product = try catalogue.product(ingredient: "oxycodone", form: "er-capsule", unit: .mg)
        #expect(product.strengths == [9, 13.5])
        try #"{"products":[{"id":"x","ingredient":"oxycodone","route":"oral","form":"ir-tablet","strengths":[5],"unit":"grains","duration":"short"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try catalogue.add(contentsOf: file.path) } throws: { ($0 as? ClinicError)?.message.contains("unit") == true }
        try #"{"products":[{"id":"x","ingredient":"fentanyl","route":"transdermal","form":"patch","strengths":[25],"unit":"mcg/h","duration":"long"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try catalogue.add(contentsOf: file.path) } throws: { ($0 as? ClinicError)?.message.contains("wearHours") == true }
        try #"{"products":[{"id":"x","ingredient":"fentanyl","route":"oral","form":"ir-tablet","strengths":[25],"duration":"long"}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        #expect { try catalogue.add(contentsOf: file.path) } throws: { ($0 as? ClinicError)?.message.contains("missing field 'unit'") == true }
    }
}
