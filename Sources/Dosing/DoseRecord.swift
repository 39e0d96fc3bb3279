/// A dose as a NONMEM-style record (DESIGN.md §4): an amount into a compartment at a time, as a
/// bolus or an infusion, optionally repeated. Units are the model's: time in hours and amounts in
/// mg for Wean's own models.
public struct DoseRecord: Sendable, Hashable {
    /// Where the dose goes: a state's name, or its 1-based number in declaration order.
    public enum Compartment: Sendable, Hashable, CustomStringConvertible {
        case name(String)
        case number(Int)

        public var description: String {
            switch self {
            case .name(let name): name
            case .number(let number): "\(number)"
            }
        }
    }

    /// How the amount is given (NONMEM's RATE column).
    public enum Delivery: Sendable, Hashable {
        /// All at once (RATE = 0).
        case bolus
        /// Zero-order infusion at this rate, amount per time unit (RATE > 0).
        case infusion(rate: Double)
        /// Infusion at the rate given by the model's `rate(cmt)` (RATE = −1).
        case modelledRate
        /// Infusion over the duration given by the model's `dur(cmt)` (RATE = −2).
        case modelledDuration
    }

    public var time: Double
    public var amount: Double
    /// `nil`: the first state.
    public var compartment: Compartment?
    public var delivery: Delivery
    /// Interval between repeats (NONMEM II), time units; 0 for none.
    public var interval: Double
    /// Additional doses after the first (NONMEM ADDL).
    public var additional: Int
    /// The most additional doses one record may imply (ADDL, `addl=`): a dose every hour for more
    /// than 11 years. A longer series is a steady-state record or several records; the limit keeps
    /// a typo from scheduling billions of events.
    public static let maximumAdditionalDoses = 100_000
    /// NONMEM's SS: 0 none, 1 steady state replacing the amounts, 2 steady state added to them.
    public var steadyState: Int = 0

    public init(time: Double, amount: Double, compartment: Compartment? = nil, delivery: Delivery = .bolus,
                interval: Double = 0, additional: Int = 0, steadyState: Int = 0) {
        self.steadyState = steadyState
        self.time = time
        self.amount = amount
        self.compartment = compartment
        self.delivery = delivery
        self.interval = interval
        self.additional = additional
    }
}
