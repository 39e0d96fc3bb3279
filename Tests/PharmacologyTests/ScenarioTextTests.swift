import Testing
@testable import Pharmacology

/// The text forms of scenarios: times with units and `key=value` items.
@Suite struct ScenarioTextTests {
    @Test(arguments: [
        ("30min", 0.5), ("1.5h", 1.5), ("-1d", -24), ("2w", 336), ("1e1h", 10), ("90 min", 1.5),
        ("+3d", 72), ("0h", 0), ("2days", 48), ("1 week", 168), ("12hr", 12), (".5d", 12),
        ("2d12h", 60), ("1h30min", 1.5), ("-1d12h", -36), ("1w 2d", 216),
    ])
    func timesTakeUnits(_ text: String, _ hours: Double) throws {
        #expect(abs(try ScenarioText.hours(text) - hours) < 1e-12)
    }

    @Test(arguments: [("24", "no unit"), ("3m", "minutes are 'min'"), ("abc", "not a time"), ("2y", "unknown time unit"),
                      ("1e400h", "not a time"), ("", "not a time"), ("d", "not a time"),
                      ("2d12", "not a time"), ("1h-2h", "not a time")])
    func badTimesSayWhatIsExpected(_ text: String, _ fragment: String) {
        #expect {
            _ = try ScenarioText.hours(text)
        } throws: { error in
            (error as? ScenarioTextError)?.message.contains(fragment) == true
        }
    }

    @Test(arguments: [0.0, 0.5, 1, 24, 72, -24, 336, 1.25, 0.1, 708, 3.7, 1e-3, 3.6999999999999997] as [Double])
    func timesPrintAndParseBack(_ hours: Double) throws {
        #expect(abs(try ScenarioText.hours(ScenarioText.text(hours: hours)) - hours) < 1e-9)
    }

    @Test(arguments: [(72.0, "3d"), (0.5, "30min"), (-36, "-1d12h"), (336, "2w"), (708, "29d12h"), (3.6999999999999997, "3h42min"), (0, "0h")] as [(Double, String)])
    func timesPrintInDaysHoursAndMinutes(_ hours: Double, _ text: String) {
        #expect(ScenarioText.text(hours: hours) == text)
    }

    @Test func listsContinueTheKeyBefore() throws {
        let fields = try ScenarioText.fields("at=3d, doses=1,2,4 ,8,unit=mg/kg,route=sc", allowed: ["at", "doses", "unit", "route"])
        #expect(try fields.numbers("doses") == [1, 2, 4, 8])
        #expect(try fields.hours("at") == 72)
        #expect(try fields.text("unit") == "mg/kg")
    }

    @Test func unknownKeysAreNamedWithASuggestion() {
        #expect {
            _ = try ScenarioText.fields("amout=10", allowed: ["amount", "unit"])
        } throws: { error in
            let message = (error as? ScenarioTextError)?.message ?? ""
            return message.contains("amout") && message.contains("Did you mean 'amount'")
        }
    }

    @Test func repeatedKeysAndStrayValuesAreErrors() {
        #expect(throws: ScenarioTextError.self) { _ = try ScenarioText.fields("at=1d,at=2d", allowed: ["at"]) }
        #expect(throws: ScenarioTextError.self) { _ = try ScenarioText.fields("1d", allowed: ["at"]) }
        #expect(throws: ScenarioTextError.self) { _ = try ScenarioText.fields("at=", allowed: ["at"]) }
        #expect(throws: ScenarioTextError.self) { _ = try ScenarioText.fields("at=1d,2d", allowed: ["at"]).text("at") }
    }
}
