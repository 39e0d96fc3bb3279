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
    /// Simulates `instance` from `t0` (default: the earliest of 0, the doses and the outputs).
    public static func simulate<Runtime: ModelRuntime>(
        _ instance: Runtime, doses: [DoseRecord], outputTimes: [Double], method: SolverMethod = .auto,
        options: SolverOptions = SolverOptions(), startTime: Double? = nil
    ) throws(SimulationError) -> SimulationResult {
        let model = instance.model
        guard !outputTimes.isEmpty else { throw .invalidInput("no output times") }
        for (i, t) in outputTimes.enumerated() {
            guard t.isFinite else { throw .invalidInput("output time \(i + 1) is \(t); output times must be finite") }
            if i > 0, t < outputTimes[i - 1] { throw .invalidInput("output times must be in increasing order; \(t) follows \(outputTimes[i - 1])") }
        }
        var administrations: [(record: DoseRecord, state: Int)] = []
        for dose in doses {
            guard dose.time.isFinite, dose.amount.isFinite else { throw .invalidInput("a dose has a non-finite time or amount") }
            let state = try resolve(dose.compartment, in: model)
            for single in dose.expanded { administrations.append((single, state)) }
        }
        administrations.sort { $0.record.time < $1.record.time }
        let t0 = startTime ?? min(0, outputTimes[0], administrations.first?.record.time ?? 0)
        do throws(ODESolverError) {
            return try method.withStepper(for: instance, options: options) { (stepper) throws(ODESolverError) in
                try runSimulation(stepper, instance: instance, options: options, t0: t0, administrations: administrations, outputTimes: outputTimes)
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

private func runSimulation<S: ODEStepper, Runtime: ModelRuntime>(
    _ stepper: S, instance: Runtime, options: SolverOptions, t0: Double,
    administrations: [(record: DoseRecord, state: Int)], outputTimes: [Double]
) throws(ODESolverError) -> SimulationResult where S.Problem == Runtime {
    var run = Run(instance: instance, stepper: stepper, options: options)
    return try run.simulate(t0: t0, administrations: administrations, outputTimes: outputTimes)
}

/// One simulation's event loop.
private struct Run<Stepper: ODEStepper, Runtime: ModelRuntime> where Stepper.Problem == Runtime {
    let instance: Runtime
    let stepper: Stepper
    let options: SolverOptions

    /// Something that happens at a time: a dose record (modifiers evaluated, administration
    /// scheduled), a bolus, or an infusion rate change.
    enum Event {
        case record(DoseRecord, state: Int)
        case bolus(state: Int, amount: Double)
        case rateChange(state: Int, delta: Double)
    }

    init(instance: Runtime, stepper: Stepper, options: SolverOptions) {
        self.instance = instance
        self.stepper = stepper
        self.options = options
    }

    mutating func simulate(
        t0: Double, administrations: [(record: DoseRecord, state: Int)], outputTimes: [Double]
    ) throws(ODESolverError) -> SimulationResult {
        let model = instance.model
        for i in 0..<model.states.count { instance.infusionRates[i] = 0 }
        var pending: [(time: Double, order: Int, event: Event)] = []
        var sequence = 0
        for (record, state) in administrations {
            pending.append((record.time, sequence, .record(record, state: state)))
            sequence += 1
        }
        let integrator = try ODEIntegrator(stepper: stepper, options: options, t0: t0, y0: instance.initialState())
        var result = SimulationResult(names: model.outputNames, times: [], rows: [], statistics: SolverStatisticsSummary())
        var outputBuffer = [Double](repeating: 0, count: model.outputNames.count)
        var nextOutput = 0
        var restarts = 0

        func record(at t: Double) {
            outputBuffer.withUnsafeMutableBufferPointer { instance.outputs(t: t, y: integrator.state, into: $0) }
            result.times.append(t)
            result.rows.append(outputBuffer)
        }

        while nextOutput < outputTimes.count {
            pending.sort { ($0.time, $0.order) < ($1.time, $1.order) }
            let nextEvent = pending.first?.time ?? .infinity
            // Outputs strictly before the next event.
            integrator.stopTime = nextEvent.isFinite ? nextEvent : outputTimes.last!
            while nextOutput < outputTimes.count, outputTimes[nextOutput] < nextEvent {
                _ = try integrator.advance(to: outputTimes[nextOutput])
                record(at: outputTimes[nextOutput])
                nextOutput += 1
            }
            guard nextOutput < outputTimes.count, nextEvent.isFinite else { break }
            // Integrate to the event time and apply every event there.
            if integrator.time != nextEvent { _ = try integrator.advance(to: nextEvent) }
            var state = integrator.stateArray
            var changed = false
            while let first = pending.first, first.time == nextEvent {
                pending.removeFirst()
                switch first.event {
                case let .record(dose, index):
                    let scheduled = try schedule(dose, state: index, at: nextEvent, y: state)
                    for (time, event) in scheduled {
                        pending.append((time, sequence, event))
                        sequence += 1
                    }
                    pending.sort { ($0.time, $0.order) < ($1.time, $1.order) }
                case let .bolus(index, amount):
                    state[index] += amount
                    changed = true
                case let .rateChange(index, delta):
                    instance.infusionRates[index] += delta
                    if abs(instance.infusionRates[index]) < 1e-12 * abs(delta) { instance.infusionRates[index] = 0 }
                    changed = true
                }
            }
            if changed {
                try integrator.restart(state: state)
                restarts += 1
            }
        }
        let statistics = integrator.statistics
        result.statistics = SolverStatisticsSummary(
            steps: statistics.acceptedSteps, rejectedSteps: statistics.rejectedSteps, rhsEvaluations: statistics.rhsEvaluations,
            jacobianEvaluations: statistics.jacobianEvaluations, restarts: restarts)
        return result
    }

    /// Evaluates the dose's modifiers at its record time and returns the events that administer it.
    func schedule(_ dose: DoseRecord, state: Int, at t: Double, y: [Double]) throws(ODESolverError) -> [(Double, Event)] {
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
        switch dose.delivery {
        case .bolus:
            return [(start, .bolus(state: state, amount: amount))]
        case .infusion(let rate):
            guard amount > 0 else { return [] }
            return [(start, .rateChange(state: state, delta: rate)), (start + amount / rate, .rateChange(state: state, delta: -rate))]
        case .modelledRate:
            guard let rate = modifier(.rate) else {
                throw .invalidInput("a dose with rate=-1 into '\(name)' needs rate(\(name)) in the model")
            }
            guard rate.isFinite, rate > 0 else { throw .invalidInput("rate(\(name)) is \(rate) at t = \(t); it must be > 0") }
            guard amount > 0 else { return [] }
            return [(start, .rateChange(state: state, delta: rate)), (start + amount / rate, .rateChange(state: state, delta: -rate))]
        case .modelledDuration:
            guard let duration = modifier(.duration) else {
                throw .invalidInput("a dose with rate=-2 into '\(name)' needs dur(\(name)) in the model")
            }
            guard duration.isFinite, duration > 0 else { throw .invalidInput("dur(\(name)) is \(duration) at t = \(t); it must be > 0") }
            guard amount > 0 else { return [] }
            let rate = amount / duration
            return [(start, .rateChange(state: state, delta: rate)), (start + duration, .rateChange(state: state, delta: -rate))]
        }
    }
}
