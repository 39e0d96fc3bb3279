/// How a dose is given. Each PK model maps the routes it supports to its depot compartments
/// (`OpioidModel.routes`); a route it does not list is an error naming the ones it does.
public enum Route: String, Sendable, CaseIterable, Codable {
    /// Intravenous: bolus or infusion straight into the central compartment.
    case iv
    /// Subcutaneous injection or infusion.
    case sc
    /// Intraperitoneal injection (rodents).
    case ip
    /// Intramuscular injection (human morphine; naloxone doses, `Administration.treatmentDose`).
    case im
    /// Oral, immediate release.
    case oral
    /// Oral, extended release.
    case oralER = "oral_er"
    /// Sublingual.
    case sublingual
    /// Intranasal.
    case intranasal
    /// Transdermal patch: a reservoir releasing first-order into the skin while worn.
    case transdermal
    /// Implanted slow-release pellet (rodents).
    case pellet

    /// Spellings accepted on the command line besides the raw value.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        switch lower {
        case "iv", "i.v.", "intravenous": self = .iv
        case "sc", "s.c.", "subcutaneous": self = .sc
        case "ip", "i.p.", "intraperitoneal": self = .ip
        case "im", "i.m.", "intramuscular": self = .im
        case "oral", "po", "p.o.": self = .oral
        case "oral_er", "er", "oral-er": self = .oralER
        case "sublingual", "sl": self = .sublingual
        case "intranasal", "in", "nasal": self = .intranasal
        case "transdermal", "td", "patch": self = .transdermal
        case "pellet": self = .pellet
        default: return nil
        }
    }
}
