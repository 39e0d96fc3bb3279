import Foundation

extension Administration {
    /// The `wean scenario` option this administration is written with (`dose`, `patch`, …).
    public var scenarioArgument: String {
        switch self {
        case .dose, .repeated: "dose"
        case .infusion: "infusion"
        case .patch, .patches: "patch"
        case .pellet: "pellet"
        case .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion: "treatment"
        case .msc: "msc"
        case .nerveInjury: "injury"
        }
    }

    /// The interval the administration acts over, `[from, to)` (a single time for one-off events).
    var activeInterval: (from: Double, to: Double) {
        switch self {
        case let .dose(_, _, at), let .treatmentBolus(_, _, at), let .treatmentDose(_, _, _, at), let .nerveInjury(_, at): (at, at)
        case let .msc(transplant): (transplant.atHours, transplant.atHours)
        case let .pellet(_, at, remove): (at, remove ?? .infinity)
        case let .repeated(_, _, _, from, to), let .infusion(_, _, from, to), let .patch(_, from, to),
             let .patches(_, _, from, to), let .treatment(_, _, from, to), let .treatmentInfusion(_, _, _, from, to): (from, to)
        }
    }
}

extension Scenario {
    /// Checks everything a run needs, naming the argument (and which one, when it repeats) of the
    /// first problem: the model exists, every route is one the model has, intervals end after they
    /// start, amounts and cell doses are finite and not negative, per-kg amounts for a human come
    /// with a weight, mechanistic items (cells, injuries, treatments, knockouts) meet a
    /// mechanistic model, patches do not overlap, output times are finite and bounded, and every
    /// readout applies to the species and the model.
    public func validate() throws(ScenarioError) {
        let model = try model()
        if let weight = weightKilograms {
            let modelled = species.modelledWeightKilograms
            guard weight.isFinite, modelled.contains(weight) else {
                throw ScenarioError("weight", "a \(species.rawValue)'s body weight must be within \(species.modelledWeightText), the weights its model is meant for; got \(weight) kg")
            }
        }
        try checkAdministrations(administrations, model: model, secondOpioid: nil)
        if let coadministration {
            let second: OpioidModel
            do {
                second = try PKLibrary.model(coadministration.opioid, species)
                _ = try design.model(from: model)
            } catch {
                let argument = coadministration.administrations.first?.scenarioArgument ?? "opioid"
                throw ScenarioError(argument, "the second opioid, \(coadministration.opioid.rawValue) (opioid=\(coadministration.opioid.rawValue)): \(error)")
            }
            try checkAdministrations(coadministration.administrations, model: second, secondOpioid: coadministration.opioid)
        }
        if !knockouts.isEmpty, !model.isMechanistic {
            throw ScenarioError("knockout", "\(model.name) is a PK-only model; knockouts need a mechanistic one (\(mechanisticModels))")
        }
        for (index, test) in doseResponses.enumerated() {
            do throws(ScenarioTextError) {
                try check(test, model: model)
            } catch {
                throw ScenarioError("dose-response", occurrence: doseResponses.count > 1 ? index + 1 : nil, error.message)
            }
        }
        _ = try outputTimes()
        _ = try resolvedReadouts(model: model)
    }

    /// Checks one drug's administrations against its `model`: each item (`check(_:model:)`) and
    /// that its patches do not overlap. An error names the option and, when it repeats, which
    /// one; a second opioid's items (`secondOpioid`) are counted among that drug's and named in
    /// the message (`the buprenorphine dose #2 (opioid=buprenorphine): …`), and may only be the
    /// drug's own administrations.
    private func checkAdministrations(_ items: [Administration], model: OpioidModel, secondOpioid: Opioid?) throws(ScenarioError) {
        var counts: [String: Int] = [:], occurrences: [String: Int] = [:]
        for item in items { counts[item.scenarioArgument, default: 0] += 1 }
        var patches: [(interval: (from: Double, to: Double), occurrence: Int)] = []
        for item in items {
            let argument = item.scenarioArgument
            let occurrence = occurrences[argument, default: 0] + 1
            occurrences[argument] = occurrence
            let repeated = counts[argument, default: 0] > 1
            /// The error about this item.
            func failure(_ message: String) -> ScenarioError {
                guard let drug = secondOpioid?.rawValue else { return ScenarioError(argument, occurrence: repeated ? occurrence : nil, message) }
                return ScenarioError(argument, "the \(drug) \(argument)\(repeated ? " #\(occurrence)" : "") (opioid=\(drug)): \(message)")
            }
            if secondOpioid != nil, !Coadministration.isOpioidAdministration(item) {
                throw failure("a second opioid takes only its own doses, infusions, patches and pellets")
            }
            do throws(ScenarioTextError) {
                try check(item, model: model)
            } catch {
                throw failure(error.message)
            }
            if argument == "patch" {
                let interval = item.activeInterval
                if let other = patches.first(where: { $0.interval.from < interval.to && interval.from < $0.interval.to }) {
                    throw failure("worn over [\(ScenarioText.text(hours: interval.from)), \(ScenarioText.text(hours: interval.to))), it overlaps patch #\(other.occurrence) "
                                  + "[\(ScenarioText.text(hours: other.interval.from)), \(ScenarioText.text(hours: other.interval.to))); give one patch of the summed strength instead")
                }
                patches.append((interval, occurrence))
            }
        }
    }

    /// The largest time a scenario may name, h (±10 years).
    public static let maximumHours = 87_600.0
    /// The largest amount (mg) or rate (mg/h) an administration may give: 100 g, far above any
    /// dose, so a wrong unit is caught before it overflows the model.
    public static let maximumMilligrams = 100_000.0

    /// The mechanistic models' names, for error messages.
    var mechanisticModels: String { PKLibrary.models.filter(\.isMechanistic).map(\.name).joined(separator: ", ") }

    /// Output times: `outputHours` as given (sorted, without repeats), or every `everyHours` from
    /// the earliest event through `endHours`.
    public func outputTimes() throws(ScenarioError) -> [Double] {
        guard endHours.isFinite, abs(endHours) <= Self.maximumHours else {
            throw ScenarioError("end", "the end must be a time within ±\(ScenarioText.text(hours: Self.maximumHours)) (10 years); got \(endHours) h")
        }
        if let outputHours {
            guard everyHours == nil else { throw ScenarioError("times", "give --every or --times, not both") }
            guard !outputHours.isEmpty else { throw ScenarioError("times", "no output times") }
            guard outputHours.count <= Self.maximumOutputTimes else {
                throw ScenarioError("times", "more than \(Self.maximumOutputTimes) output times")
            }
            for time in outputHours {
                guard time.isFinite, abs(time) <= Self.maximumHours else {
                    throw ScenarioError("times", "output times must be within ±\(ScenarioText.text(hours: Self.maximumHours)); got \(time) h")
                }
                guard time <= endHours + 1e-9 * max(1, abs(endHours)) else {
                    throw ScenarioError("times", "\(ScenarioText.text(hours: time)) is after the end, \(ScenarioText.text(hours: endHours))")
                }
            }
            return Array(Set(outputHours)).sorted()
        }
        let every = everyHours ?? Self.defaultEveryHours
        guard every.isFinite, every > 0 else { throw ScenarioError("every", "the output interval must be a positive time; got \(every) h") }
        let start = startHours
        guard endHours >= start else {
            throw ScenarioError("end", "the end (\(ScenarioText.text(hours: endHours))) is before the first event (\(ScenarioText.text(hours: start)))")
        }
        guard (endHours - start) / every < Double(Self.maximumOutputTimes) else {
            throw ScenarioError("every", "an output every \(ScenarioText.text(hours: every)) from \(ScenarioText.text(hours: start)) to \(ScenarioText.text(hours: endHours)) is more than \(Self.maximumOutputTimes) rows; choose a longer interval")
        }
        return gridHours(from: start, to: endHours, step: every)
    }

    /// The readouts to report: `readouts` (without repeats) or the defaults, each checked against
    /// the species and the model.
    public func resolvedReadouts(model: OpioidModel) throws(ScenarioError) -> [Readout] {
        var seen = Set<Readout>()
        let list = (readouts.isEmpty ? defaultReadouts(for: model) : readouts).filter { seen.insert($0).inserted }
        let outputs = Set(model.checkedModel.outputNames)
        for readout in list {
            guard readout.applies(to: species) else {
                let available = Readout.allCases.filter { $0.applies(to: species) }.map(\.rawValue)
                throw ScenarioError("readouts", "'\(readout.rawValue)' is not read in \(species.rawValue)s; for \(species.rawValue)s: \(available.joined(separator: ", "))")
            }
            if readout == .secondPlasmaConcentration || readout == .secondEffectSiteConcentration, coadministration == nil {
                throw ScenarioError("readouts", "'\(readout.rawValue)' reads the second opioid; give one with opioid=NAME on a dose, infusion, patch or pellet")
            }
            if let output = readout.modelOutput, !outputs.contains(output) {
                throw ScenarioError("readouts", "'\(readout.rawValue)' needs the mechanistic model; \(model.name) is PK-only (mechanistic: \(mechanisticModels))")
            }
            if readout == .dailyMME, !MorphineEquivalence.convertible(design, opioid: opioid) {
                let drugs = [opioid.rawValue] + (coadministration.map { [$0.opioid.rawValue] } ?? [])
                throw ScenarioError("readouts", "'mme': some administration of \(drugs.joined(separator: " or ")) has no CDC 2022 conversion factor (by its route)")
            }
        }
        return list
    }

    private func time(_ t: Double, _ what: String) throws(ScenarioTextError) {
        guard t.isFinite, abs(t) <= Self.maximumHours else {
            throw ScenarioTextError("\(what) must be a time within ±\(ScenarioText.text(hours: Self.maximumHours)) (10 years); got \(t) h")
        }
    }

    private func interval(_ from: Double, _ to: Double) throws(ScenarioTextError) {
        try time(from, "'from'")
        try time(to, "'to'")
        guard to > from else {
            throw ScenarioTextError("'to' (\(ScenarioText.text(hours: to))) must come after 'from' (\(ScenarioText.text(hours: from)))")
        }
    }

    private func amount<U: DoseUnit>(_ quantity: DoseQuantity<U>, _ what: String) throws(ScenarioTextError) {
        guard quantity.value.isFinite, quantity.value >= 0 else {
            throw ScenarioTextError("the \(what) must be a finite number ≥ 0; got \(quantity.value)")
        }
        if quantity.unit.isPerKilogram, species == .human, weightKilograms == nil {
            throw ScenarioTextError("\(quantity.unit.rawValue) for a human needs --weight (kg)")
        }
        let milligrams = quantity.milligrams(forWeightKilograms: weightUsed)
        guard milligrams <= Self.maximumMilligrams else {
            throw ScenarioTextError("the \(what) is \(milligrams) mg\(what == "amount" ? "" : "/h"), more than \(Int(Self.maximumMilligrams)) — is the unit right?")
        }
    }

    private func route(_ route: Route, _ model: OpioidModel) throws(ScenarioTextError) {
        switch route {
        case .transdermal: throw ScenarioTextError("patches are given with --patch, not as a route")
        case .pellet: throw ScenarioTextError("pellets are given with --pellet, not as a route")
        default: break
        }
        guard model.routes[route] != nil else {
            let routes = model.supportedRoutes.filter { $0 != .transdermal && $0 != .pellet }.map(\.rawValue)
            throw ScenarioTextError("\(model.name) has no '\(route.rawValue)' route; it has: \(routes.joined(separator: ", "))")
        }
    }

    private func mechanistic(_ model: OpioidModel, _ what: String) throws(ScenarioTextError) {
        guard model.isMechanistic else {
            throw ScenarioTextError("\(model.name) is a PK-only model; \(what) needs a mechanistic one (\(mechanisticModels))")
        }
    }

    private func check(_ item: Administration, model: OpioidModel) throws(ScenarioTextError) {
        switch item {
        case let .dose(quantity, route, at):
            try amount(quantity, "amount")
            try self.route(route, model)
            try time(at, "'at'")
        case let .repeated(quantity, route, every, from, to):
            try amount(quantity, "amount")
            try self.route(route, model)
            try interval(from, to)
            guard every.isFinite, every > 0 else { throw ScenarioTextError("'every' must be a positive time; got \(every) h") }
            guard Administration.doseCount(everyHours: every, fromHours: from, toHours: to) != nil else {
                throw ScenarioTextError("a dose every \(ScenarioText.text(hours: every)) from \(ScenarioText.text(hours: from)) to \(ScenarioText.text(hours: to)) is more than \(Administration.maximumRepeats) doses")
            }
        case let .infusion(rate, route, from, to):
            try amount(rate, "rate")
            try self.route(route, model)
            try interval(from, to)
        case let .patch(strength, from, to):
            try amount(strength, "strength")
            try patchRoute(model)
            try interval(from, to)
        case let .patches(strength, every, from, to):
            try amount(strength, "strength")
            try patchRoute(model)
            try interval(from, to)
            guard every.isFinite, every > 0 else { throw ScenarioTextError("'every' (the patch change interval) must be a positive time; got \(every) h") }
            guard Administration.doseCount(everyHours: every, fromHours: from, toHours: to) != nil else {
                throw ScenarioTextError("a patch changed every \(ScenarioText.text(hours: every)) over that interval is more than \(Administration.maximumRepeats) patches")
            }
        case let .pellet(quantity, at, remove):
            try amount(quantity, "amount")
            guard model.routes[.pellet] != nil else {
                throw ScenarioTextError("\(model.name) has no pellet; pellets are implanted in: \(PKLibrary.models.filter { $0.routes[.pellet] != nil }.map(\.name).joined(separator: ", "))")
            }
            try time(at, "'at'")
            if let remove {
                try time(remove, "'remove'")
                guard remove > at else {
                    throw ScenarioTextError("'remove' (\(ScenarioText.text(hours: remove))) must come after 'at' (\(ScenarioText.text(hours: at)))")
                }
            }
        case let .treatment(treatment, level, from, to):
            try mechanistic(model, "a treatment")
            try self.level(level, treatment)
            try interval(from, to)
        case let .treatmentBolus(treatment, level, at):
            try mechanistic(model, "a treatment")
            try self.level(level, treatment)
            try time(at, "'at'")
        case let .treatmentDose(treatment, quantity, route, at):
            try treatmentRoute(treatment, route, model)
            try amount(quantity, "amount")
            try time(at, "'at'")
        case let .treatmentInfusion(treatment, rate, route, from, to):
            try treatmentRoute(treatment, route, model)
            try amount(rate, "rate")
            try interval(from, to)
        case let .msc(transplant):
            try mechanistic(model, "an MSC transplant")
            try time(transplant.atHours, "'at'")
            if transplant.unit == .cellsPerKg, species == .human, weightKilograms == nil {
                throw ScenarioTextError("cells/kg for a human needs --weight (kg)")
            }
            let count = transplant.count(forWeightKilograms: weightUsed)
            guard transplant.cells.isFinite, count >= 0, count <= 1e12 else {
                throw ScenarioTextError("a cell dose must be between 0 and 10^12 cells; got \(count)")
            }
        case let .nerveInjury(_, at):
            try mechanistic(model, "a nerve injury")
            try time(at, "'at'")
        }
    }

    /// A treatment given in mg needs a mechanistic model with its kinetics and one of its routes.
    private func treatmentRoute(_ treatment: Treatment, _ route: Route, _ model: OpioidModel) throws(ScenarioTextError) {
        try mechanistic(model, "a treatment")
        guard treatment.doseKinetics != nil else {
            throw ScenarioTextError("\(treatment.rawValue) has no kinetics in the model: give its effect level (dose=…: \(treatment.levelMeaning)), not an amount")
        }
        let routes = model.doseRoutes(of: treatment)
        guard routes.contains(route) else {
            throw ScenarioTextError("\(treatment.rawValue) by '\(route.rawValue)' is not modelled for the \(species.rawValue) model; routes: \(routes.map(\.rawValue).joined(separator: ", "))")
        }
    }

    private func patchRoute(_ model: OpioidModel) throws(ScenarioTextError) {
        guard model.routes[.transdermal] != nil else {
            throw ScenarioTextError("\(model.name) has no patch; patches exist for: \(PKLibrary.models.filter { $0.routes[.transdermal] != nil }.map(\.name).joined(separator: ", "))")
        }
    }

    private func level(_ level: Double, _ treatment: Treatment) throws(ScenarioTextError) {
        guard level.isFinite, level >= 0, level <= treatment.maximumLevel else {
            throw ScenarioTextError("the \(treatment.rawValue) dose is an effect level, \(treatment.levelRange) (\(treatment.levelMeaning)); got \(level)")
        }
    }

    private func check(_ test: DoseResponseTest, model: OpioidModel) throws(ScenarioTextError) {
        try time(test.atHours, "'at'")
        try route(test.route, model)
        guard !test.doses.isEmpty else { throw ScenarioTextError("'doses' is empty") }
        guard test.doses.count <= DoseResponseTest.maximumDoses else {
            throw ScenarioTextError("at most \(DoseResponseTest.maximumDoses) doses; got \(test.doses.count)")
        }
        for dose in test.doses {
            guard dose.isFinite, dose > 0 else { throw ScenarioTextError("challenge doses must be finite and > 0; got \(dose)") }
        }
        guard Set(test.doses).count == test.doses.count else { throw ScenarioTextError("a challenge dose is repeated") }
        if let interval = test.cumulativeIntervalHours {
            guard interval.isFinite, interval > 0, interval <= DoseResponseTest.maximumCumulativeIntervalHours else {
                throw ScenarioTextError("'cumulative' (the interval between increments) must be above 0 and at most \(Int(DoseResponseTest.maximumCumulativeIntervalHours))h; got \(ScenarioText.text(hours: interval))")
            }
        }
        for dose in test.doses where DoseAmount(dose, test.unit).milligrams(forWeightKilograms: weightUsed) > Self.maximumMilligrams {
            throw ScenarioTextError("a challenge dose of \(dose) \(test.unit.rawValue) is more than \(Int(Self.maximumMilligrams)) mg — is the unit right?")
        }
        if test.unit.isPerKilogram, species == .human, weightKilograms == nil {
            throw ScenarioTextError("\(test.unit.rawValue) for a human needs --weight (kg)")
        }
    }
}
