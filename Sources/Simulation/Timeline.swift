import Dosing

/// One thing that happens at a time in a simulation: the unit the event engine processes, and
/// what both `--dose` simulations and NONMEM data sets are translated into.
public struct TimelineEntry: Sendable {
    public enum Action: Sendable {
        /// Report the outputs; `tag` identifies the row (a data-set row, an output time's index).
        case output(tag: Int)
        /// Give a dose into state `state`: modifiers (`f`, `alag`, `rate`, `dur`) are evaluated now,
        /// the administration is scheduled (a bolus, or an infusion's start and end), and each of
        /// the record's ADDL repeats is scheduled `II` later as a dose of its own.
        case dose(DoseRecord, state: Int)
        /// NONMEM's reset (EVID 3): every state back to its initial value, running infusions and
        /// pending doses cancelled; time may restart here.
        case reset
        /// Set parameters (covariates changing), from now on.
        case setParameters([ParameterValue])
        /// A steady-state dose (NONMEM's SS): the system is brought to the steady state of an
        /// infinite series of this dose every `II` (or, with AMT 0, RATE > 0 and II 0, of a
        /// constant infusion), then this dose is given. `replace` (SS = 1) replaces the amounts and
        /// cancels running infusions and pending doses; otherwise (SS = 2) the steady-state amounts
        /// are added to the current ones (superposition, for linear kinetics).
        case steadyStateDose(DoseRecord, state: Int, replace: Bool)
        /// Moves the whole amount of state `from` into state `to` (or discards it, `to` nil) — a
        /// slow-release pellet or a patch taken out with what it still holds. With `to` nil this is
        /// NONMEM's "compartment off" (EVID 2 with a negative CMT); a `to` state that accumulates
        /// removed drug keeps the model's mass balance. Infusions running into `from` go on.
        case moveAmount(from: Int, to: Int?)
    }

    public var time: Double
    public var action: Action

    public init(time: Double, action: Action) {
        self.time = time
        self.action = action
    }
}

/// A parameter's new value.
public struct ParameterValue: Sendable, Equatable {
    public var index: Int
    public var value: Double

    public init(index: Int, value: Double) {
        self.index = index
        self.value = value
    }
}

/// An output row produced by a timeline's `.output` entry.
public struct TimelineOutput: Sendable {
    public var tag: Int
    public var time: Double
    /// States, then assigned names.
    public var values: [Double]
}
