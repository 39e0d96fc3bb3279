/// An administration as JSON: one flat object with a `kind` and the fields of that kind, times in
/// hours (`atHours`, `fromHours`, `toHours`, `everyHours`), quantities with their units
/// (`{"value": 10, "unit": "mg/kg"}`) — the form `wean scenario --format json` echoes, so a run
/// can be repeated from its own output.
extension Administration: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, amount, rate, strength, route, atHours, everyHours, fromHours, toHours, changeEveryHours
        case removeHours, treatment, level, transplant, injury
    }

    /// The `kind` field's values.
    enum Kind: String, Codable {
        case dose, repeated, infusion, patch, patches, pellet, treatment, treatmentBolus, treatmentDose, treatmentInfusion, msc, nerveInjury
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .dose:
            self = .dose(try c.decode(DoseAmount.self, forKey: .amount), route: try c.decode(Route.self, forKey: .route),
                         atHours: try c.decode(Double.self, forKey: .atHours))
        case .repeated:
            self = .repeated(try c.decode(DoseAmount.self, forKey: .amount), route: try c.decode(Route.self, forKey: .route),
                             everyHours: try c.decode(Double.self, forKey: .everyHours),
                             fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .infusion:
            self = .infusion(try c.decode(DoseRate.self, forKey: .rate), route: try c.decode(Route.self, forKey: .route),
                             fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .patch:
            self = .patch(strength: try c.decode(DoseRate.self, forKey: .strength),
                          fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .patches:
            self = .patches(strength: try c.decode(DoseRate.self, forKey: .strength),
                            changeEveryHours: try c.decode(Double.self, forKey: .changeEveryHours),
                            fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .pellet:
            self = .pellet(try c.decode(DoseAmount.self, forKey: .amount), atHours: try c.decode(Double.self, forKey: .atHours),
                           removeHours: try c.decodeIfPresent(Double.self, forKey: .removeHours))
        case .treatment:
            self = .treatment(try c.decode(Treatment.self, forKey: .treatment), level: try c.decode(Double.self, forKey: .level),
                              fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .treatmentBolus:
            self = .treatmentBolus(try c.decode(Treatment.self, forKey: .treatment), level: try c.decode(Double.self, forKey: .level),
                                   atHours: try c.decode(Double.self, forKey: .atHours))
        case .treatmentDose:
            self = .treatmentDose(try c.decode(Treatment.self, forKey: .treatment), try c.decode(DoseAmount.self, forKey: .amount),
                                  route: try c.decode(Route.self, forKey: .route), atHours: try c.decode(Double.self, forKey: .atHours))
        case .treatmentInfusion:
            self = .treatmentInfusion(try c.decode(Treatment.self, forKey: .treatment), try c.decode(DoseRate.self, forKey: .rate),
                                      route: try c.decode(Route.self, forKey: .route),
                                      fromHours: try c.decode(Double.self, forKey: .fromHours), toHours: try c.decode(Double.self, forKey: .toHours))
        case .msc:
            self = .msc(try c.decode(CellTransplant.self, forKey: .transplant))
        case .nerveInjury:
            self = .nerveInjury(try c.decode(NerveInjury.self, forKey: .injury), atHours: try c.decode(Double.self, forKey: .atHours))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .dose(amount, route, at):
            try c.encode(Kind.dose, forKey: .kind)
            try c.encode(amount, forKey: .amount)
            try c.encode(route, forKey: .route)
            try c.encode(at, forKey: .atHours)
        case let .repeated(amount, route, every, from, to):
            try c.encode(Kind.repeated, forKey: .kind)
            try c.encode(amount, forKey: .amount)
            try c.encode(route, forKey: .route)
            try c.encode(every, forKey: .everyHours)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .infusion(rate, route, from, to):
            try c.encode(Kind.infusion, forKey: .kind)
            try c.encode(rate, forKey: .rate)
            try c.encode(route, forKey: .route)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .patch(strength, from, to):
            try c.encode(Kind.patch, forKey: .kind)
            try c.encode(strength, forKey: .strength)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .patches(strength, every, from, to):
            try c.encode(Kind.patches, forKey: .kind)
            try c.encode(strength, forKey: .strength)
            try c.encode(every, forKey: .changeEveryHours)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .pellet(amount, at, remove):
            try c.encode(Kind.pellet, forKey: .kind)
            try c.encode(amount, forKey: .amount)
            try c.encode(at, forKey: .atHours)
            try c.encodeIfPresent(remove, forKey: .removeHours)
        case let .treatment(treatment, level, from, to):
            try c.encode(Kind.treatment, forKey: .kind)
            try c.encode(treatment, forKey: .treatment)
            try c.encode(level, forKey: .level)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .treatmentBolus(treatment, level, at):
            try c.encode(Kind.treatmentBolus, forKey: .kind)
            try c.encode(treatment, forKey: .treatment)
            try c.encode(level, forKey: .level)
            try c.encode(at, forKey: .atHours)
        case let .treatmentDose(treatment, amount, route, at):
            try c.encode(Kind.treatmentDose, forKey: .kind)
            try c.encode(treatment, forKey: .treatment)
            try c.encode(amount, forKey: .amount)
            try c.encode(route, forKey: .route)
            try c.encode(at, forKey: .atHours)
        case let .treatmentInfusion(treatment, rate, route, from, to):
            try c.encode(Kind.treatmentInfusion, forKey: .kind)
            try c.encode(treatment, forKey: .treatment)
            try c.encode(rate, forKey: .rate)
            try c.encode(route, forKey: .route)
            try c.encode(from, forKey: .fromHours)
            try c.encode(to, forKey: .toHours)
        case let .msc(transplant):
            try c.encode(Kind.msc, forKey: .kind)
            try c.encode(transplant, forKey: .transplant)
        case let .nerveInjury(injury, at):
            try c.encode(Kind.nerveInjury, forKey: .kind)
            try c.encode(injury, forKey: .injury)
            try c.encode(at, forKey: .atHours)
        }
    }
}
