import Dosing
import ModelLanguage

/// The analytic fast path: a `LinearCompartmentModel` run through NONMEM-style dose records by
/// exact state transition — between events `y(t + Δ) = Φ(Δ) y + Γ(Δ) r` with `Φ = e^{AΔ}`,
/// `Γ = ∫₀^Δ e^{As} ds` and `r` the infusion rates, both matrices cached per interval length, so
/// a regular output grid costs one 4×4 matrix–vector product per output.
///
/// The dosing semantics are the event engine's (`Simulator.simulate`), and a test keeps the two
/// paths equal: bolus and zero-order infusion doses (F scales the amount; a fixed-rate infusion
/// keeps its rate and lasts F·AMT/RATE), ADDL repeats every II, ALAG, SS = 1 (replace) and SS = 2
/// (add) for boluses, infusions (also longer than II) and lagged doses, and steady-state
/// infusions (AMT 0, RATE > 0, II 0). Steady states are exact: once the implied series' pattern
/// repeats, one interval is `x ↦ Φ(II) x + c`, and `x = (I − Φ(II))⁻¹ c` is solved directly
/// (the constant infusion: `A x = −r`). RATE −1/−2 (modelled rate or duration) are not templates'
/// and are refused.
public enum AnalyticSimulation {
    /// `Cp` at each of `outputTimes` (non-decreasing) into `concentrations` (as many elements). An
    /// output at a dose's time sees the dose. Starts from zero amounts at the earliest of 0, the
    /// first dose and the first output.
    public static func concentrations(_ model: LinearCompartmentModel, doses: [DoseRecord], outputTimes: [Double],
                                      into concentrations: UnsafeMutableBufferPointer<Double>) throws(SimulationError) {
        guard concentrations.count == outputTimes.count else {
            throw .invalidInput("the concentration buffer holds \(concentrations.count) values for \(outputTimes.count) output times")
        }
        var sink = ConcentrationSink(buffer: concentrations, central: model.central, volume: model.centralVolume)
        try run(model, doses: doses, outputTimes: outputTimes, sink: &sink)
    }

    /// `Cp` at each of `outputTimes`.
    public static func concentrations(_ model: LinearCompartmentModel, doses: [DoseRecord], outputTimes: [Double]) throws(SimulationError) -> [Double] {
        var values = [Double](repeating: 0, count: outputTimes.count)
        try values.withUnsafeMutableBufferPointer { (buffer) throws(SimulationError) in
            try concentrations(model, doses: doses, outputTimes: outputTimes, into: buffer)
        }
        return values
    }

    /// Every state and `Cp` at each output time, as `SimulationResult` (names: the states, then `Cp`).
    public static func simulate(_ model: LinearCompartmentModel, doses: [DoseRecord], outputTimes: [Double]) throws(SimulationError) -> SimulationResult {
        var sink = RowSink(dimension: model.dimension, central: model.central, volume: model.centralVolume)
        sink.rows.reserveCapacity(outputTimes.count)
        try run(model, doses: doses, outputTimes: outputTimes, sink: &sink)
        return SimulationResult(names: model.stateNames + ["Cp"], times: outputTimes, rows: sink.rows,
                                statistics: SolverStatisticsSummary())
    }

    static func run<Sink: AnalyticSink>(_ model: LinearCompartmentModel, doses: [DoseRecord], outputTimes: [Double], sink: inout Sink) throws(SimulationError) {
        try model.validate()
        try run(model.system, doses: doses, outputTimes: outputTimes, sink: &sink)
    }

    /// A timeline (a data-set subject's records) on the analytic path, or `nil` when it needs the
    /// event engine: a model the path does not handle, a reset, an amount moved, a covariate that
    /// changes a parameter after the start, a modelled rate or duration. Leading parameter settings
    /// are applied first; outputs as `Simulator.run` reports them.
    public static func run<Runtime: ModelRuntime>(_ runtime: Runtime, timeline: [TimelineEntry], startTime: Double) throws(SimulationError) -> [TimelineOutput]? {
        var rows = OutputRows()
        return try run(runtime, timeline: timeline, startTime: startTime, into: &rows) ? rows.outputs : nil
    }

    /// `run` with the outputs handed to `sink` as they are computed. Returns `false`, having
    /// emitted nothing, when the timeline needs the event engine: the whole timeline is checked
    /// before the first output.
    public static func run<Runtime: ModelRuntime, Sink: SimulationOutputSink>(
        _ runtime: Runtime, timeline: [TimelineEntry], startTime: Double, into sink: inout Sink
    ) throws(SimulationError) -> Bool {
        var index = 0
        while index < timeline.count, case .setParameters(let values) = timeline[index].action {
            for value in values { runtime.setParameter(value.index, to: value.value) }
            index += 1
        }
        guard let system = LinearSystem(runtime: runtime) else { return false }
        var previous = startTime
        for entry in timeline[index...] {
            guard entry.time.isFinite, entry.time >= previous else { return false }
            previous = entry.time
            switch entry.action {
            case .output:
                break
            case let .dose(record, _), let .steadyStateDose(record, _, _):
                guard record.delivery.isFixed else { return false }
            case .setParameters(let values):
                guard values.allSatisfy({ runtime.parameter($0.index) == $0.value }) else { return false }
            case .reset, .moveAmount:
                return false
            }
        }
        var engine = AnalyticEngine(system: system, time: startTime)
        let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: runtime.model.outputNames.count)
        row.initialize(repeating: 0)
        defer { row.deallocate() }
        for entry in timeline[index...] {
            let t = entry.time
            switch entry.action {
            case .output(let tag):
                try engine.process(through: t)
                engine.advance(to: t)
                withUnsafeTemporaryAllocation(of: Double.self, capacity: system.dimension) { ys in
                    for i in 0..<system.dimension { ys[i] = engine.y[i] }
                    runtime.outputs(t: t, y: UnsafeBufferPointer(ys), into: row)
                }
                sink.receive(tag: tag, time: t, values: UnsafeBufferPointer(row))
            case let .dose(record, state):
                try engine.dose(record, state: state, at: t, steadyState: 0)
            case let .steadyStateDose(record, state, replace):
                try engine.dose(record, state: state, at: t, steadyState: replace ? 1 : 2)
            case .setParameters, .reset, .moveAmount:
                break
            }
        }
        return true
    }

    static func run<Sink: AnalyticSink>(_ model: LinearSystem, doses: [DoseRecord], outputTimes: [Double], sink: inout Sink) throws(SimulationError) {
        for (i, t) in outputTimes.enumerated() {
            guard t.isFinite else { throw .invalidInput("output time \(i + 1) is \(t); output times must be finite") }
            if i > 0, t < outputTimes[i - 1] { throw .invalidInput("output times must be in increasing order; \(t) follows \(outputTimes[i - 1])") }
        }
        var records: [(record: DoseRecord, state: Int)] = []
        records.reserveCapacity(doses.count)
        for dose in doses {
            guard dose.time.isFinite, dose.amount.isFinite, dose.amount >= 0 else { throw .invalidInput("a dose has a non-finite or negative time or amount") }
            switch dose.delivery {
            case .modelledRate, .modelledDuration:
                throw .invalidInput("RATE −1/−2 (a modelled rate or duration) is not available on the analytic path; use the ODE path")
            case .infusion(let rate):
                guard rate.isFinite, rate > 0 else { throw .invalidInput("an infusion rate must be finite and > 0; got \(rate)") }
            case .bolus: break
            }
            records.append((dose, try state(of: dose.compartment, names: model.stateNames)))
        }
        if records.count > 1 { records.sort { $0.record.time < $1.record.time } }
        let start = min(0, outputTimes.first ?? 0, records.first?.record.time ?? 0)
        var engine = AnalyticEngine(system: model, time: start)
        var next = 0
        var index = 0
        while index < outputTimes.count {
            let time = outputTimes[index]
            while next < records.count, records[next].record.time <= time {
                let (record, state) = records[next]
                try engine.dose(record, state: state, at: record.time, steadyState: record.steadyState)
                next += 1
            }
            try engine.process(through: time)
            // Outputs before the next event: propagate and emit in a tight loop.
            let horizon = min(engine.pending.isEmpty ? .infinity : engine.pending[0].time,
                              next < records.count ? records[next].record.time : .infinity)
            engine.propagate(outputTimes, from: &index, before: horizon, into: &sink)
            if index < outputTimes.count, outputTimes[index] == time {
                engine.advance(to: time)
                sink.emit(index, engine.y)
                index += 1
            }
        }
    }

    /// The state a record doses: a name, a 1-based number, or by default the first state.
    static func state(of compartment: DoseRecord.Compartment?, names: [String]) throws(SimulationError) -> Int {
        switch compartment {
        case nil: return 0
        case .number(let number):
            guard number >= 1, number <= names.count else {
                throw .invalidInput("compartment \(number) does not exist; the model's states are \(names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", "))")
            }
            return number - 1
        case .name(let name):
            guard let index = names.firstIndex(of: name) else {
                throw .invalidInput("no state '\(name)' in the analytic model; states: \(names.joined(separator: ", "))")
            }
            return index
        }
    }
}

/// Where the engine's outputs go, generically (no closure in the hot loop).
protocol AnalyticSink {
    mutating func emit(_ index: Int, _ state: SIMD4<Double>)
}

struct ConcentrationSink: AnalyticSink {
    let buffer: UnsafeMutableBufferPointer<Double>
    let central: Int
    let inverseVolume: Double
    init(buffer: UnsafeMutableBufferPointer<Double>, central: Int, volume: Double) {
        self.buffer = buffer
        self.central = central
        inverseVolume = 1 / volume
    }
    @inline(__always)
    mutating func emit(_ index: Int, _ state: SIMD4<Double>) { buffer[index] = (central == 0 ? state[0] : state[1]) * inverseVolume }
}

/// Every state and `Cp`, computed as `ConcentrationSink` computes it.
struct RowSink: AnalyticSink {
    let dimension: Int
    let central: Int
    let inverseVolume: Double
    var rows: [[Double]] = []
    init(dimension: Int, central: Int, volume: Double) {
        self.dimension = dimension
        self.central = central
        inverseVolume = 1 / volume
    }
    mutating func emit(_ index: Int, _ state: SIMD4<Double>) {
        rows.append((0..<dimension).map { state[$0] } + [state[central] * inverseVolume])
    }
}

/// The event loop of the analytic path: exact propagation between events, pending events (ADDL
/// repeats, lagged doses, infusion edges) in time order, scheduling order at equal times.
struct AnalyticEngine {
    /// What a pending event does. Doses refer to `records` by index, so events hold no
    /// reference-counted payload and the heap moves plain values.
    enum Action {
        case dose(record: Int)
        case bolus(state: Int, amount: Double)
        case rate(state: Int, delta: Double)
    }

    struct Pending {
        var time: Double
        var order: Int
        var action: Action

        func precedes(_ other: Pending) -> Bool { time < other.time || (time == other.time && order < other.order) }
    }

    let system: LinearSystem
    let generator: Matrix4
    let dimension: Int
    var time: Double
    var y = SIMD4<Double>.zero
    var rates = SIMD4<Double>.zero
    /// A binary min-heap on (time, order).
    var pending: [Pending] = []
    var order = 0
    var cache = TransitionCache()
    /// Dose records the pending `.dose` events refer to (amount, delivery, target state).
    var records: [(record: DoseRecord, state: Int)] = []
    /// The last interval length propagated over and its matrices (regular grids hit it every time).
    var lastDelta = -1.0
    var lastPhi = Matrix4.identity
    var lastGamma = Matrix4.zero

    init(system: LinearSystem, time: Double) {
        self.system = system
        self.generator = system.generator
        self.dimension = system.dimension
        self.time = time
    }

    /// Propagates to `t` (no events in between).
    @inline(__always)
    mutating func advance(to t: Double) {
        let delta = t - time
        guard delta > 0 else { return }
        if delta != lastDelta {
            let transition = cache.transition(generator, delta)
            lastDelta = delta
            lastPhi = transition.phi
            lastGamma = transition.gamma
        }
        y = lastPhi * y
        if rates != .zero { y += lastGamma * rates }
        time = t
    }

    /// Emits the outputs from `index` on that fall before `horizon` (no event in between),
    /// propagating with the cached matrices held in locals; leaves `index` at the first output at
    /// or after `horizon`.
    @inline(__always)
    mutating func propagate<Sink: AnalyticSink>(_ times: [Double], from index: inout Int, before horizon: Double, into sink: inout Sink) {
        var state = y, now = time
        var delta = lastDelta, phi = lastPhi
        let hasDrive = rates != .zero
        var drive = hasDrive ? lastGamma * rates : .zero
        var i = index
        times.withUnsafeBufferPointer { times in
            while i < times.count, times[i] < horizon {
                let t = times[i]
                let step = t - now
                if step > 0 {
                    if step != delta {
                        let transition = cache.transition(generator, step)
                        delta = step
                        phi = transition.phi
                        lastGamma = transition.gamma
                        drive = hasDrive ? transition.gamma * rates : .zero
                    }
                    state = phi * state
                    if hasDrive { state += drive }
                    now = t
                }
                sink.emit(i, state)
                i += 1
            }
        }
        index = i
        y = state
        time = now
        lastDelta = delta
        lastPhi = phi
    }

    mutating func schedule(_ action: Action, at t: Double) {
        let item = Pending(time: t, order: order, action: action)
        order += 1
        pending.append(item)
        var child = pending.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard pending[child].precedes(pending[parent]) else { break }
            pending.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popEarliest() -> Pending {
        let top = pending[0]
        let last = pending.removeLast()
        if !pending.isEmpty {
            pending[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < pending.count, pending[left].precedes(pending[smallest]) { smallest = left }
                if right < pending.count, pending[right].precedes(pending[smallest]) { smallest = right }
                if smallest == parent { break }
                pending.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }

    /// Applies every pending event due at or before `t`, propagating between them.
    mutating func process(through t: Double) throws(SimulationError) {
        while !pending.isEmpty, pending[0].time <= t {
            let item = popEarliest()
            advance(to: item.time)
            switch item.action {
            case let .dose(index):
                let (record, state) = records[index]
                try administer(record, state: state, at: item.time)
            case let .bolus(state, amount):
                y[state] += amount
            case let .rate(state, delta):
                rates[state] += delta
                if abs(rates[state]) < 1e-12 * abs(delta) { rates[state] = 0 }
            }
        }
    }

    /// Schedules what one dose puts in: F scales the amount, ALAG delays it, a fixed-rate infusion
    /// keeps its rate and lasts F·AMT/RATE (the dosed state's F and ALAG).
    mutating func administer(_ dose: DoseRecord, state: Int, at t: Double) throws(SimulationError) {
        let start = t + system.lag[state]
        let amount = system.bioavailability[state] * dose.amount
        switch dose.delivery {
        case .bolus:
            // A bolus due now goes in at once (additions at one instant commute).
            if start == time { y[state] += amount } else { schedule(.bolus(state: state, amount: amount), at: start) }
        case .infusion(let rate):
            guard amount > 0 else { return }
            schedule(.rate(state: state, delta: rate), at: start)
            schedule(.rate(state: state, delta: -rate), at: start + amount / rate)
        case .modelledRate, .modelledDuration:
            throw .invalidInput("RATE −1/−2 is not available on the analytic path")
        }
    }

    /// A data record's dose at `t` after what is due before it: brought to steady state first
    /// (SS = 1 replaces, SS = 2 adds), then given with its ADDL repeats.
    mutating func dose(_ record: DoseRecord, state: Int, at t: Double, steadyState: Int) throws(SimulationError) {
        try process(through: t)
        advance(to: t)
        if steadyState != 0 {
            try self.steadyState(record, state: state, replace: steadyState == 1)
            if record.amount > 0 || record.interval > 0 { try give(record, state: state) }
        } else {
            try give(record, state: state)
        }
    }

    /// The index of `record` in `records`.
    mutating func register(_ record: DoseRecord, state: Int) -> Int {
        records.append((record, state))
        return records.count - 1
    }

    /// Schedules a record at the current time and each ADDL repeat II apart, and applies what is due.
    mutating func give(_ record: DoseRecord, state: Int) throws(SimulationError) {
        let index = register(record, state: state)
        schedule(.dose(record: index), at: record.time)
        if record.additional > 0 {
            pending.reserveCapacity(pending.count + record.additional + 2)
            for k in 1...record.additional {
                schedule(.dose(record: index), at: record.time + Double(k) * record.interval)
            }
        }
        try process(through: time)
    }

    /// Brings the system to the steady state of `record` repeated every II before now: the state
    /// just before the record's own dose, with the implied series' infusions and lagged doses that
    /// reach past now carried over; SS = 1 replaces the state and what is pending, SS = 2 adds.
    mutating func steadyState(_ record: DoseRecord, state: Int, replace: Bool) throws(SimulationError) {
        let now = time
        var steady: SIMD4<Double>
        var steadyRates = SIMD4<Double>.zero
        var carried: [Pending] = []
        if record.amount == 0, case .infusion(let rate) = record.delivery, record.interval == 0 {
            // A constant infusion: A x + r = 0.
            var input = SIMD4<Double>.zero
            input[state] = rate
            guard let x = generator.solve(-input, dimension: dimension) else {
                throw .invalidInput("no steady state of a constant infusion into '\(system.stateNames[state])': nothing eliminates it (CL = 0?)")
            }
            steady = x
            steadyRates = input
        } else {
            let interval = record.interval
            guard interval > 0, interval.isFinite else {
                throw .invalidInput("a steady-state dose needs II > 0 (or AMT 0 and RATE > 0 for a constant infusion)")
            }
            var single = record
            single.additional = 0
            // The pattern repeats once the lag and the longest infusion have passed.
            var span = system.lag[state]
            if case .infusion(let rate) = record.delivery { span += system.bioavailability[state] * record.amount / rate }
            let warmUp: Int
            switch SteadyStateWarmUp.intervals(span: span, interval: interval, stateName: system.stateNames[state]) {
            case .success(let intervals): warmUp = intervals
            case .failure(let reason): throw .invalidInput(reason.message)
            }
            var sub = AnalyticEngine(system: system, time: 0)
            sub.cache = cache
            let seriesDose = sub.register(single, state: state)
            for k in 0..<warmUp {
                let boundary = Double(k) * interval
                try sub.process(through: boundary)
                sub.advance(to: boundary)
                sub.schedule(.dose(record: seriesDose), at: boundary)
                try sub.process(through: boundary)
            }
            let boundary = Double(warmUp) * interval
            try sub.process(through: boundary)
            sub.advance(to: boundary)
            // One interval from zero with the periodic pending pattern gives c; Φ(II) is exact.
            var cycle = sub
            cycle.y = .zero
            cycle.schedule(.dose(record: seriesDose), at: boundary)
            try cycle.process(through: boundary + interval)
            cycle.advance(to: boundary + interval)
            let phi = cache.transition(generator, interval).phi
            var identityMinusPhi = Matrix4.identity
            for j in 0..<4 {
                for i in 0..<4 { identityMinusPhi[i, j] -= phi[i, j] }
            }
            guard let x = identityMinusPhi.solve(cycle.y, dimension: dimension) else {
                throw .invalidInput("no steady state: one dosing interval leaves some amount unchanged (I − Φ is singular); is CL > 0?")
            }
            steady = x
            steadyRates = sub.rates
            let shift = now - boundary
            // Carried events refer to the series' record, registered again here.
            let carriedDose = register(single, state: state)
            carried = sub.pending.map { item in
                var action = item.action
                if case .dose = action { action = .dose(record: carriedDose) }
                return Pending(time: item.time + shift, order: item.order, action: action)
            }
            cache = sub.cache
        }
        if replace {
            pending.removeAll()
            y = steady
            rates = steadyRates
        } else {
            y += steady
            rates += steadyRates
        }
        for item in carried.sorted(by: { $0.precedes($1) }) { schedule(item.action, at: item.time) }
    }
}

/// Transition matrices per interval length: a small table searched linearly (regular grids use
/// one or two lengths; the engine keeps the last one at hand), the oldest replaced when full.
struct TransitionCache {
    static let capacity = 32
    var deltas: [Double] = []
    var values: [(phi: Matrix4, gamma: Matrix4)] = []
    var next = 0

    mutating func transition(_ generator: Matrix4, _ delta: Double) -> (phi: Matrix4, gamma: Matrix4) {
        if let index = deltas.firstIndex(of: delta) { return values[index] }
        let computed = Matrix4.transition(generator, over: delta)
        if deltas.count < Self.capacity {
            deltas.append(delta)
            values.append(computed)
        } else {
            deltas[next] = delta
            values[next] = computed
            next = (next + 1) % Self.capacity
        }
        return computed
    }
}

extension DoseRecord.Delivery {
    /// A bolus or a fixed-rate infusion: no modelled rate or duration.
    var isFixed: Bool {
        switch self {
        case .bolus, .infusion: true
        case .modelledRate, .modelledDuration: false
        }
    }
}
