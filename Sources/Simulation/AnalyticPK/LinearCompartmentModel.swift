/// A linear compartment model of the analytic path: one, two or three disposition compartments,
/// optionally with a first-order absorption depot — the classic NONMEM ADVAN 1–4, 11 and 12
/// structures — with the usual parameters (consistent units, e.g. L, L/h, h, mg).
///
/// States, in this order: `depot` (with absorption), `central`, `periph` (two or three
/// compartments), `periph2` (three). The output is `Cp = central / V1`. Depot doses take the
/// bioavailability `F` and the lag `ALAG`; doses into other states enter whole and at once.
/// The same structures as the library's `pk1cmt.wean`, `pk2cmt.wean`, `pk3cmt.wean` (with the
/// same parameter names), which the ODE path solves — a test keeps the two paths equal.
public struct LinearCompartmentModel: Sendable, Hashable {
    /// Number of disposition compartments.
    public enum Disposition: Int, Sendable, Hashable, CaseIterable {
        case oneCompartment = 1, twoCompartment, threeCompartment
    }

    public var disposition: Disposition
    /// First-order absorption rate KA, 1/time; `nil`: no depot (IV doses only).
    public var absorptionRate: Double?
    /// Clearance CL, volume/time.
    public var clearance: Double
    /// Central volume V1.
    public var centralVolume: Double
    /// Inter-compartmental clearances Q (and Q3), volume/time: as many as peripheral compartments.
    public var intercompartmentalClearances: [Double]
    /// Peripheral volumes V2 (and V3).
    public var peripheralVolumes: [Double]
    /// Bioavailability F of depot doses (dimensionless).
    public var bioavailability: Double
    /// Absorption lag ALAG of depot doses, time.
    public var lag: Double

    public init(disposition: Disposition, absorptionRate: Double? = nil, clearance: Double, centralVolume: Double,
                intercompartmentalClearances: [Double] = [], peripheralVolumes: [Double] = [],
                bioavailability: Double = 1, lag: Double = 0) {
        self.disposition = disposition
        self.absorptionRate = absorptionRate
        self.clearance = clearance
        self.centralVolume = centralVolume
        self.intercompartmentalClearances = intercompartmentalClearances
        self.peripheralVolumes = peripheralVolumes
        self.bioavailability = bioavailability
        self.lag = lag
    }

    /// State names in order.
    public var stateNames: [String] {
        (absorptionRate != nil ? ["depot"] : []) + ["central"] + ["periph", "periph2"].prefix(disposition.rawValue - 1)
    }

    /// Index of `central` in the state vector.
    var central: Int { absorptionRate != nil ? 1 : 0 }
    /// Index of the depot, if any.
    var depot: Int? { absorptionRate != nil ? 0 : nil }
    var dimension: Int { stateNames.count }

    /// Checks that every parameter is finite and in range, with a message naming it.
    public func validate() throws(SimulationError) {
        func check(_ value: Double, _ name: String, positive: Bool = true) throws(SimulationError) {
            guard value.isFinite, positive ? value > 0 : value >= 0 else {
                throw .invalidInput("analytic \(disposition.rawValue)-compartment model: \(name) must be \(positive ? "> 0" : "≥ 0") and finite; got \(value)")
            }
        }
        let peripherals = disposition.rawValue - 1
        guard intercompartmentalClearances.count == peripherals, peripheralVolumes.count == peripherals else {
            throw .invalidInput("analytic \(disposition.rawValue)-compartment model: needs \(peripherals) inter-compartmental clearance(s) and peripheral volume(s); got \(intercompartmentalClearances.count) and \(peripheralVolumes.count)")
        }
        if let absorptionRate { try check(absorptionRate, "KA") }
        try check(clearance, "CL", positive: false)
        try check(centralVolume, "V1")
        for (index, q) in intercompartmentalClearances.enumerated() { try check(q, index == 0 ? "Q" : "Q3", positive: false) }
        for (index, v) in peripheralVolumes.enumerated() { try check(v, index == 0 ? "V2" : "V3") }
        try check(bioavailability, "F", positive: false)
        try check(lag, "ALAG", positive: false)
    }

    /// The generator `A` of `y' = A y + r`, in the leading block of a 4×4 matrix.
    var generator: Matrix4 {
        var a = Matrix4.zero
        let c = central
        if let depot, let ka = absorptionRate {
            a[depot, depot] = -ka
            a[c, depot] = ka
        }
        a[c, c] = -clearance / centralVolume
        for (index, (q, v)) in zip(intercompartmentalClearances, peripheralVolumes).enumerated() {
            let p = c + 1 + index
            a[c, c] -= q / centralVolume
            a[c, p] += q / v
            a[p, c] += q / centralVolume
            a[p, p] -= q / v
        }
        return a
    }
}
