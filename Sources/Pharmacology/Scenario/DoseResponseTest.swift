import Foundation

/// The standard dose-response (potency) test of opioid pharmacology, run on copies of a subject's
/// state at `atHours`: each challenge dose goes to its own copy, the analgesic response is read at
/// the peak-effect time of that dose and route in a drug-naive subject (the lab's fixed reading
/// time for a species and route; found on a 1-minute grid), and the ED50 — the dose giving a 50% response — is interpolated
/// linearly in log dose between the bracketing doses (`DoseResponse.ed50`), as tolerance studies
/// report it (e.g. Morgan 2006, J Pain 7:358). The same test on a drug-naive subject gives the
/// naive ED50; their ratio is the rightward shift tolerance causes.
///
/// The copy keeps what is in or on the body at `atHours` — drug and cells given before, an
/// implanted pellet, a worn patch, a running infusion or treatment — and nothing scheduled from
/// `atHours` on is done: on a dosing day the challenge replaces the day's dose.
///
/// Cumulative dosing (`cumulativeIntervalHours` set), the other standard protocol: one copy takes
/// the doses in turn, each the increment that brings the total given to the next dose of the list,
/// one interval apart, and the response is read one interval after each increment (just before
/// the next), against the readout just before the first; the ED50 is that of the cumulative dose.
/// Acute tolerance and drug left from the earlier increments act as they do in the lab.
///
/// Response: rodents, tail-flick %MPE against the copy's own latency just before the challenge,
/// 100·(L − L₀)/(cut-off − L₀) — drug already on board raises L₀, as in the lab; humans, percent
/// pain relief against the pain just before, 100·(P₀ − P)/P₀. In a drug-naive subject both equal
/// 100 × the model's `analgesia` fraction, so the naive ED50 is the dose whose peak effect is half
/// the maximum — on a model without acute tolerance, the dose that puts the peak effect-site
/// concentration at the EC50.
public struct DoseResponseTest: Sendable, Hashable, Codable {
    /// When the challenge doses are given, h (on the scenario's clock).
    public var atHours: Double
    /// Challenge doses, in `unit`, increasing.
    public var doses: [Double]
    public var unit: AmountUnit
    public var route: Route
    /// Cumulative dosing: the interval between increments (and from each to its reading), h;
    /// `nil` for separate doses, each to its own copy.
    public var cumulativeIntervalHours: Double?

    public init(atHours: Double, doses: [Double], unit: AmountUnit, route: Route, cumulativeIntervalHours: Double? = nil) {
        self.atHours = atHours
        self.doses = doses.sorted()
        self.unit = unit
        self.route = route
        self.cumulativeIntervalHours = cumulativeIntervalHours
    }

    /// The longest interval of a cumulative test, h.
    public static let maximumCumulativeIntervalHours = 24.0

    /// The increments of a cumulative test: the first dose, then each dose less the one before.
    var increments: [Double] { doses.indices.map { $0 == 0 ? doses[0] : doses[$0] - doses[$0 - 1] } }

    /// The most challenge doses of one test.
    public static let maximumDoses = 50

    /// The response criterion for the ED50, % (of the maximal possible effect, or of pain relief).
    public static let criterion = 50.0

    /// The output grid on which the peak-effect time is found, h: every minute for 24 h.
    static let peakSearchHours = gridHours(from: 0, to: 24, step: 1.0 / 60)
}

/// The outcome of one dose-response test.
public struct DoseResponseResult: Sendable, Hashable {
    public var test: DoseResponseTest
    /// The peak-effect time of each dose by the test's route in a drug-naive subject, h (to the
    /// minute): the response to that dose is read this long after it.
    public var peakHours: [Double]
    /// What the responses measure (`%MPE` or `% pain relief`).
    public var responseName: String
    /// Response to each challenge dose, % (same order as `test.doses`).
    public var responses: [Double]
    /// The same in a drug-naive subject.
    public var naiveResponses: [Double]
    /// ED50 in `test.unit`; `nil` when out of the doses' range (`aboveRange`, `belowRange`).
    public var ed50: Double?
    public var ed50Naive: Double?
    /// No dose reached the criterion.
    public var aboveRange: Bool
    /// The lowest dose already exceeded it (the ED50 is below the range tested).
    public var belowRange: Bool
    public var naiveAboveRange: Bool
    public var naiveBelowRange: Bool

    /// ED50 over the naive ED50: the fold shift of potency (tolerance > 1).
    public var ed50Ratio: Double? {
        guard let ed50, let ed50Naive else { return nil }
        return ed50 / ed50Naive
    }
}

extension DoseResponseTest {
    /// Runs the test on `model` for a subject under `design` (the scenario's), and on a drug-naive
    /// subject of the same weight and knockouts. `naive`, if given, is that subject's answer to
    /// the same doses and route (`naiveResponses`), computed once for tests at several times.
    func run(_ model: OpioidModel, design: DosingDesign,
             naive: (peaks: [Double], responses: [Double])? = nil) throws(PharmacologyError) -> DoseResponseResult {
        let (peaks, naiveResponses): ([Double], [Double])
        if let naive { (peaks, naiveResponses) = naive } else { (peaks, naiveResponses) = try self.naiveResponses(model, design: design) }
        guard peaks.count == doses.count, naiveResponses.count == doses.count else {
            throw .invalidDesign("the drug-naive responses given are for \(peaks.count) doses, the test has \(doses.count)")
        }
        let responses = try responses(model, design: design, peaks: peaks)
        guard (responses + naiveResponses).allSatisfy(\.isFinite) else {
            throw .invalidDesign("the model gave a non-finite response; the test is outside what it can simulate")
        }
        let (ed50, above, below) = Self.ed50(doses, responses)
        let (naiveED50, naiveAbove, naiveBelow) = Self.ed50(doses, naiveResponses)
        return DoseResponseResult(
            test: self, peakHours: peaks, responseName: model.species == .human ? "% pain relief" : "%MPE",
            responses: responses, naiveResponses: naiveResponses, ed50: ed50, ed50Naive: naiveED50,
            aboveRange: above, belowRange: below, naiveAboveRange: naiveAbove, naiveBelowRange: naiveBelow)
    }

    /// The peak-effect time (h) and the response of a drug-naive subject of `design`'s weight and
    /// knockouts to each dose of the test: independent of `atHours` and of the design's
    /// administrations, so tests of the same doses at several times can share it.
    func naiveResponses(_ model: OpioidModel, design: DosingDesign) throws(PharmacologyError) -> (peaks: [Double], responses: [Double]) {
        let naive = DosingDesign([], weightKilograms: design.weightKilograms, knockouts: design.knockouts)
        if let interval = cumulativeIntervalHours {
            var atStart = self
            atStart.atHours = 0
            return (doses.map { _ in interval }, try atStart.cumulativeResponses(model, design: naive, interval: interval))
        }
        var peaks: [Double] = [], responses: [Double] = []
        for dose in doses {
            let (peak, response) = try Self.naivePeak(model, route: route, amount: DoseAmount(dose, unit), design: naive)
            peaks.append(peak)
            responses.append(response)
        }
        return (peaks, responses)
    }

    /// The subject as the test takes it at `atHours`: what is in or on the body stays (drug and
    /// cells given before, a pellet implanted, a patch worn, an infusion or a treatment already
    /// running, which runs on to its end), and nothing scheduled from `atHours` on is done — a
    /// dose due then is replaced by the challenge, as when the test is run on a dosing day.
    func copy(of design: DosingDesign) -> DosingDesign {
        design.compactMappingAdministrations { $0.kept(inCopyAt: atHours) }
    }

    /// The ED50 by log-linear interpolation, or why there is none.
    static func ed50(_ doses: [Double], _ responses: [Double]) -> (Double?, above: Bool, below: Bool) {
        guard let first = responses.first else { return (nil, false, false) }
        if first >= criterion { return (nil, false, true) }
        guard let value = DoseResponse.ed50(doses: doses, responses: responses, criterion: criterion) else { return (nil, true, false) }
        return (value, false, false)
    }

    /// The readout a response is computed from: tail-flick latency (rodents) or pain (humans).
    static func readout(_ species: Species) -> Readout { species == .human ? .pain : .tailFlick }

    /// The response, %, from the readout just before a challenge and after it.
    static func response(before: Double, after: Double, species: Species) -> Double {
        if species == .human { return 100 * (before - after) / before }
        return 100 * (after - before) / ((species.tailFlickCutoffSeconds ?? 0) - before)
    }

    /// The time of the peak effect (the model's `analgesia`) after `amount` by `route` given at 0
    /// to the drug-naive subject `design`, h, to the minute, and the response then.
    static func naivePeak(_ model: OpioidModel, route: Route, amount: DoseAmount, design: DosingDesign) throws(PharmacologyError) -> (hours: Double, response: Double) {
        var challenged = design
        challenged.administrations.append(.dose(amount, route: route, atHours: 0))
        let run = try PKSimulation.run(model, design: challenged, outputTimes: peakSearchHours)
        let readout = readout(model.species)
        guard let effect = run.column("analgesia"), let values = run.readout(readout) else {
            throw .invalidDesign("\(model.name) has no analgesia")
        }
        let index = effect.indices.max { effect[$0] < effect[$1] }!
        return (peakSearchHours[index], response(before: values[0], after: values[index], species: model.species))
    }

    /// The response to each challenge dose given at `atHours` to a copy of the subject under
    /// `design` (`copy(of:)`), read `peaks[i]` hours after dose i.
    func responses(_ model: OpioidModel, design: DosingDesign, peaks: [Double]) throws(PharmacologyError) -> [Double] {
        if let interval = cumulativeIntervalHours { return try cumulativeResponses(model, design: design, interval: interval) }
        let readout = Self.readout(model.species)
        let design = copy(of: design)
        let (baseline, start) = try baselineAndStart(model, copy: design)
        var responses: [Double] = []
        for (dose, peak) in zip(doses, peaks) {
            let challenge = Administration.dose(DoseAmount(dose, unit), route: route, atHours: atHours)
            // Continued from the copy's states, its history is in them: only the challenge is given.
            var copy = start == nil ? design : design.compactMappingAdministrations { _ in nil }
            copy.administrations.append(challenge)
            let after = try PKSimulation.run(model, design: copy, outputTimes: [atHours + peak], from: start)
            responses.append(Self.response(before: baseline, after: after.readout(readout)![0], species: model.species))
        }
        return responses
    }

    /// The readout of the subject's copy just before the test, checked to leave room for a
    /// response, and the states to continue from (`nil` when the copy's inputs go on past
    /// `atHours` and it must be run from the start).
    func baselineAndStart(_ model: OpioidModel, copy design: DosingDesign) throws(PharmacologyError)
        -> (baseline: Double, start: (hours: Double, states: [Double])?) {
        let readout = Self.readout(model.species)
        let before = try PKSimulation.run(model, design: design, outputTimes: [atHours])
        guard let baseline = before.readout(readout)?.first else { throw .invalidDesign("\(model.name) has no \(readout.rawValue) readout") }
        if model.species == .human {
            guard baseline > 1e-9 else {
                throw .invalidDesign("at \(ScenarioText.text(hours: atHours)) the patient has no pain left to relieve; a dose-response test cannot be read")
            }
        } else {
            guard (model.species.tailFlickCutoffSeconds ?? 0) - baseline > 1e-9 else {
                throw .invalidDesign("at \(ScenarioText.text(hours: atHours)) the tail-flick latency is at the cut-off (drug on board); a dose-response test cannot be read")
            }
        }
        // Nothing of the copy goes on past `atHours` but its states: a challenge continues from
        // them instead of living the subject's history again.
        let continuable = Self.continuable(design, of: try design.model(from: model), at: atHours)
        return (baseline, continuable ? (hours: atHours, states: before.states(at: 0)) : nil)
    }

    /// Cumulative dosing on one copy of the subject under `design`: the increments one `interval`
    /// apart from `atHours`, each response read one interval after its increment.
    func cumulativeResponses(_ model: OpioidModel, design: DosingDesign, interval: Double) throws(PharmacologyError) -> [Double] {
        guard interval.isFinite, interval > 0, interval <= Self.maximumCumulativeIntervalHours else {
            throw .invalidDesign("a cumulative dose-response test needs an interval above 0 and at most \(Int(Self.maximumCumulativeIntervalHours)) h; got \(interval) h")
        }
        let readout = Self.readout(model.species)
        var copy = copy(of: design)
        let (baseline, start) = try baselineAndStart(model, copy: copy)
        if start != nil { copy = copy.compactMappingAdministrations { _ in nil } }
        for (index, increment) in increments.enumerated() where increment > 0 {
            copy.administrations.append(.dose(DoseAmount(increment, unit), route: route, atHours: atHours + Double(index) * interval))
        }
        let readings = doses.indices.map { atHours + Double($0 + 1) * interval }
        let after = try PKSimulation.run(model, design: copy, outputTimes: readings, from: start)
        guard let values = after.readout(readout) else { throw .invalidDesign("\(model.name) has no \(readout.rawValue) readout") }
        return values.map { Self.response(before: baseline, after: $0, species: model.species) }
    }

    /// Whether every administration of `copy` (of both drugs) is over by `t` as an input (an
    /// infusion, patch or held treatment ended, a pellet implanted for good or removed; no dose of
    /// `model`, the model the copy runs on, delayed by a lag or spread by a modelled rate or
    /// duration), so that the subject's states at `t` are all a later run needs.
    static func continuable(_ copy: DosingDesign, of model: OpioidModel, at t: Double) -> Bool {
        guard model.checkedModel.modifiers.keys.allSatisfy({ $0 == .bioavailability }) else { return false }
        return copy.everyAdministration.allSatisfy { administration in
            switch administration {
            case .dose, .repeated, .treatmentBolus, .treatmentDose, .msc, .nerveInjury, .pellet: true
            case let .infusion(_, _, _, to), let .patch(_, _, to), let .patches(_, _, _, to), let .treatment(_, _, _, to),
                 let .treatmentInfusion(_, _, _, _, to): to <= t
            }
        }
    }
}

/// Dose-response tests on one subject (`model` under `design`): the drug-naive answer, which does
/// not depend on when a test is taken, is computed once for the tests of the same doses, unit and
/// route.
struct DoseResponseBattery {
    let model: OpioidModel
    let design: DosingDesign
    private var naiveBySchedule: [DoseResponseTest: (peaks: [Double], responses: [Double])] = [:]

    init(_ model: OpioidModel, design: DosingDesign) {
        self.model = model
        self.design = design
    }

    /// `test` on the subject (`DoseResponseTest.run`).
    mutating func run(_ test: DoseResponseTest) throws(PharmacologyError) -> DoseResponseResult {
        var schedule = test
        schedule.atHours = 0
        let naive: (peaks: [Double], responses: [Double])
        if let known = naiveBySchedule[schedule] {
            naive = known
        } else {
            naive = try test.naiveResponses(model, design: design)
            naiveBySchedule[schedule] = naive
        }
        return try test.run(model, design: design, naive: naive)
    }
}

extension Administration {
    /// This administration as a copy of the subject taken at `t` keeps it (`DoseResponseTest.copy`):
    /// `nil` if it starts at or after `t`, a schedule cut to the doses (or the patch) before `t`.
    func kept(inCopyAt t: Double) -> Administration? {
        guard startHours < t else { return nil }
        switch self {
        case let .repeated(amount, route, every, from, to):
            return .repeated(amount, route: route, everyHours: every, fromHours: from, toHours: min(to, t))
        case let .patches(strength, every, from, to):
            // The patch worn at t is the last one applied before t; it stays on to its change time.
            let applied = Administration.doseTimes(everyHours: every, fromHours: from, toHours: min(to, t))
            guard let last = applied.last else { return nil }
            return .patches(strength: strength, changeEveryHours: every, fromHours: from, toHours: min(to, last + every))
        case let .pellet(amount, at, remove):
            return .pellet(amount, atHours: at, removeHours: remove.flatMap { $0 < t ? $0 : nil })
        case .dose, .infusion, .patch, .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion, .msc, .nerveInjury:
            return self
        }
    }
}
