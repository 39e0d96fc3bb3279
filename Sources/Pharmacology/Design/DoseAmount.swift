/// A drug amount with its unit, absolute or per kilogram of body weight.
///
/// The library's models count drug in mg (DESIGN.md §2); `milligrams(forWeightKilograms:)` is the
/// one place where µg become mg and per-kg doses become absolute ones.
public struct DoseAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Units of a drug amount.
    public enum Unit: String, Sendable, CaseIterable, Codable {
        case mg, mcg
        case mgPerKg = "mg/kg"
        case mcgPerKg = "mcg/kg"

        /// Whether the amount is per kilogram of body weight.
        public var isPerKilogram: Bool { self == .mgPerKg || self == .mcgPerKg }
        /// mg per unit (before any per-kg scaling).
        var milligramsPerUnit: Double { self == .mcg || self == .mcgPerKg ? 1e-3 : 1 }

        /// Accepts `mg`, `mcg`, `ug`, `µg`, `mg/kg`, `mcg/kg`, `ug/kg`, `µg/kg`.
        public init?(parsing text: String) {
            switch text.lowercased() {
            case "mg": self = .mg
            case "mcg", "ug", "µg": self = .mcg
            case "mg/kg": self = .mgPerKg
            case "mcg/kg", "ug/kg", "µg/kg": self = .mcgPerKg
            default: return nil
            }
        }
    }

    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The amount in mg for a body of `weight` kg.
    public func milligrams(forWeightKilograms weight: Double) -> Double {
        value * unit.milligramsPerUnit * (unit.isPerKilogram ? weight : 1)
    }

    public var description: String { "\(value) \(unit.rawValue)" }
}

/// A zero-order input rate with its unit: infusions (mg/h, mg/kg/h) and patches (mcg/h).
public struct DoseRate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Units of a rate.
    public enum Unit: String, Sendable, CaseIterable, Codable {
        case mgPerHour = "mg/h"
        case mcgPerHour = "mcg/h"
        case mgPerKgPerHour = "mg/kg/h"
        case mcgPerKgPerHour = "mcg/kg/h"

        public var isPerKilogram: Bool { self == .mgPerKgPerHour || self == .mcgPerKgPerHour }
        var milligramsPerUnit: Double { self == .mcgPerHour || self == .mcgPerKgPerHour ? 1e-3 : 1 }

        /// Accepts `mg/h`, `mcg/h` (`ug/h`, `µg/h`), `mg/kg/h`, `mcg/kg/h`.
        public init?(parsing text: String) {
            switch text.lowercased() {
            case "mg/h": self = .mgPerHour
            case "mcg/h", "ug/h", "µg/h": self = .mcgPerHour
            case "mg/kg/h": self = .mgPerKgPerHour
            case "mcg/kg/h", "ug/kg/h", "µg/kg/h": self = .mcgPerKgPerHour
            default: return nil
            }
        }
    }

    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The rate in mg/h for a body of `weight` kg.
    public func milligramsPerHour(forWeightKilograms weight: Double) -> Double {
        value * unit.milligramsPerUnit * (unit.isPerKilogram ? weight : 1)
    }

    public var description: String { "\(value) \(unit.rawValue)" }
}
