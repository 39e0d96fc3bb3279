import Dosing
import ModelLanguage
import Solvers

/// Runs a compiled model through doses and reports its outputs at requested times — the
/// `Simulation` stage of the pipeline (DESIGN.md §1).
///
/// Semantics (NONMEM's, DESIGN.md §4): `f(cmt)` scales a dose's amount; for an infusion with a
/// given rate the rate is kept and the duration becomes `F·AMT/RATE`; `alag(cmt)` delays the dose;
/// `rate(cmt)` and `dur(cmt)` give the infusion of doses with RATE −1 and −2. Modifiers are
/// evaluated at the dose record's time. Every dose, infusion start and infusion end is a stop
/// time of the solver (never stepped over), where the state jumps or the input changes and the
/// method restarts. An output at the time of a dose reports the state after the dose.
public enum Simulator {
    /// Simulates `instance` with `doses`, reporting the outputs at `outputTimes` (increasing),
    /// from `startTime` (default: the earliest of 0, the doses and the outputs). An output at the
    /// time of a dose reports the state after the dose.
    public static func simulate<Runtime: ModelRuntime>(
        _ instance: Runtime, doses: [DoseRecord], outputTimes: [Double], method: SolverMethod = .auto,
        options: SolverOptions = SolverOptions(), startTime: Double? = nil
    ) throws(SimulationError) -> SimulationResult {
        try simulate(instance, doses: doses, outputTimes: outputTimes, method: method, options: options, startTime: startTime,
                     analyticFastPath: true)
    }

    /// `simulate`, with the analytic fast path of `.exact` optional (tests compare it with the
    /// event engine's own exact method).
    static func simulate<Runtime: ModelRuntime>(
        _ instance: Runtime, doses: [DoseRecord], outputTimes: [Double], method: SolverMethod,
        options: SolverOptions, startTime: Double?, analyticFastPath: Bool
    ) throws(SimulationError) -> SimulationResult {
        var sink = OutputRows()
        let statistics = try simulate(instance, doses: doses, outputTimes: outputTimes, method: method, options: options,
                                      startTime: startTime, analyticFastPath: analyticFastPath, into: &sink)
        return SimulationResult(names: instance.model.outputNames, times: sink.outputs.map(\.time), rows: sink.outputs.map(\.values),
                                statistics: statistics)
    }

    /// `simulate` with the output rows handed to `sink` as they are computed (tag: the output
    /// time's index) instead of collected: nothing is allocated per output, so a population run
    /// can write each subject's values straight into its place. Returns the solver's work.
    public static func simulate<Runtime: ModelRuntime, Sink: SimulationOutputSink>(
        _ instance: Runtime, doses: [DoseRecord], outputTimes: [Double], method: SolverMethod = .auto,
        options: SolverOptions = SolverOptions(), startTime: Double? = nil, into sink: inout Sink
    ) throws(SimulationError) -> SolverStatisticsSummary {
        try simulate(instance, doses: doses, outputTimes: outputTimes, method: method, options: options, startTime: startTime,
                     analyticFastPath: true, into: &sink)
    }

    static func simulate<Runtime: ModelRuntime, Sink: SimulationOutputSink>(
        _ instance: Runtime, doses: [DoseRecord], outputTimes: [Double], method: SolverMethod,
        options: SolverOptions, startTime: Double?, analyticFastPath: Bool, into sink: inout Sink
    ) throws(SimulationError) -> SolverStatisticsSummary {
        let model = instance.model
        guard !outputTimes.isEmpty else { throw .invalidInput("no output times") }
        for (i, t) in outputTimes.enumerated() {
            guard t.isFinite else { throw .invalidInput("output time \(i + 1) is \(t); output times must be finite") }
            if i > 0, t < outputTimes[i - 1] { throw .invalidInput("output times must be in increasing order; \(t) follows \(outputTimes[i - 1])") }
        }
        var doseEntries: [TimelineEntry] = []
        for dose in doses {
            guard dose.time.isFinite, dose.amount.isFinite else { throw .invalidInput("a dose has a non-finite time or amount") }
            let state = try resolve(dose.compartment, in: model)
            let action: TimelineEntry.Action = dose.steadyState == 0
                ? .dose(dose, state: state) : .steadyStateDose(dose, state: state, replace: dose.steadyState == 1)
            doseEntries.append(TimelineEntry(time: dose.time, action: action))
        }
        doseEntries.sort { $0.time < $1.time }
        // Merge: at equal times doses come first, so outputs there see the dose.
        var timeline: [TimelineEntry] = []
        timeline.reserveCapacity(doseEntries.count + outputTimes.count)
        var d = 0
        for (index, time) in outputTimes.enumerated() {
            while d < doseEntries.count, doseEntries[d].time <= time {
                timeline.append(doseEntries[d])
                d += 1
            }
            timeline.append(TimelineEntry(time: time, action: .output(tag: index)))
        }
        let t0 = startTime ?? min(0, outputTimes[0], doseEntries.first?.time ?? 0)
        return try run(instance, timeline: timeline, method: method, options: options, startTime: t0,
                       analyticFastPath: analyticFastPath, into: &sink)
    }

    /// Runs `instance` through `timeline`, whose entries are processed in the order given (their
    /// times non-decreasing, except that a reset may start time again). Events that entries
    /// schedule (infusion ends, lagged doses, ADDL repeats) are processed in time order, before
    /// entries at the same time. Integration starts at `startTime` (default: the first entry's
    /// time or 0, whichever is earlier).
    ///
    /// With `.exact`, a linear model of at most four states starting from zero takes the analytic
    /// fast path (`AnalyticSimulation`: SIMD4 state transition, no solver steps, so its statistics
    /// count none) unless the timeline needs the event engine (a reset, a parameter change after
    /// the start, a modelled rate or duration).
    public static func run<Runtime: ModelRuntime>(
        _ instance: Runtime, timeline: [TimelineEntry], method: SolverMethod = .auto,
        options: SolverOptions = SolverOptions(), startTime: Double? = nil
    ) throws(SimulationError) -> (outputs: [TimelineOutput], statistics: SolverStatisticsSummary) {
        try run(instance, timeline: timeline, method: method, options: options, startTime: startTime, analyticFastPath: true)
    }

    static func run<Runtime: ModelRuntime>(
        _ instance: Runtime, timeline: [TimelineEntry], method: SolverMethod, options: SolverOptions, startTime: Double?,
        analyticFastPath: Bool
    ) throws(SimulationError) -> (outputs: [TimelineOutput], statistics: SolverStatisticsSummary) {
        var sink = OutputRows()
        let statistics = try run(instance, timeline: timeline, method: method, options: options, startTime: startTime,
                                 analyticFastPath: analyticFastPath, into: &sink)
        return (sink.outputs, statistics)
    }

    /// `run` with the output rows handed to `sink` as they are computed.
    public static func run<Runtime: ModelRuntime, Sink: SimulationOutputSink>(
        _ instance: Runtime, timeline: [TimelineEntry], method: SolverMethod = .auto,
        options: SolverOptions = SolverOptions(), startTime: Double? = nil, into sink: inout Sink
    ) throws(SimulationError) -> SolverStatisticsSummary {
        try run(instance, timeline: timeline, method: method, options: options, startTime: startTime, analyticFastPath: true, into: &sink)
    }

    static func run<Runtime: ModelRuntime, Sink: SimulationOutputSink>(
        _ instance: Runtime, timeline: [TimelineEntry], method: SolverMethod, options: SolverOptions, startTime: Double?,
        analyticFastPath: Bool, into sink: inout Sink
    ) throws(SimulationError) -> SolverStatisticsSummary {
        for entry in timeline where !entry.time.isFinite {
            throw .invalidInput("a timeline entry has time \(entry.time)")
        }
        let t0 = startTime ?? min(0, timeline.first?.time ?? 0)
        if method == .exact, analyticFastPath, try AnalyticSimulation.run(instance, timeline: timeline, startTime: t0, into: &sink) {
            return SolverStatisticsSummary()
        }
        do throws(ODESolverError) {
            return try method.withStepper(for: instance, options: options) { (stepper) throws(ODESolverError) in
                try runEngine(stepper, instance: instance, options: options, t0: t0, timeline: timeline, into: &sink)
            }
        } catch {
            throw .solver(error)
        }
    }

    static func resolve(_ compartment: DoseRecord.Compartment?, in model: Model) throws(SimulationError) -> Int {
        switch compartment {
        case nil: return 0
        case .number(let n):
            guard n >= 1, n <= model.states.count else { throw .unknownCompartment("\(n)", states: model.states.map(\.name)) }
            return n - 1
        case .name(let name):
            guard let index = model.stateIndex(name) else { throw .unknownCompartment(name, states: model.states.map(\.name)) }
            return index
        }
    }
}

private func runEngine<S: ODEStepper, Runtime: ModelRuntime, Sink: SimulationOutputSink>(
    _ stepper: S, instance: Runtime, options: SolverOptions, t0: Double, y0: [Double]? = nil, timeline: [TimelineEntry], into sink: inout Sink
) throws(ODESolverError) -> SolverStatisticsSummary where S.Problem == Runtime {
    var engine = try Engine(instance: instance, stepper: stepper, options: options, t0: t0, y0: y0)
    return try engine.run(timeline, into: &sink)
}

extension Simulator {
    /// Runs `instance` through `timeline` from `state` at `startTime` instead of from the model's
    /// initial state: the continuation of an earlier run that reported every state at
    /// `startTime`, as when a subject is copied at a time and each copy given something else.
    /// Nothing of the earlier run carries over but the state — no running infusion, pending ADDL
    /// repeat or lagged dose — so the caller continues only runs that have none at `startTime`.
    /// Every entry must be at or after `startTime`; the event engine is always used (the analytic
    /// path starts from zero).
    public static func run<Runtime: ModelRuntime>(
        _ instance: Runtime, timeline: [TimelineEntry], from state: [Double], at startTime: Double,
        method: SolverMethod = .auto, options: SolverOptions = SolverOptions()
    ) throws(SimulationError) -> (outputs: [TimelineOutput], statistics: SolverStatisticsSummary) {
        guard state.count == instance.dimension else {
            throw .invalidInput("a starting state needs \(instance.dimension) values, one per state; got \(state.count)")
        }
        guard startTime.isFinite, state.allSatisfy(\.isFinite) else {
            throw .invalidInput("a starting state and its time must be finite")
        }
        if let early = timeline.first(where: { !($0.time >= startTime) }) {
            throw .invalidInput("a timeline entry at \(early.time) comes before the starting state's time \(startTime)")
        }
        var sink = OutputRows()
        do throws(ODESolverError) {
            let statistics = try method.withStepper(for: instance, options: options) { (stepper) throws(ODESolverError) in
                try runEngine(stepper, instance: instance, options: options, t0: startTime, y0: state, timeline: timeline, into: &sink)
            }
            return (sink.outputs, statistics)
        } catch {
            throw .solver(error)
        }
    }
}

/// Events scheduled by timeline entries: doses coming due (lag, ADDL), boluses and infusion edges.
/// Kept outside the generic engine so the event queue compiles to concrete code.
private enum Event {
    case dose(DoseRecord, state: Int)
    case bolus(state: Int, amount: Double)
    case rateChange(state: Int, delta: Double)
}

private struct PendingEvent {
    var time: Double
    var order: Int
    var event: Event
}

/// The pending events in time order (scheduling order breaks ties), kept sorted latest first so
/// that the earliest is read and removed in O(1): the engine asks for it before every output, and
/// a dose series with ADDL schedules all its doses at once.
private struct EventQueue {
    /// Latest first.
    private(set) var descending: [PendingEvent] = []

    var earliest: PendingEvent? { descending.last }
    var earliestTime: Double { descending.last?.time ?? .infinity }

    /// Inserts `event` after every event due before it or at its time with a smaller order.
    mutating func insert(_ event: PendingEvent) {
        func isLater(_ a: PendingEvent, _ b: PendingEvent) -> Bool { a.time > b.time || (a.time == b.time && a.order > b.order) }
        var low = 0, high = descending.count
        while low < high {
            let middle = (low + high) / 2
            if isLater(descending[middle], event) { low = middle + 1 } else { high = middle }
        }
        descending.insert(event, at: low)
    }

    mutating func removeEarliest() -> PendingEvent { descending.removeLast() }

    mutating func removeAll() { descending.removeAll() }
}

/// The event loop: integrates between events, applies them, restarts the method.
private struct Engine<Stepper: ODEStepper, Runtime: ModelRuntime> where Stepper.Problem == Runtime {
    let instance: Runtime
    let stepper: Stepper
    let options: SolverOptions
    var integrator: ODEIntegrator<Stepper>
    var totals = SolverStatistics()
    var restarts = 0

    var pending = EventQueue()
    var sequence = 0

    var steadyStateIterations = 0
    var closedFormSteadyStates = 0

    init(instance: Runtime, stepper: Stepper, options: SolverOptions, t0: Double, y0: [Double]? = nil) throws(ODESolverError) {
        self.instance = instance
        self.stepper = stepper
        self.options = options
        for i in 0..<instance.dimension { instance.infusionRates[i] = 0 }
        integrator = try ODEIntegrator(stepper: stepper, options: options, t0: t0, y0: y0 ?? instance.initialState())
    }

    mutating func run<Sink: SimulationOutputSink>(_ timeline: [TimelineEntry], into sink: inout Sink) throws(ODESolverError) -> SolverStatisticsSummary {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: instance.model.outputNames.count)
        buffer.initialize(repeating: 0)
        defer { buffer.deallocate() }
        // For each entry, the time of the next entry that is not an output (a discontinuity): outputs
        // are interpolated from steps that run on to it, never shortening a step.
        var nextDiscontinuity = [Double](repeating: .infinity, count: timeline.count + 1)
        for index in stride(from: timeline.count - 1, through: 0, by: -1) {
            if case .output = timeline[index].action {
                nextDiscontinuity[index] = nextDiscontinuity[index + 1]
            } else {
                nextDiscontinuity[index] = timeline[index].time
            }
        }
        for (index, entry) in timeline.enumerated() {
            let t = entry.time
            if case .reset = entry.action {
                try reset(at: t)
                continue
            }
            guard t >= integrator.time else {
                throw .invalidInput("time goes backwards from \(integrator.time) to \(t) without a reset")
            }
            try processPending(through: t)
            if case .output = entry.action {
                try integrate(to: t, stoppingAt: min(pending.earliestTime, nextDiscontinuity[index]))
            } else {
                try integrate(to: t)
            }
            switch entry.action {
            case .output(let tag):
                instance.outputs(t: t, y: integrator.state, into: buffer)
                sink.receive(tag: tag, time: t, values: UnsafeBufferPointer(buffer))
            case let .dose(record, state):
                try give(record, state: state, at: t)
            case .setParameters(let values):
                var changed = false
                for value in values where instance.parameter(value.index) != value.value {
                    instance.setParameter(value.index, to: value.value)
                    changed = true
                }
                if changed { try restart(state: integrator.stateArray) }
            case let .steadyStateDose(record, state, replace):
                try steadyState(record, state: state, replace: replace, at: t)
                if record.amount > 0 || record.interval > 0 { try give(record, state: state, at: t) }
            case let .moveAmount(from, to):
                var state = integrator.stateArray
                if let to { state[to] += state[from] }
                state[from] = 0
                try restart(state: state)
            case .reset:
                break
            }
        }
        totals = totals + integrator.statistics
        return SolverStatisticsSummary(
            steps: totals.acceptedSteps, rejectedSteps: totals.rejectedSteps, rhsEvaluations: totals.rhsEvaluations,
            jacobianEvaluations: totals.jacobianEvaluations, restarts: restarts, steadyStateIterations: steadyStateIterations,
            closedFormSteadyStates: closedFormSteadyStates)
    }

    /// Whether two states agree to the solver's tolerances (ten times tighter).
    func converged(_ a: [Double], _ b: [Double]) -> Bool {
        for i in a.indices {
            let scale = options.absoluteTolerance.value(at: i) + options.relativeTolerance.value(at: i) * max(abs(a[i]), abs(b[i]))
            if !(abs(a[i] - b[i]) <= 0.1 * scale) { return false }
        }
        return true
    }

    /// Intervals after which a dose series' pattern of administrations repeats: the lag and the
    /// longest infusion must have passed (modifiers evaluated at `t`).
    func linearWarmUp(_ record: DoseRecord, state: Int, at t: Double, y: [Double]) throws(ODESolverError) -> Int {
        let span = try administer(record, state: state, at: t, y: y).map { $0.0 - t }.max() ?? 0
        switch SteadyStateWarmUp.intervals(span: span, interval: record.interval, stateName: instance.model.states[state].name) {
        case .success(let intervals): return intervals
        case .failure(let reason): throw .invalidInput(reason.message)
        }
    }

    /// At a dose time whose pending events follow the periodic pattern, measures the affine map
    /// of one interval, x ↦ Φx + c, by simulating it from 0 and from each unit vector (the same
    /// pending events each time), and returns the fixed point x = (I − Φ)⁻¹c.
    mutating func solveAffineCycle(_ record: DoseRecord, state: Int, interval: Double, at boundary: Double) throws(ODESolverError) -> [Double] {
        let n = instance.dimension
        let savedPending = pending, savedSequence = sequence
        let savedRates = (0..<n).map { instance.infusionRates[$0] }
        var dose = record
        dose.time = boundary
        func cycle(from start: [Double]) throws(ODESolverError) -> [Double] {
            pending = savedPending
            sequence = savedSequence
            for i in 0..<n { instance.infusionRates[i] = savedRates[i] }
            try restart(at: boundary, state: start)
            schedule(.dose(dose, state: state), at: boundary)
            try processPending(through: boundary + interval)
            try integrate(to: boundary + interval)
            return integrator.stateArray
        }
        let c = try cycle(from: [Double](repeating: 0, count: n))
        let lu = DenseLU(dimension: n)
        for j in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            let column = try cycle(from: unit)
            for i in 0..<n { lu.matrix[i + j * n] = (i == j ? 1 : 0) - (column[i] - c[i]) }
        }
        guard lu.factor() else {
            throw .invalidInput("no steady state: one dosing interval leaves some amount unchanged (I − Φ is singular); is the model stable?")
        }
        var x = c
        x.withUnsafeMutableBufferPointer { lu.solve($0.baseAddress!) }
        // Back to the state the periodic pattern had at the boundary, with the steady state in it.
        pending = savedPending
        sequence = savedSequence
        for i in 0..<n { instance.infusionRates[i] = savedRates[i] }
        try restart(at: boundary, state: x)
        return x
    }

    /// Brings the system to the steady state of `record` repeated every II before `t` (the state
    /// just before this record's own dose), by simulating dose intervals from the model's initial
    /// state (SS = 1) or from zero (SS = 2) until the state at successive dose times converges;
    /// infusions and lagged doses of the implied series that reach past `t` are carried over.
    mutating func steadyState(_ record: DoseRecord, state: Int, replace: Bool, at t: Double) throws(ODESolverError) {
        let n = instance.dimension
        let savedRates = (0..<n).map { instance.infusionRates[$0] }
        let savedPending = pending
        let current = integrator.stateArray
        let start = replace ? instance.initialState() : [Double](repeating: 0, count: n)
        var sub = try Engine(instance: instance, stepper: stepper, options: options, t0: 0, y0: start)
        var single = record
        single.additional = 0
        var steadyState: [Double]
        var carried: [PendingEvent] = []
        let maximumIterations = 100_000
        if record.amount == 0, case .infusion(let rate) = record.delivery, record.interval == 0 {
            // Constant infusion: run with the rate on over doubling horizons until the state settles.
            instance.infusionRates[state] = rate
            try sub.restart(state: start)
            var previous = start
            var horizon = 1.0
            var iterations = 0
            while true {
                try sub.integrate(to: horizon)
                steadyState = sub.integrator.stateArray
                iterations += 1
                if converged(steadyState, previous) && iterations > 3 { break }
                guard iterations < 200 else {
                    throw .invalidInput("the steady state of the constant infusion into '\(instance.model.states[state].name)' was not reached by t = \(horizon); is the model stable?")
                }
                previous = steadyState
                horizon *= 2
            }
            steadyStateIterations += iterations
        } else {
            let interval = record.interval
            guard interval > 0 else { throw .invalidInput("a steady-state dose needs II > 0 (or AMT 0 and RATE > 0 for a constant infusion)") }
            var previous = start
            var k = 0
            // Linear models: once the dose pattern repeats (after the lag and the longest infusion
            // have passed), one interval is an affine map x ↦ Φx + c of the state; the steady state
            // solves (I − Φ)x = c exactly, from n + 1 simulated intervals.
            let warmUp = instance.isLinear ? try linearWarmUp(single, state: state, at: t, y: current) : nil
            while true {
                let boundary = Double(k) * interval
                try sub.processPending(through: boundary)
                try sub.integrate(to: boundary)
                steadyState = sub.integrator.stateArray
                if let warmUp, k == warmUp {
                    steadyState = try sub.solveAffineCycle(single, state: state, interval: interval, at: boundary)
                    closedFormSteadyStates += 1
                    break
                }
                if k > 1 && converged(steadyState, previous) { break }
                guard k < maximumIterations else {
                    throw .invalidInput("steady state of the dose into '\(instance.model.states[state].name)' every \(interval) not reached after \(maximumIterations) intervals")
                }
                previous = steadyState
                single.time = boundary
                sub.schedule(.dose(single, state: state), at: boundary)
                try sub.processPending(through: boundary)
                k += 1
            }
            steadyStateIterations += k
            let shift = t - Double(k) * interval
            carried = sub.pending.descending.reversed().map { PendingEvent(time: $0.time + shift, order: $0.order, event: $0.event) }
        }
        steadyStateIterations += sub.steadyStateIterations
        closedFormSteadyStates += sub.closedFormSteadyStates
        totals = totals + sub.integrator.statistics
        let steadyRates = (0..<n).map { instance.infusionRates[$0] }
        // Combine with the main run and restart it at t.
        var newState = steadyState
        if replace {
            pending = EventQueue()
            for i in 0..<n { instance.infusionRates[i] = steadyRates[i] }
        } else {
            pending = savedPending
            for i in 0..<n {
                instance.infusionRates[i] = savedRates[i] + steadyRates[i]
                newState[i] += current[i]
            }
        }
        for item in carried { schedule(item.event, at: item.time) }
        try restart(state: newState)
    }

    /// Schedules a dose record at `t` and each of its ADDL repeats `II` apart, and applies what is
    /// due now.
    mutating func give(_ record: DoseRecord, state: Int, at t: Double) throws(ODESolverError) {
        schedule(.dose(record, state: state), at: t)
        for k in stride(from: 1, through: max(0, record.additional), by: 1) {
            var repeated = record
            repeated.time = record.time + Double(k) * record.interval
            repeated.additional = 0
            schedule(.dose(repeated, state: state), at: repeated.time)
        }
        try processPending(through: t)
    }

    mutating func schedule(_ event: Event, at time: Double) {
        pending.insert(PendingEvent(time: time, order: sequence, event: event))
        sequence += 1
    }

    mutating func integrate(to t: Double) throws(ODESolverError) {
        try integrate(to: t, stoppingAt: t)
    }

    /// Advances to `t` with steps free to run on to `stop` (the next discontinuity), which they
    /// never pass.
    mutating func integrate(to t: Double, stoppingAt stop: Double) throws(ODESolverError) {
        guard t > integrator.time else { return }
        // Event times computed two ways (an infusion's end as start + amount / rate, a design's
        // end time) can differ by a few ulps, and a tiny amount at a huge rate lasts a picosecond:
        // no step of the method fits such a gap. One Euler step crosses it — exact for the
        // constant inputs that act there, O(gap²) otherwise.
        let gap = t - integrator.time
        if gap <= 1e-12 * max(1, abs(t)) {
            var y = integrator.stateArray
            var dydt = [Double](repeating: 0, count: y.count)
            let now = integrator.time
            y.withUnsafeBufferPointer { state in
                dydt.withUnsafeMutableBufferPointer { instance.derivatives(t: now, y: state, dydt: $0) }
            }
            for i in y.indices { y[i] += gap * dydt[i] }
            try restart(at: t, state: y)
            return
        }
        integrator.stopTime = stop.isFinite ? stop : nil
        _ = try integrator.advance(to: t)
    }

    /// Starts the method afresh at `time` (possibly earlier than where it stands) from `state`.
    mutating func restart(at time: Double, state: [Double]) throws(ODESolverError) {
        totals = totals + integrator.statistics
        integrator = try ODEIntegrator(stepper: stepper, options: options, t0: time, y0: state)
        restarts += 1
    }

    mutating func restart(state: [Double]) throws(ODESolverError) {
        try integrator.restart(state: state)
        restarts += 1
    }

    /// NONMEM's reset: states to their initial values, infusions and pending doses cancelled,
    /// the method started afresh at `t`.
    mutating func reset(at t: Double) throws(ODESolverError) {
        pending.removeAll()
        for i in 0..<instance.dimension { instance.infusionRates[i] = 0 }
        totals = totals + integrator.statistics
        integrator = try ODEIntegrator(stepper: stepper, options: options, t0: t, y0: instance.initialState())
        restarts += 1
    }

    /// Applies every pending event due at or before `t`, in time order (scheduling order at equal
    /// times), integrating between them.
    mutating func processPending(through t: Double) throws(ODESolverError) {
        while let next = pending.earliest, next.time <= t {
            let now = next.time
            try integrate(to: now)
            var state = integrator.stateArray
            var changed = false
            while let next = pending.earliest, next.time == now {
                let event = pending.removeEarliest().event
                switch event {
                case let .dose(record, stateIndex):
                    for (time, scheduled) in try administer(record, state: stateIndex, at: now, y: state) {
                        schedule(scheduled, at: time)
                    }
                case let .bolus(index, amount):
                    state[index] += amount
                    changed = true
                case let .rateChange(index, delta):
                    instance.infusionRates[index] += delta
                    if abs(instance.infusionRates[index]) < 1e-12 * abs(delta) { instance.infusionRates[index] = 0 }
                    changed = true
                }
            }
            if changed { try restart(state: state) }
        }
    }

    /// Evaluates a dose's modifiers at `t` (NONMEM's rules: F scales the amount, a fixed-rate
    /// infusion keeps its rate and lasts F·AMT/RATE, ALAG delays it, RATE −1/−2 take the model's
    /// rate()/dur()) and returns the events that administer it.
    func administer(_ dose: DoseRecord, state: Int, at t: Double, y: [Double]) throws(ODESolverError) -> [(Double, Event)] {
        let name = instance.model.states[state].name
        func modifier(_ kind: DosingModifier) -> Double? {
            y.withUnsafeBufferPointer { instance.modifier(kind, state: state, t: t, y: $0) }
        }
        let fraction = modifier(.bioavailability) ?? 1
        let lag = modifier(.lag) ?? 0
        guard fraction.isFinite, fraction >= 0 else {
            throw .invalidInput("f(\(name)) is \(fraction) at the dose at t = \(t); it must be a finite number ≥ 0")
        }
        guard lag.isFinite, lag >= 0 else {
            throw .invalidInput("alag(\(name)) is \(lag) at the dose at t = \(t); it must be a finite number ≥ 0")
        }
        let start = t + lag
        let amount = fraction * dose.amount
        let rate: Double
        switch dose.delivery {
        case .bolus:
            return [(start, .bolus(state: state, amount: amount))]
        case .infusion(let given):
            rate = given
        case .modelledRate:
            guard let modelled = modifier(.rate) else {
                throw .invalidInput("a dose with rate=-1 into '\(name)' needs rate(\(name)) in the model")
            }
            guard modelled.isFinite, modelled > 0 else { throw .invalidInput("rate(\(name)) is \(modelled) at t = \(t); it must be > 0") }
            rate = modelled
        case .modelledDuration:
            guard let duration = modifier(.duration) else {
                throw .invalidInput("a dose with rate=-2 into '\(name)' needs dur(\(name)) in the model")
            }
            guard duration.isFinite, duration > 0 else { throw .invalidInput("dur(\(name)) is \(duration) at t = \(t); it must be > 0") }
            guard amount > 0 else { return [] }
            rate = amount / duration
            return [(start, .rateChange(state: state, delta: rate)), (start + duration, .rateChange(state: state, delta: -rate))]
        }
        guard amount > 0 else { return [] }
        return [(start, .rateChange(state: state, delta: rate)), (start + amount / rate, .rateChange(state: state, delta: -rate))]
    }
}
