/// A unit of a drug quantity: how many mg (or mg/h) one unit is, and whether it is per kilogram
/// of body weight.
public protocol DoseUnit: RawRepresentable, Sendable, Hashable, Codable, CaseIterable where RawValue == String {
    /// mg (or mg/h) per unit, before any per-kg scaling.
    var milligramsPerUnit: Double { get }
    /// Whether the quantity is per kilogram of body weight.
    var isPerKilogram: Bool { get }
    /// The unit written as `text` (accepting the usual spellings of µg), or `nil`.
    init?(parsing text: String)
}

/// A drug quantity with its unit, absolute or per kilogram of body weight: an amount
/// (`DoseAmount`, in mg, mcg, mg/kg, mcg/kg) or a rate (`DoseRate`, in mg/h, mcg/h, mg/kg/h,
/// mcg/kg/h).
///
/// The library's models count drug in mg and hours (DESIGN.md §2); `milligrams(forWeightKilograms:)`
/// is the one place where µg become mg and per-kg quantities become absolute ones.
public struct DoseQuantity<Unit: DoseUnit>: Sendable, Hashable, Codable, CustomStringConvertible {
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The quantity in mg (an amount) or mg/h (a rate) for a body of `weight` kg.
    public func milligrams(forWeightKilograms weight: Double) -> Double {
        value * unit.milligramsPerUnit * (unit.isPerKilogram ? weight : 1)
    }

    public var description: String { "\(value) \(unit.rawValue)" }
}

/// Units of a drug amount.
public enum AmountUnit: String, DoseUnit {
    case mg, mcg
    case mgPerKg = "mg/kg"
    case mcgPerKg = "mcg/kg"

    public var isPerKilogram: Bool { self == .mgPerKg || self == .mcgPerKg }
    public var milligramsPerUnit: Double { self == .mcg || self == .mcgPerKg ? 1e-3 : 1 }

    /// Accepts `mg`, `mcg`, `ug`, `µg`, `mg/kg`, `mcg/kg`, `ug/kg`, `µg/kg`.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased().replacingOccurrences(of: "µg", with: "mcg").replacingOccurrences(of: "ug", with: "mcg"))
    }
}

/// Units of a zero-order input rate: infusions (mg/h, mg/kg/h) and patches (mcg/h).
public enum RateUnit: String, DoseUnit {
    case mgPerHour = "mg/h"
    case mcgPerHour = "mcg/h"
    case mgPerKgPerHour = "mg/kg/h"
    case mcgPerKgPerHour = "mcg/kg/h"

    public var isPerKilogram: Bool { self == .mgPerKgPerHour || self == .mcgPerKgPerHour }
    public var milligramsPerUnit: Double { self == .mcgPerHour || self == .mcgPerKgPerHour ? 1e-3 : 1 }

    /// Accepts `mg/h`, `mcg/h` (`ug/h`, `µg/h`), `mg/kg/h`, `mcg/kg/h`.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased().replacingOccurrences(of: "µg", with: "mcg").replacingOccurrences(of: "ug", with: "mcg"))
    }
}

/// A drug amount: `DoseAmount(10, .mgPerKg)`.
public typealias DoseAmount = DoseQuantity<AmountUnit>
/// An input rate: `DoseRate(25, .mcgPerHour)`; its `milligramsPerHour(forWeightKilograms:)` is mg/h.
public typealias DoseRate = DoseQuantity<RateUnit>

extension DoseQuantity where Unit == RateUnit {
    /// The rate in mg/h for a body of `weight` kg.
    public func milligramsPerHour(forWeightKilograms weight: Double) -> Double { milligrams(forWeightKilograms: weight) }
}
