import ModelLanguage

/// A PK model of one opioid in one species: a `.wean` file of this package compiled to native
/// code, with how each route's doses enter it and which states hold drug amounts.
///
/// Every library model has the outputs `Cp` (plasma concentration, mg/L), `Ce` (effect-site
/// concentration, mg/L) and `analgesia` (fraction 0–1 of the maximal effect, sigmoid Emax on
/// `Ce`), and the parameter `WT` (body weight, kg). Units follow DESIGN.md §2: hours, mg, L.
/// The parameters, with their sources, are the `param` lines of the `.wean` text (`source`).
public struct OpioidModel: Sendable {
    /// Where a route's dose goes: a share of the dose into one state.
    public struct RouteInput: Sendable {
        /// The share of the dose this state receives: a fixed fraction times each named parameter
        /// `p` of `parameters` and each `(1 − q)` of `complements` (e.g. a patch's delivered
        /// fraction times the fraction taking the fast path through the skin), times the
        /// size-dependent fraction of `saturating` (or its complement) when there is one.
        public struct Share: Sendable {
            public var fixed: Double
            public var parameters: [String]
            public var complements: [String]
            public var saturating: SaturatingFraction?

            public init(fixed: Double = 1, parameters: [String] = [], complements: [String] = [],
                        saturating: SaturatingFraction? = nil) {
                self.fixed = fixed
                self.parameters = parameters
                self.complements = complements
                self.saturating = saturating
            }

            /// A fixed fraction (from a source cited in the model file).
            public static func fixed(_ value: Double) -> Share { Share(fixed: value) }
        }

        /// A fraction of one dose that falls with the dose's size: of an amount a (mg) it is
        /// min(1, capacity / (halfSize + a)), so the part it takes, capacity · a / (halfSize + a),
        /// saturates at `capacity` mg — a pellet whose releasable content grows less than its size
        /// (the two parameters are named in the model file, with their source). With `complement`
        /// the share is 1 minus that fraction.
        public struct SaturatingFraction: Sendable {
            /// The parameter holding the capacity (mg): the most any one dose can put through.
            public var capacity: String
            /// The parameter holding the dose (mg) at which half the capacity is reached.
            public var halfSize: String
            public var complement: Bool

            public init(capacity: String, halfSize: String, complement: Bool = false) {
                self.capacity = capacity
                self.halfSize = halfSize
                self.complement = complement
            }

            /// The same fraction's complement: the rest of the dose.
            public var complemented: SaturatingFraction {
                SaturatingFraction(capacity: capacity, halfSize: halfSize, complement: !complement)
            }

            /// The fraction of a dose of `milligrams` (≥ 0) for the given parameter values.
            public static func fraction(ofMilligrams milligrams: Double, capacity: Double, halfSize: Double) -> Double {
                let denominator = halfSize + milligrams
                guard denominator > 0 else { return 1 }
                return min(1, max(0, capacity / denominator))
            }
        }

        public var state: String
        public var share: Share

        public init(_ state: String, share: Share = .fixed(1)) {
            self.state = state
            self.share = share
        }
    }

    public let opioid: Opioid
    public let species: Species
    /// The `.wean` file name in `Sources/Pharmacology/Models`.
    public let file: String
    /// The model text (parameters with units and sources).
    public let source: String
    /// The inputs of each supported route.
    public let routes: [Route: [RouteInput]]
    /// States that hold drug amounts (mg): their sum equals every mg dosed (mass balance).
    public let amountStates: [String]
    /// In a model of two opioids (`combined(with:)`), the second one: its names here and its
    /// routes; `nil` in a library model.
    public let secondOpioid: SecondOpioid?
    let make: @Sendable () -> any ModelRuntime

    init(_ opioid: Opioid, _ species: Species, file: String, source: String, routes: [Route: [RouteInput]],
         amountStates: [String], secondOpioid: SecondOpioid? = nil, make: @escaping @Sendable () -> any ModelRuntime) {
        self.opioid = opioid
        self.species = species
        self.file = file
        self.source = source
        self.routes = routes
        self.amountStates = amountStates
        self.secondOpioid = secondOpioid
        self.make = make
    }

    /// A short name, e.g. "morphine (rat)", or "methadone with buprenorphine (human)".
    public var name: String {
        if let second = secondOpioid { "\(opioid.rawValue) with \(second.opioid.rawValue) (\(species.rawValue))" } else { "\(opioid.rawValue) (\(species.rawValue))" }
    }

    /// The routes supported, in a stable order.
    public var supportedRoutes: [Route] { Route.allCases.filter { routes[$0] != nil } }

    /// Whether the model carries the mechanism (tolerance, glia, OIH, MSC and nerve-injury
    /// pathways) besides its PK; the others are PK-only (analgesia from Ce, no adaptation).
    public var isMechanistic: Bool { checkedModel.stateIndex("msc_lung") != nil }

    /// The shipped value of parameter `name` (as written in the model file), or `nil` if the model
    /// has no such parameter.
    public func parameterValue(_ name: String) -> Double? {
        checkedModel.parameters.first { $0.name == name }?.defaultValue
    }

    /// The routes by which `treatment` can be given as a dose in mg in this model, in a stable
    /// order: IV and each depot route whose bioavailability here is above 0; empty if the model
    /// has no kinetics for the treatment (`Treatment.doseKinetics`; a PK-only model).
    public func doseRoutes(of treatment: Treatment) -> [Route] {
        guard let kinetics = treatment.doseKinetics, parameterValue(kinetics.peakLevelPerMilligramPerKilogram) != nil else { return [] }
        return Route.allCases.filter { route in
            if route == .iv { return true }
            guard let depot = kinetics.depots[route], let bioavailability = parameterValue(depot.bioavailability) else { return false }
            return bioavailability > 0
        }
    }

    /// The marker line that opens a file's mechanism parameters, and the one that opens its
    /// mechanism equations.
    static let mechanismParametersMarker = "# --- Mechanism parameters"
    static let mechanismEquationsMarker = "# --- Mechanism:"

    /// The mechanism's parameters, in file order: the `param` lines that follow the file's
    /// mechanism-parameters marker (none for a PK-only model). The rest are the drug's own.
    public var mechanismParameterNames: [String] {
        var names: [String] = [], inMechanism = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(Self.mechanismParametersMarker) { inMechanism = true; continue }
            guard inMechanism else { continue }
            guard line.hasPrefix("param ") else { break }
            names.append(String(line.dropFirst(6).prefix { $0 != " " && $0 != "=" }))
        }
        return names
    }

    /// A fresh native instance of the model at its default parameters.
    public func makeRuntime() -> any ModelRuntime { make() }

    /// The checked model: names, parameters with units and documentation.
    public var checkedModel: Model { make().model }
}
