/// One opioid prescription as a clinician writes it, for MME.
///
/// Either what was dispensed (`quantity` units — tablets, mL, films, sprays, patches — for
/// `daysSupply` days: the CDC/CMS formula strength × quantity ÷ days' supply), a regimen
/// ("10 mg every 6 h": units per dose × doses per day), or, for patches only, a patch worn
/// continuously (a dose rate in mcg/h).
public struct Prescription: Sendable, Equatable {
    /// How much is taken, in one of three ways.
    public enum Supply: Sendable, Equatable {
        /// `quantity` units dispensed for `days` days.
        case dispensed(quantity: Double, days: Double)
        /// `unitsPerDose` units taken `dosesPerDay` times a day.
        case regimen(unitsPerDose: Double, dosesPerDay: Double)
        /// `patches` patches worn at all times (a dose rate); patches only.
        case continuous(patches: Double)
    }

    /// The opioid, e.g. `oxycodone`.
    public var drug: String
    /// The form (`ir-tablet`, `patch`, …); `nil` lets the catalogue choose when unambiguous.
    public var form: String?
    /// Strength per unit (per mL for solutions), in `unit`.
    public var strength: Double
    /// The unit of `strength`.
    public var unit: StrengthUnit
    /// How much is taken.
    public var supply: Supply
    /// Pain (default) or opioid use disorder; OUD treatment is excluded from MME totals.
    public var indication: Indication

    public init(drug: String, form: String? = nil, strength: Double, unit: StrengthUnit, supply: Supply, indication: Indication = .pain) {
        self.drug = drug
        self.form = form
        self.strength = strength
        self.unit = unit
        self.supply = supply
        self.indication = indication
    }
}

/// Doses per day from the way prescriptions write frequency: `qid`, `tid`, `bid`, `daily`
/// (`qd`, `qhs`, `qam`, `qpm`, `once`), `q6h`/`every 6 h`, `4/day` or `4x/day`.
public func dosesPerDay(parsing text: String) throws -> Double {
    let t = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ".", with: "")
    switch t {
    case "qid": return 4
    case "tid": return 3
    case "bid": return 2
    case "qd", "daily", "once", "oncedaily", "qhs", "qam", "qpm", "od", "1/day": return 1
    default: break
    }
    var hours: Substring?
    if t.hasPrefix("q"), t.hasSuffix("h") { hours = t.dropFirst().dropLast() }
    if t.hasPrefix("every"), t.hasSuffix("h") { hours = t.dropFirst(5).dropLast() }
    if t.hasPrefix("every"), t.hasSuffix("hours") { hours = t.dropFirst(5).dropLast(5) }
    if let hours, let h = Double(hours), h.isFinite, h > 0 { return 24 / h }
    for suffix in ["x/day", "/day", "xdaily", "timesaday", "timesdaily"] where t.hasSuffix(suffix) {
        if let n = Double(t.dropLast(suffix.count)), n.isFinite, n > 0 { return n }
    }
    throw ClinicError(field: "frequency", "cannot read the frequency '\(text)'; expected qid, tid, bid, daily, q6h, 'every 8 h' or 3/day")
}
