/// The unit in which a product's strength is labelled.
///
/// Tablets, capsules and per-spray products are labelled in mg; oral solutions in mg/mL (the
/// quantity is then in mL); fentanyl transmucosal products in mcg per unit; patches by their
/// nominal delivery rate in mcg/h (CDC 2022 table: "fentanyl … mcg/hr").
public enum StrengthUnit: String, Codable, CaseIterable, Sendable {
    case mg
    case mcg
    case mgPerML = "mg/mL"
    case mcgPerHour = "mcg/h"

    /// Parses the spellings clinicians write: `mg`, `mcg`, `µg`, `ug`, `mg/ml`, `mcg/h`, `mcg/hr`.
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "µg", with: "mcg").replacingOccurrences(of: "ug", with: "mcg")
            .replacingOccurrences(of: " ", with: "")
        switch t {
        case "mg": self = .mg
        case "mcg": self = .mcg
        case "mg/ml": self = .mgPerML
        case "mcg/h", "mcg/hr", "mcg/hour", "mcgperhour": self = .mcgPerHour
        default: return nil
        }
    }
}

/// Whether a product releases its opioid over hours (immediate release) or over a day or more
/// (extended release, long-acting, transdermal). Shah et al. (MMWR 2017) report the highest
/// one-year continuation after long-acting first prescriptions.
public enum ActingDuration: String, Codable, Sendable {
    case short
    case long
}

/// What a product is licensed for. Buprenorphine and methadone for opioid use disorder are not
/// compared with the pain-dosage thresholds (CDC/CMS analytic file; clinical.md §1.3).
public enum Indication: String, Codable, Sendable {
    case pain
    case oud
}

/// One marketed form of one opioid: ingredient, route, form, the strengths it comes in.
///
/// Strengths are per unit (tablet, capsule, film, spray, patch) or per mL for solutions. For
/// patches `wearHours` is how long one patch is worn (72 h for fentanyl, 168 h for
/// buprenorphine; GlobalRPh, clinical.md §3.4). Examples are United States products of
/// 2016–2024 as listed by the FDA; the catalogue is data (`products.json`) and a user may add to it.
public struct OpioidProduct: Codable, Hashable, Sendable {
    /// Identifier unique in a catalogue, e.g. `oxycodone-ir-tablet`.
    public var id: String
    /// The opioid, lower case (`oxycodone`); combination partners such as acetaminophen are not
    /// part of the ingredient.
    public var ingredient: String
    /// `oral`, `transdermal`, `buccal`, `sublingual`, `nasal`, `parenteral`.
    public var route: String
    /// `ir-tablet`, `er-tablet`, `ir-capsule`, `er-capsule`, `solution`, `patch`, `buccal`,
    /// `buccal-film`, `lozenge`, `sublingual-tablet`, `sublingual-film`, `sublingual-spray`,
    /// `nasal-spray`, `injection`.
    public var form: String
    /// Available strengths, in `unit`, ascending.
    public var strengths: [Double]
    /// The unit of `strengths`.
    public var unit: StrengthUnit
    /// Hours one patch is worn; only for patches.
    public var wearHours: Double?
    /// Short- or long-acting.
    public var duration: ActingDuration
    /// Pain (default) or opioid use disorder.
    public var indication: Indication
    /// Free-text examples, for people reading the catalogue.
    public var examples: [String]
    /// Brand names a prescription may use instead of the ingredient (`OxyContin`), matched
    /// case-insensitively; the brand then also fixes the form.
    public var brands: [String]

    public init(
        id: String, ingredient: String, route: String, form: String, strengths: [Double], unit: StrengthUnit,
        wearHours: Double? = nil, duration: ActingDuration, indication: Indication = .pain, examples: [String] = [], brands: [String] = []
    ) {
        self.id = id
        self.ingredient = ingredient
        self.route = route
        self.form = form
        self.strengths = strengths
        self.unit = unit
        self.wearHours = wearHours
        self.duration = duration
        self.indication = indication
        self.examples = examples
        self.brands = brands
    }

    enum CodingKeys: String, CodingKey {
        case id, ingredient, route, form, strengths, unit, wearHours, duration, indication, examples, brands
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        ingredient = try c.decode(String.self, forKey: .ingredient).lowercased()
        route = try c.decode(String.self, forKey: .route)
        form = try c.decode(String.self, forKey: .form)
        strengths = try c.decode([Double].self, forKey: .strengths)
        unit = try c.decode(StrengthUnit.self, forKey: .unit)
        wearHours = try c.decodeIfPresent(Double.self, forKey: .wearHours)
        duration = try c.decode(ActingDuration.self, forKey: .duration)
        indication = try c.decodeIfPresent(Indication.self, forKey: .indication) ?? .pain
        examples = try c.decodeIfPresent([String].self, forKey: .examples) ?? []
        brands = try c.decodeIfPresent([String].self, forKey: .brands) ?? []
    }

    /// Whether this is a transdermal patch.
    public var isPatch: Bool { form == "patch" }
}
