import Dosing
import Foundation
import ModelLanguage
import Simulation

/// A complete dosing design for one subject: what is given, to a body of what weight.
///
/// Translated to the event engine's timeline by `timeline(for:outputTimes:)`: at one instant, a
/// patch coming off goes first (so the patch put on in its place keeps its own content), then
/// doses, then pellet removals, then outputs — so an output at a dose time sees the dose, as in
/// NONMEM.
public struct DosingDesign: Sendable, Hashable {
    public var administrations: [Administration]
    /// Body weight, kg; `nil`: the species' default (`Species.defaultWeightKilograms`).
    public var weightKilograms: Double?
    /// Genetic knockouts of the subject (design switches of the mechanistic model).
    public var knockouts: Set<Knockout>
    /// A second opioid given at the same time, if any (the design then runs on the two drugs'
    /// combined model).
    public var coadministration: Coadministration?

    public init(_ administrations: [Administration], weightKilograms: Double? = nil, knockouts: Set<Knockout> = [],
                coadministration: Coadministration? = nil) {
        self.administrations = administrations
        self.weightKilograms = weightKilograms
        self.knockouts = knockouts
        self.coadministration = coadministration
    }

    /// Every administration: the design's own, then the second opioid's.
    public var everyAdministration: [Administration] { administrations + (coadministration?.administrations ?? []) }

    /// The design with `transform` applied to every administration of both drugs (`nil` drops
    /// one); a second opioid stays the second opioid, with no administrations left if all drop.
    public func compactMappingAdministrations(_ transform: (Administration) -> Administration?) -> DosingDesign {
        var mapped = self
        mapped.administrations = administrations.compactMap(transform)
        mapped.coadministration?.administrations = coadministration?.administrations.compactMap(transform) ?? []
        return mapped
    }

    /// The model this design runs on: `model`, or with a second opioid, `model` combined with it.
    public func model(from model: OpioidModel) throws(PharmacologyError) -> OpioidModel {
        guard let coadministration else { return model }
        if let second = model.secondOpioid {
            guard second.opioid == coadministration.opioid else {
                throw .invalidDesign("\(model.name) carries \(second.opioid.rawValue), not \(coadministration.opioid.rawValue)")
            }
            return model
        }
        return try model.combined(with: try PKLibrary.model(coadministration.opioid, model.species))
    }

    /// The largest dose (mg) or infusion rate (mg/h) of a treatment given as drug: beyond it the
    /// unit is surely wrong (the scenario layer's bound for amounts, `Scenario.maximumMilligrams`).
    static let maximumTreatmentMilligrams = 100_000.0

    /// The weight used for `species`.
    public func weight(for species: Species) -> Double { weightKilograms ?? species.defaultWeightKilograms }

    /// Total mg of drug given by this design up to `time` (patches: the nominal amount, strength ×
    /// hours worn, not the larger content a patch holds), for a body of `weight` kg; with a second
    /// opioid, the mg of both.
    public func milligramsGiven(through time: Double, weightKilograms weight: Double) -> Double {
        var total = 0.0
        for item in everyAdministration {
            switch item {
            case let .dose(amount, _, at):
                if at <= time { total += amount.milligrams(forWeightKilograms: weight) }
            case let .repeated(amount, _, every, from, to):
                total += Double(Administration.doseTimes(everyHours: every, fromHours: from, toHours: to).filter { $0 <= time }.count)
                    * amount.milligrams(forWeightKilograms: weight)
            case let .infusion(rate, _, from, to):
                total += rate.milligramsPerHour(forWeightKilograms: weight) * max(0, min(to, time) - from)
            case let .patch(strength, from, to):
                total += strength.milligramsPerHour(forWeightKilograms: weight) * max(0, min(to, time) - from)
            case let .patches(strength, _, from, to):
                total += strength.milligramsPerHour(forWeightKilograms: weight) * max(0, min(to, time) - from)
            case let .pellet(amount, at, _):
                if at <= time { total += amount.milligrams(forWeightKilograms: weight) }
            case .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion, .msc, .nerveInjury:
                break
            }
        }
        return total
    }

    /// The event-engine timeline of this design on `runtime` (whose parameters give the route
    /// shares), with an output at each of `outputTimes`.
    func timeline(for model: OpioidModel, runtime: any ModelRuntime, outputTimes: [Double]) throws(PharmacologyError) -> [TimelineEntry] {
        let weight = weight(for: model.species)
        guard weight.isFinite, weight > 0 else { throw .invalidDesign("body weight must be a positive number of kg; got \(weight)") }
        // (time, order at equal times, entry): patches off and pellets out -1 (a pellet implanted at the
        // instant another comes out stays), doses 0, outputs 2.
        var items: [(Double, Int, TimelineEntry)] = []
        guard coadministration == nil || model.secondOpioid?.opioid == coadministration?.opioid else {
            throw .invalidDesign("internal: a design with a second opioid runs on the combined model (`model(from:)`)")
        }
        /// The drug whose administrations are being placed: its routes, the prefix of its names in
        /// the model ("" for the first opioid) and its name for messages.
        var drug = (routes: model.routes, prefix: "", name: model.name)
        /// The current drug's routes, in a stable order, for messages.
        func supportedRoutes() -> [Route] { Route.allCases.filter { drug.routes[$0] != nil } }

        /// The states a dose of `milligrams` by `route` enters, with their shares.
        func inputs(_ route: Route, milligrams: Double = 0) throws(PharmacologyError) -> [(state: Int, share: Double)] {
            guard let routeInputs = drug.routes[route] else {
                throw .unsupportedRoute(route, model: drug.name, supported: supportedRoutes())
            }
            var resolved: [(state: Int, share: Double)] = []
            for input in routeInputs {
                guard let state = runtime.model.stateIndex(input.state) else {
                    throw .invalidDesign("internal: \(model.file) has no state '\(input.state)'")
                }
                var share = input.share.fixed
                for name in input.share.parameters { share *= try parameterValue(name) }
                for name in input.share.complements { share *= 1 - (try parameterValue(name)) }
                if let saturating = input.share.saturating {
                    let fraction = OpioidModel.RouteInput.SaturatingFraction.fraction(
                        ofMilligrams: milligrams, capacity: try parameterValue(saturating.capacity),
                        halfSize: try parameterValue(saturating.halfSize))
                    share *= saturating.complement ? 1 - fraction : fraction
                }
                if share != 0 { resolved.append((state, share)) }
            }
            return resolved
        }
        func parameterValue(_ name: String) throws(PharmacologyError) -> Double {
            guard let index = runtime.model.parameterIndex(name) else {
                throw .invalidDesign("internal: \(model.file) has no parameter '\(name)'")
            }
            return runtime.parameter(index)
        }
        func checkLevel(_ level: Double, _ treatment: Treatment) throws(PharmacologyError) {
            guard level.isFinite, level >= 0, level <= treatment.maximumLevel else {
                throw .invalidDesign("\(treatment.rawValue) level must be \(treatment.levelRange) (\(treatment.levelMeaning)); got \(level)")
            }
        }
        func treatmentState(_ treatment: Treatment) throws(PharmacologyError) -> (Int, Double) {
            guard let state = runtime.model.stateIndex(treatment.state),
                  let index = runtime.model.parameterIndex(treatment.halfLifeParameter) else {
                throw .invalidDesign("\(model.name) has no \(treatment.rawValue) pathway (it is a PK-only model)")
            }
            return (state, runtime.parameter(index))
        }
        func stateIndex(_ name: String) throws(PharmacologyError) -> Int {
            guard let index = runtime.model.stateIndex(name) else { throw .invalidDesign("internal: \(model.file) has no state '\(name)'") }
            return index
        }
        /// The kinetics of `treatment` given in mg by `route`, checked to exist in this model.
        func treatmentKinetics(_ treatment: Treatment, route: Route) throws(PharmacologyError) -> Treatment.DoseKinetics {
            guard let kinetics = treatment.doseKinetics else {
                throw .invalidDesign("\(treatment.rawValue) has no kinetics in the model: give its effect level (dose=…, \(treatment.levelMeaning)), not an amount")
            }
            let routes = model.doseRoutes(of: treatment)
            guard !routes.isEmpty else { throw .invalidDesign("\(model.name) has no \(treatment.rawValue) pathway (it is a PK-only model)") }
            guard routes.contains(route) else {
                throw .invalidDesign("\(treatment.rawValue) by \(route.rawValue) is not modelled for the \(model.species.rawValue) model; routes: \(routes.map(\.rawValue).joined(separator: ", "))")
            }
            return kinetics
        }
        /// The level one mg of `treatment` brings at once (an IV bolus: the peak), or, `absorbed`,
        /// one mg reaching the level over time (an absorbed dose, an infusion: the course's area).
        func levelPerMilligram(_ kinetics: Treatment.DoseKinetics, absorbed: Bool) throws(PharmacologyError) -> Double {
            let peak = try parameterValue(kinetics.peakLevelPerMilligramPerKilogram) / weight
            return absorbed ? peak * (try parameterValue(kinetics.absorbedScale)) : peak
        }
        /// A zero-order input of `rate` (per hour) into `state` over `[from, to)`.
        func addZeroOrderInput(_ rate: Double, state: Int, from: Double, to: Double) {
            let record = DoseRecord(time: from, amount: rate * (to - from), compartment: .number(state + 1), delivery: .infusion(rate: rate))
            items.append((from, 0, TimelineEntry(time: from, action: .dose(record, state: state))))
        }
        /// The states a jump of the treatment's level, or an input to it, feeds, with their shares:
        /// its fast-falling share, if it has one, to the distributing state, the rest to its state.
        func levelStates(_ treatment: Treatment) throws(PharmacologyError) -> [(state: Int, share: Double)] {
            let (state, _) = try treatmentState(treatment)
            guard let (fast, shareParameter) = treatment.distributingBolus else { return [(state, 1)] }
            let share = min(1, max(0, try parameterValue(shareParameter)))
            return [(try stateIndex(fast), share), (state, 1 - share)]
        }
        /// A jump of the treatment's level by `level` at `at`.
        func addLevelBolus(_ treatment: Treatment, level: Double, at: Double) throws(PharmacologyError) {
            for (state, share) in try levelStates(treatment) where level * share > 0 { addBolus(level * share, state: state, at: at) }
        }
        func checkTime(_ t: Double, _ what: String) throws(PharmacologyError) {
            guard t.isFinite else { throw .invalidDesign("\(what) must be a finite time; got \(t)") }
        }
        func addDose(_ milligrams: Double, route: Route, at time: Double, interval: Double = 0, additional: Int = 0) throws(PharmacologyError) {
            guard milligrams.isFinite, milligrams >= 0 else { throw .invalidDesign("a dose must be a finite amount ≥ 0; got \(milligrams) mg") }
            for (state, share) in try inputs(route, milligrams: milligrams) {
                let record = DoseRecord(time: time, amount: milligrams * share, compartment: .number(state + 1),
                                        interval: interval, additional: additional)
                items.append((time, 0, TimelineEntry(time: time, action: .dose(record, state: state))))
            }
        }
        /// An amount put straight into a model state (a treatment bolus, cells, an injury's drive).
        func addBolus(_ amount: Double, state: Int, at time: Double) {
            let record = DoseRecord(time: time, amount: amount, compartment: .number(state + 1))
            items.append((time, 0, TimelineEntry(time: time, action: .dose(record, state: state))))
        }
        func addInfusion(_ milligramsPerHour: Double, route: Route, from: Double, to: Double) throws(PharmacologyError) {
            try checkTime(from, "an infusion's start")
            try checkTime(to, "an infusion's end")
            guard to > from else { throw .invalidDesign("an infusion must end after it starts; got [\(from) h, \(to) h)") }
            guard milligramsPerHour.isFinite, milligramsPerHour >= 0 else { throw .invalidDesign("a rate must be finite and ≥ 0; got \(milligramsPerHour) mg/h") }
            guard milligramsPerHour > 0 else { return }
            for (state, share) in try inputs(route) { addZeroOrderInput(milligramsPerHour * share, state: state, from: from, to: to) }
        }

        /// A patch: its content (PATCH_LOAD × nominal rate) into the model's `patch` state when put
        /// on; what it still holds moved to `patch_residue` when it comes off.
        var patchIntervals: [String: [(from: Double, to: Double)]] = [:]
        func addPatch(_ milligramsPerHour: Double, from: Double, to: Double) throws(PharmacologyError) {
            try checkTime(from, "a patch's start")
            try checkTime(to, "a patch's end")
            guard to > from else { throw .invalidDesign("a patch must come off after it is put on; got [\(from) h, \(to) h)") }
            guard milligramsPerHour.isFinite, milligramsPerHour >= 0 else {
                throw .invalidDesign("a patch strength must be finite and ≥ 0; got \(milligramsPerHour) mg/h")
            }
            guard drug.routes[.transdermal] != nil, let patch = runtime.model.stateIndex(drug.prefix + "patch"),
                  let residue = runtime.model.stateIndex(drug.prefix + "patch_residue") else {
                throw .unsupportedRoute(.transdermal, model: drug.name, supported: supportedRoutes())
            }
            patchIntervals[drug.prefix, default: []].append((from, to))
            guard milligramsPerHour > 0 else { return }
            addBolus(milligramsPerHour * (try parameterValue(drug.prefix + "PATCH_LOAD")), state: patch, at: from)
            items.append((to, -1, TimelineEntry(time: to, action: .moveAmount(from: patch, to: residue))))
        }

        func add(_ item: Administration) throws(PharmacologyError) {
            switch item {
            case let .dose(amount, route, at):
                try checkTime(at, "a dose time")
                try addDose(amount.milligrams(forWeightKilograms: weight), route: route, at: at)
            case let .repeated(amount, route, every, from, to):
                try checkTime(from, "a repeated dose's start")
                try checkTime(to, "a repeated dose's end")
                guard every > 0, every.isFinite else { throw .invalidDesign("a repeated dose needs an interval > 0; got \(every) h") }
                guard Administration.doseCount(everyHours: every, fromHours: from, toHours: to) != nil else {
                    throw .invalidDesign("a dose every \(every) h from \(from) h to \(to) h is more than \(Administration.maximumRepeats) doses; is the interval in hours?")
                }
                let times = Administration.doseTimes(everyHours: every, fromHours: from, toHours: to)
                guard !times.isEmpty else { return }
                try addDose(amount.milligrams(forWeightKilograms: weight), route: route, at: from, interval: every, additional: times.count - 1)
            case let .infusion(rate, route, from, to):
                try addInfusion(rate.milligramsPerHour(forWeightKilograms: weight), route: route, from: from, to: to)
            case let .patch(strength, from, to):
                try addPatch(strength.milligramsPerHour(forWeightKilograms: weight), from: from, to: to)
            case let .patches(strength, every, from, to):
                guard every > 0, every.isFinite else { throw .invalidDesign("patches need a change interval > 0; got \(every) h") }
                guard Administration.doseCount(everyHours: every, fromHours: from, toHours: to) != nil else {
                    throw .invalidDesign("a patch changed every \(every) h from \(from) h to \(to) h is more than \(Administration.maximumRepeats) patches; is the interval in hours?")
                }
                for start in Administration.doseTimes(everyHours: every, fromHours: from, toHours: to) {
                    try addPatch(strength.milligramsPerHour(forWeightKilograms: weight), from: start, to: min(start + every, to))
                }
            case let .treatment(treatment, level, from, to):
                try checkTime(from, "a treatment's start")
                try checkTime(to, "a treatment's end")
                guard to > from else { throw .invalidDesign("a treatment must end after it starts; got [\(from) h, \(to) h)") }
                try checkLevel(level, treatment)
                let (state, halfLife) = try treatmentState(treatment)
                // Zero-order input k·level with first-order loss k: the state approaches `level`.
                let rate = level * log(2) / halfLife
                guard rate > 0 else { return }
                addZeroOrderInput(rate, state: state, from: from, to: to)
            case let .treatmentBolus(treatment, level, at):
                try checkTime(at, "a treatment's time")
                try checkLevel(level, treatment)
                try addLevelBolus(treatment, level: level, at: at)
            case let .treatmentDose(treatment, amount, route, at):
                try checkTime(at, "a treatment's time")
                let kinetics = try treatmentKinetics(treatment, route: route)
                let milligrams = amount.milligrams(forWeightKilograms: weight)
                guard milligrams.isFinite, milligrams >= 0, milligrams <= Self.maximumTreatmentMilligrams else {
                    throw .invalidDesign("a \(treatment.rawValue) dose must be a finite amount between 0 and \(Int(Self.maximumTreatmentMilligrams)) mg; got \(milligrams) mg")
                }
                if let depot = kinetics.depots[route] {
                    if milligrams > 0 { addBolus(milligrams, state: try stateIndex(depot.state), at: at) }
                } else {
                    try addLevelBolus(treatment, level: milligrams * (try levelPerMilligram(kinetics, absorbed: false)), at: at)
                }
            case let .treatmentInfusion(treatment, rate, route, from, to):
                try checkTime(from, "a treatment's start")
                try checkTime(to, "a treatment's end")
                guard to > from else { throw .invalidDesign("an infusion must end after it starts; got [\(from) h, \(to) h)") }
                let kinetics = try treatmentKinetics(treatment, route: route)
                let milligramsPerHour = rate.milligramsPerHour(forWeightKilograms: weight)
                guard milligramsPerHour.isFinite, milligramsPerHour >= 0, milligramsPerHour <= Self.maximumTreatmentMilligrams else {
                    throw .invalidDesign("a \(treatment.rawValue) infusion must be a finite rate between 0 and \(Int(Self.maximumTreatmentMilligrams)) mg/h; got \(milligramsPerHour) mg/h")
                }
                guard milligramsPerHour > 0 else { return }
                if let depot = kinetics.depots[route] {
                    addZeroOrderInput(milligramsPerHour, state: try stateIndex(depot.state), from: from, to: to)
                } else {
                    // An IV infusion feeds the level as an absorbed dose does, its area per mg the course's.
                    let levelPerHour = milligramsPerHour * (try levelPerMilligram(kinetics, absorbed: true))
                    for (state, share) in try levelStates(treatment) where levelPerHour * share > 0 {
                        addZeroOrderInput(levelPerHour * share, state: state, from: from, to: to)
                    }
                }
            case let .msc(transplant):
                try checkTime(transplant.atHours, "a transplant's time")
                let count = transplant.count(forWeightKilograms: weight)
                guard count.isFinite, count >= 0, count <= 1e12 else {
                    throw .invalidDesign("a cell dose must be between 0 and 10^12 cells; got \(count)")
                }
                guard let trapped = runtime.model.parameterIndex("F_MSC_LUNG"),
                      let lung = runtime.model.stateIndex("msc_lung"), let it = runtime.model.stateIndex("msc_it"),
                      let cleared = runtime.model.stateIndex("msc_cleared") else {
                    throw .invalidDesign("\(model.name) has no MSC pathway (it is a PK-only model)")
                }
                // IV: the trapped fraction lodges in the lung, the rest is cleared at once (debris in
                // the liver within a day, Eggenhofer 2012); IT: all cells reach the meninges and DRG.
                let share = transplant.route == .iv ? runtime.parameter(trapped) : 1
                let at = transplant.atHours
                for (state, cells) in [(transplant.route == .iv ? lung : it, count * share), (cleared, count * (1 - share))] where cells > 0 {
                    addBolus(cells, state: state, at: at)
                }
            case let .nerveInjury(kind, at):
                try checkTime(at, "an injury's time")
                guard let state = runtime.model.stateIndex(NerveInjury.state) else {
                    throw .invalidDesign("\(model.name) has no nerve-injury pathway (it is a PK-only model); \(kind.rawValue) needs a mechanistic model")
                }
                addBolus(NerveInjury.size, state: state, at: at)
            case let .pellet(amount, at, remove):
                try checkTime(at, "a pellet's implantation time")
                try addDose(amount.milligrams(forWeightKilograms: weight), route: .pellet, at: at)
                if let remove {
                    try checkTime(remove, "a pellet's removal time")
                    guard remove > at else { throw .invalidDesign("a pellet must be removed after it is implanted; got \(at) h and \(remove) h") }
                    guard let removed = runtime.model.stateIndex(drug.prefix + "removed") else {
                        throw .unsupportedRoute(.pellet, model: drug.name, supported: supportedRoutes())
                    }
                    // Everything the pellet still holds, released or not, comes out with it: every
                    // state the route fills, whatever this pellet's share of it.
                    for input in drug.routes[.pellet] ?? [] {
                        guard let state = runtime.model.stateIndex(input.state) else {
                            throw .invalidDesign("internal: \(model.file) has no state '\(input.state)'")
                        }
                        items.append((remove, -1, TimelineEntry(time: remove, action: .moveAmount(from: state, to: removed))))
                    }
                }
            }
        }
        for item in administrations { try add(item) }
        if let coadministration, let second = model.secondOpioid {
            drug = (second.routes, second.prefix, "\(second.opioid.rawValue) (\(model.species.rawValue), the second opioid)")
            for item in coadministration.administrations {
                guard Coadministration.isOpioidAdministration(item) else {
                    throw .invalidDesign("the second opioid takes its own doses, infusions, patches and pellets only; give treatments, cells and injuries with the first")
                }
                try add(item)
            }
        }
        // A drug's pellets share one depot, so removing one takes out every pellet of it then in
        // place: a pellet in place when another is removed must come out at the same time
        // (quadratic in the number of pellets, a handful in any design).
        for drugAdministrations in [administrations, coadministration?.administrations ?? []] {
            let pellets: [(at: Double, remove: Double)] = drugAdministrations.compactMap {
                if case let .pellet(_, at, remove) = $0 { (at, remove ?? .infinity) } else { nil }
            }
            for removed in pellets where removed.remove.isFinite {
                for other in pellets where other.at < removed.remove && other.remove > removed.remove {
                    throw .invalidDesign("a pellet implanted at \(other.at) h is still in place when another is removed at \(removed.remove) h; pellets share one depot, so remove pellets in place together at the same time")
                }
            }
        }
        // One patch of a drug at a time (they share its `patch` state): sorted by start, each must
        // come off before the next goes on — n log n, for schedules of up to `maximumRepeats` patches.
        for intervals in patchIntervals.values {
            let worn = intervals.sorted { $0.from < $1.from }
            for (earlier, later) in zip(worn, worn.dropFirst()) where later.from < earlier.to {
                throw .invalidDesign("a patch worn over [\(later.from) h, \(later.to) h) overlaps one worn over [\(earlier.from) h, \(earlier.to) h); give one patch of the summed strength instead")
            }
        }
        for (index, t) in outputTimes.enumerated() {
            try checkTime(t, "an output time")
            items.append((t, 2, TimelineEntry(time: t, action: .output(tag: index))))
        }
        // Stable: equal (time, order) keep the order written.
        let sorted = items.enumerated().sorted { a, b in
            (a.element.0, a.element.1, a.offset) < (b.element.0, b.element.1, b.offset)
        }
        return sorted.map(\.element.2)
    }
}
