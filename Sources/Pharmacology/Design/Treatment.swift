/// A non-opioid intervention on the mechanistic model, given as a level of effect over time
/// (DESIGN.md §5; science.md §3.5).
///
/// Each treatment feeds a state of the model that rises toward the given `level` while the
/// treatment runs and decays with the treatment's half-life (a model parameter) afterwards:
/// - `il1ra` — IL-1 receptor antagonist: the fraction (0–1) of cytokine (IL-1) signalling blocked
///   (Johnston IN et al., J Neurosci 2004;24:7353).
/// - `propentofylline`, `pea` — glial inhibitors (propentofylline: Raghavendra V et al.,
///   Neuropsychopharmacology 2004;29:327; palmitoylethanolamide: BioMed Res Int 2015:894732): the
///   fraction (0–1) of glial activation blocked; the same level also speeds activated glia back to
///   rest (`K_RESOLVE`; PEA's 4-day recovery, Front Pharmacol 2018;9:473).
/// - `naloxone` — competitive µ antagonist: its concentration over its Ki, i.e. the fold shift of
///   the opioid's EC50 (a bolus of 100 precipitates withdrawal). A bolus's level is its peak at
///   the receptors; in humans most of it falls within minutes (`distributingBolus`).
/// - `antiTGFb1` — a TGF-β1-neutralising antibody given intrathecally: its concentration over its
///   K_D for TGF-β1, so the free TGF-β1 of intrathecal MSCs is 1/(1 + level) of what they secrete
///   (Chen G et al., J Clin Invest 2015;125:3226: it removed the cells' relief of nerve-injury
///   pain; neutralising IL-10 did not).
/// Levels are effect levels, not doses. Naloxone may also be given as a dose in mg or an infusion
/// in mg/h (`Administration.treatmentDose`, `.treatmentInfusion`): its kinetics in the model turn
/// the drug into a level (`doseKinetics`); for the other agents the dose–level relation is not
/// modelled.
public enum Treatment: String, Sendable, CaseIterable, Codable {
    case il1ra, propentofylline, pea, naloxone
    case antiTGFb1 = "anti-tgfb1"

    /// The model state the treatment feeds.
    public var state: String {
        switch self {
        case .il1ra: "il1ra"
        case .propentofylline, .pea: "glial_inhibitor"
        case .naloxone: "naloxone"
        case .antiTGFb1: "anti_tgfb1"
        }
    }

    /// Where a bolus's fast-falling share goes, if the treatment has one: the state, and the
    /// parameter holding the share of the bolus it takes (naloxone after an IV bolus falls mostly
    /// within minutes as it distributes, then with its terminal half-life; docs/model.md). A held
    /// level feeds `state` alone.
    public var distributingBolus: (state: String, shareParameter: String)? {
        switch self {
        case .naloxone: ("naloxone_distributing", "NALOXONE_DISTRIBUTION_SHARE")
        case .il1ra, .propentofylline, .pea, .antiTGFb1: nil
        }
    }

    /// The model parameter holding the state's half-life, h.
    public var halfLifeParameter: String {
        switch self {
        case .il1ra: "HALF_IL1RA"
        case .propentofylline, .pea: "HALF_GLIAL_INHIBITOR"
        case .naloxone: "HALF_NALOXONE"
        case .antiTGFb1: "HALF_ANTI_TGFB1"
        }
    }

    /// How a dose of the treatment in mg reaches its level, if the model has its kinetics: the
    /// parameter giving the peak level of an IV bolus per mg/kg, the one scaling an absorbed mg's
    /// level, and for each other route its depot state (the model absorbs it) and the parameter of
    /// its bioavailability. A route whose bioavailability is 0 in a species' file is not modelled
    /// for that species (naloxone: IV, i.m. and intranasal in humans; IV, s.c. and i.p. in rodents;
    /// docs/model.md).
    public var doseKinetics: DoseKinetics? {
        switch self {
        case .naloxone:
            DoseKinetics(peakLevelPerMilligramPerKilogram: "NALOXONE_LEVEL_PER_MG_KG", absorbedScale: "NALOXONE_ABSORBED_SCALE",
                         depots: [.im: .init(state: "naloxone_im", bioavailability: "F_NALOXONE_IM"),
                                  .intranasal: .init(state: "naloxone_nasal", bioavailability: "F_NALOXONE_NASAL"),
                                  .sc: .init(state: "naloxone_sc", bioavailability: "F_NALOXONE_SC"),
                                  .ip: .init(state: "naloxone_ip", bioavailability: "F_NALOXONE_IP")])
        case .il1ra, .propentofylline, .pea, .antiTGFb1: nil
        }
    }

    /// The model's kinetics of a treatment given in mg (`doseKinetics`): names of its parameters
    /// and states.
    public struct DoseKinetics: Sendable, Hashable {
        /// A depot a non-IV dose enters, absorbed first-order into the level by the model's
        /// equations; its bioavailability parameter, 0 where the species has no such route.
        public struct Depot: Sendable, Hashable {
            public var state: String
            public var bioavailability: String
        }
        /// Parameter: the level at its peak after an IV bolus of 1 mg/kg (kg/mg).
        public var peakLevelPerMilligramPerKilogram: String
        /// Parameter: an absorbed mg's level over an IV bolus's peak level per mg (dimensionless).
        public var absorbedScale: String
        /// The depot of each route other than IV.
        public var depots: [Route: Depot]
    }

    /// What a level of this treatment means, with an example, for messages.
    public var levelMeaning: String {
        switch self {
        case .il1ra, .propentofylline, .pea: "the fraction of the pathway blocked, 0-1, e.g. dose=1"
        case .naloxone: "its concentration over its Ki (a bolus's: at its peak), the fold shift of the opioid's EC50, e.g. dose=100"
        case .antiTGFb1: "its concentration over its K_D, free TGF-beta1 being 1/(1 + level), e.g. dose=1000"
        }
    }

    /// The allowed levels in words, for messages.
    public var levelRange: String { maximumLevel == .infinity ? "a finite number ≥ 0" : "between 0 and 1" }

    /// The largest meaningful level: fractions of a blocked pathway cannot exceed 1; a binder's
    /// concentration over its constant (naloxone, the antibody) has no upper bound.
    public var maximumLevel: Double {
        switch self {
        case .naloxone, .antiTGFb1: .infinity
        case .il1ra, .propentofylline, .pea: 1
        }
    }
}

/// A genetic knockout, set for the whole run (a design switch, not a parameter change).
public enum Knockout: String, Sendable, CaseIterable, Codable {
    /// Microglial BDNF deleted (Ferrini F et al., Nat Neurosci 2013;16:183): no BDNF → KCC2
    /// sensitisation, so no opioid-induced hyperalgesia; tolerance intact.
    case microglialBDNF = "bdnf"

    /// The model parameter the knockout sets, and its value.
    public var parameter: (name: String, value: Double) {
        switch self {
        case .microglialBDNF: ("BDNF", 0)
        }
    }
}
