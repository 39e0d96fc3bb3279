import Foundation
import NameSuggestions

/// A scenario as the text of `wean scenario`'s options, turned into a `Scenario` by `scenario()`
/// with errors that name the option (and which one, when it repeats) and say what was expected.
/// Any face that takes scenarios as text (the command line now, forms later) fills this in.
///
/// Items are `key=value` lists: `--dose "amount=10,unit=mg/kg,route=sc,every=24h,from=0d,to=14d"`.
/// Times take units (`min h d w`); amounts take units, absolute or per kg (`mg`, `mcg`, `mg/kg`,
/// `mcg/kg`; rates `mg/h`, `mcg/h`, `mg/kg/h`, `mcg/kg/h`), written in `unit=` or after the number
/// (`amount=10mg/kg`). A dose, infusion, patch or pellet with `opioid=NAME` naming another drug
/// than `opioid` gives that drug as the subject's second opioid (`Scenario.coadministration`):
/// `--dose "opioid=buprenorphine,amount=8,unit=mg,route=sublingual,at=30d"`.
public struct ScenarioArguments: Sendable {
    public var species: String
    public var opioid: String
    public var weight: String?
    public var doses: [String] = []
    public var infusions: [String] = []
    public var pellets: [String] = []
    public var patches: [String] = []
    public var transplants: [String] = []
    public var injuries: [String] = []
    public var knockouts: [String] = []
    public var treatments: [String] = []
    public var doseResponses: [String] = []
    public var end: String
    public var every: String?
    public var times: String?
    public var readouts: String?

    public init(species: String, opioid: String, end: String) {
        self.species = species
        self.opioid = opioid
        self.end = end
    }

    /// The keys each item option takes.
    public static let keys: [String: [String]] = [
        "dose": ["amount", "unit", "route", "at", "every", "from", "to", "opioid"],
        "infusion": ["rate", "unit", "route", "from", "to", "opioid"],
        "pellet": ["amount", "unit", "at", "remove", "opioid"],
        "patch": ["strength", "unit", "from", "to", "every", "opioid"],
        "msc": ["route", "cells", "unit", "at"],
        "injury": ["type", "at"],
        "treatment": ["name", "dose", "level", "amount", "rate", "unit", "route", "at", "from", "to"],
        "dose-response": ["at", "doses", "unit", "route", "cumulative"],
    ]

    /// The scenario, checked (`Scenario.validate`).
    public func scenario() throws(ScenarioError) -> Scenario {
        let species = try Self.named(species, Species.self, argument: "species", what: "species")
        let opioid = try Self.named(opioid, Opioid.self, argument: "opioid", what: "opioid")
        var weightKilograms: Double?
        if let weight {
            var text = weight.trimmingCharacters(in: .whitespaces).lowercased()
            if text.hasSuffix("kg") { text = String(text.dropLast(2)).trimmingCharacters(in: .whitespaces) }
            guard let value = Double(text), value.isFinite else {
                throw ScenarioError("weight", "'\(weight)' is not a weight; give kilograms, e.g. --weight 70")
            }
            weightKilograms = value
        }
        var administrations: [Administration] = []
        var coadministration: Coadministration?
        func items(_ texts: [String], _ argument: String, _ parse: (ScenarioText.Fields) throws(ScenarioTextError) -> Administration) throws(ScenarioError) {
            for (index, text) in texts.enumerated() {
                let occurrence = texts.count > 1 ? index + 1 : nil
                let fields: ScenarioText.Fields, item: Administration
                do throws(ScenarioTextError) {
                    fields = try ScenarioText.fields(text, allowed: Self.keys[argument]!)
                    item = try parse(fields)
                } catch {
                    throw ScenarioError(argument, occurrence: occurrence, "\"\(text)\": \(error.message)")
                }
                let named: String?
                do throws(ScenarioTextError) { named = try fields.text("opioid") } catch {
                    throw ScenarioError(argument, occurrence: occurrence, "\"\(text)\": \(error.message)")
                }
                guard let named, !named.isEmpty else { administrations.append(item); continue }
                let drug: Opioid
                do { drug = try Self.named(named, Opioid.self, argument: argument, what: "opioid") } catch {
                    throw ScenarioError(argument, occurrence: occurrence, "\"\(text)\": \(error.message)")
                }
                if drug == opioid { administrations.append(item); continue }
                if let other = coadministration?.opioid, other != drug {
                    throw ScenarioError(argument, occurrence: occurrence,
                                        "\"\(text)\": a subject carries at most two opioids; \(opioid.rawValue) and \(other.rawValue) are given already")
                }
                coadministration = Coadministration(drug, (coadministration?.administrations ?? []) + [item])
            }
        }
        try items(doses, "dose", Self.dose)
        try items(infusions, "infusion", Self.infusion)
        try items(pellets, "pellet", Self.pellet)
        try items(patches, "patch", Self.patch)
        try items(transplants, "msc", Self.transplant)
        try items(injuries, "injury", Self.injury)
        try items(treatments, "treatment", Self.treatment)
        var knockouts: [Knockout] = []
        for text in self.knockouts {
            knockouts.append(try Self.named(text, Knockout.self, argument: "knockout", what: "knockout"))
        }
        var tests: [DoseResponseTest] = []
        for (index, text) in doseResponses.enumerated() {
            do throws(ScenarioTextError) {
                tests.append(try Self.doseResponse(try ScenarioText.fields(text, allowed: Self.keys["dose-response"]!)))
            } catch {
                throw ScenarioError("dose-response", occurrence: doseResponses.count > 1 ? index + 1 : nil, "\"\(text)\": \(error.message)")
            }
        }
        let endHours = try Self.hours(end, argument: "end")
        let everyHours = try every.map { (text) throws(ScenarioError) in try Self.hours(text, argument: "every") }
        var outputHours: [Double]?
        if let times {
            var list: [Double] = []
            for part in times.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                list.append(try Self.hours(String(part), argument: "times"))
            }
            outputHours = list
        }
        var readoutList: [Readout] = []
        if let readouts {
            for part in readouts.split(separator: ",") {
                readoutList.append(try Self.named(part.trimmingCharacters(in: .whitespaces), Readout.self, argument: "readouts", what: "readout"))
            }
        }
        let scenario = Scenario(species: species, opioid: opioid, weightKilograms: weightKilograms, administrations: administrations,
                                coadministration: coadministration, knockouts: knockouts, doseResponses: tests, endHours: endHours, everyHours: everyHours,
                                outputHours: outputHours, readouts: readoutList)
        try scenario.validate()
        return scenario
    }

    // MARK: - Reading names, times and amounts

    static func named<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, argument: String, what: String) throws(ScenarioError) -> T where T.RawValue == String {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = T.allCases.first(where: { $0.rawValue.lowercased() == key }) { return value }
        let names = T.allCases.map(\.rawValue)
        let hint = closestName(key, names).map { " Did you mean '\($0)'?" } ?? ""
        throw ScenarioError(argument, "unknown \(what) '\(text)'.\(hint) Known: \(names.joined(separator: ", "))")
    }

    static func hours(_ text: String, argument: String) throws(ScenarioError) -> Double {
        do {
            return try ScenarioText.hours(text)
        } catch {
            throw ScenarioError(argument, error.message)
        }
    }

    /// A quantity from `key` and `unit=` (or a unit written after the number).
    static func quantity<U: DoseUnit>(_ fields: ScenarioText.Fields, _ key: String, example: String) throws(ScenarioTextError) -> DoseQuantity<U> {
        let text = try fields.requiredText(key, example: example)
        let split = text.firstIndex { !("0123456789.eE+-".contains($0)) } ?? text.endIndex
        let number = String(text[..<split]), suffix = text[split...].trimmingCharacters(in: .whitespaces)
        guard let value = Double(number), value.isFinite else { throw ScenarioTextError("'\(key)=\(text)': expected a number") }
        let unitText = try fields.text("unit")
        if !suffix.isEmpty, unitText != nil { throw ScenarioTextError("the unit is given twice ('\(key)=\(text)' and 'unit=\(unitText!)')") }
        guard let written = unitText ?? (suffix.isEmpty ? nil : suffix) else {
            throw ScenarioTextError("'unit' is missing; one of \(U.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let unit = U(parsing: written) else {
            throw ScenarioTextError("unknown unit '\(written)'; expected one of \(U.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return DoseQuantity(value, unit)
    }

    static func route(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Route {
        let text = try fields.requiredText("route", example: "sc")
        guard let route = Route(parsing: text) else {
            throw ScenarioTextError("unknown route '\(text)'; routes: \(Route.allCases.filter { $0 != .transdermal && $0 != .pellet }.map(\.rawValue).joined(separator: ", "))")
        }
        return route
    }

    static func refuse(_ fields: ScenarioText.Fields, _ keys: [String], because reason: String) throws(ScenarioTextError) {
        if let key = keys.first(where: fields.has) { throw ScenarioTextError("'\(key)' does not go with \(reason)") }
    }

    // MARK: - Items

    static func dose(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        let amount: DoseAmount = try quantity(fields, "amount", example: "10")
        let route = try route(fields)
        if let every = try fields.hours("every") {
            try refuse(fields, ["at"], because: "'every' (a repeated dose runs over from=…,to=…)")
            return .repeated(amount, route: route, everyHours: every,
                             fromHours: try fields.requiredHours("from", example: "0d"), toHours: try fields.requiredHours("to", example: "14d"))
        }
        try refuse(fields, ["from", "to"], because: "a single dose (add every=… for a repeated one)")
        return .dose(amount, route: route, atHours: try fields.requiredHours("at", example: "0h"))
    }

    static func infusion(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        .infusion(try quantity(fields, "rate", example: "2"), route: try route(fields),
                  fromHours: try fields.requiredHours("from", example: "0h"), toHours: try fields.requiredHours("to", example: "12h"))
    }

    static func pellet(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        .pellet(try quantity(fields, "amount", example: "75"), atHours: try fields.requiredHours("at", example: "0d"),
                removeHours: try fields.hours("remove"))
    }

    static func patch(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        let strength: DoseRate = try quantity(fields, "strength", example: "25")
        let from = try fields.requiredHours("from", example: "0d"), to = try fields.requiredHours("to", example: "30d")
        if let every = try fields.hours("every") {
            return .patches(strength: strength, changeEveryHours: every, fromHours: from, toHours: to)
        }
        return .patch(strength: strength, fromHours: from, toHours: to)
    }

    static func transplant(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        let routeText = try fields.requiredText("route", example: "iv")
        guard let route = CellTransplant.Route(parsing: routeText) else {
            throw ScenarioTextError("unknown MSC route '\(routeText)'; iv (intravenous) or it (intrathecal)")
        }
        var cellsText = try fields.requiredText("cells", example: "1e6")
        var unit = CellTransplant.Unit.cells
        if cellsText.lowercased().hasSuffix("/kg") {
            cellsText = String(cellsText.dropLast(3))
            unit = .cellsPerKg
        }
        guard let cells = Double(cellsText), cells.isFinite else { throw ScenarioTextError("'cells=\(cellsText)': expected a number of cells, e.g. 1e6 or 1.5e6/kg") }
        if let unitText = try fields.text("unit") {
            guard let written = CellTransplant.Unit(rawValue: unitText.lowercased()) else {
                throw ScenarioTextError("unknown cell unit '\(unitText)'; cells or cells/kg")
            }
            if unit == .cellsPerKg, written != .cellsPerKg { throw ScenarioTextError("'cells' is per kg but 'unit' says \(unitText)") }
            unit = written
        }
        return .msc(CellTransplant(cells: cells, unit: unit, route: route, atHours: try fields.requiredHours("at", example: "-1d")))
    }

    static func injury(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        let text = try fields.requiredText("type", example: "cci")
        guard let kind = NerveInjury(parsing: text) else {
            throw ScenarioTextError("unknown injury type '\(text)'; \(NerveInjury.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        return .nerveInjury(kind, atHours: try fields.requiredHours("at", example: "0d"))
    }

    static func treatment(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> Administration {
        let name = try fields.requiredText("name", example: "il1ra")
        guard let treatment = Treatment.allCases.first(where: { $0.rawValue == name.lowercased() }) else {
            let names = Treatment.allCases.map(\.rawValue)
            let hint = closestName(name, names).map { " Did you mean '\($0)'?" } ?? ""
            throw ScenarioTextError("unknown treatment '\(name)'.\(hint) Treatments: \(names.joined(separator: ", "))")
        }
        if fields.has("amount") || fields.has("rate") {
            // A dose in mg, or an infusion in mg/h, by a route, reaching its level through the
            // model's kinetics (naloxone).
            let what = fields.has("amount") ? "amount" : "rate"
            try refuse(fields, ["dose", "level"], because: "'\(what)' (\(what == "amount" ? "a dose in mg" : "an infusion in mg/h"); 'dose' and 'level' give an effect level instead)")
            guard treatment.doseKinetics != nil else {
                throw ScenarioTextError("\(treatment.rawValue) is given as an effect level (dose=…: \(treatment.levelMeaning)), not as an \(what); only naloxone has kinetics in the model")
            }
            if what == "amount" {
                try refuse(fields, ["rate"], because: "'amount' (give amount=… for a dose or rate=… for an infusion)")
                try refuse(fields, ["from", "to"], because: "'amount' (one dose at=…; rate=…,from=…,to=… for an infusion)")
                let amount: DoseAmount = try quantity(fields, "amount", example: "0.4")
                return .treatmentDose(treatment, amount, route: try route(fields), atHours: try fields.requiredHours("at", example: "30d"))
            }
            try refuse(fields, ["at"], because: "'rate' (an infusion runs over from=…,to=…)")
            let rate: DoseRate = try quantity(fields, "rate", example: "0.4")
            return .treatmentInfusion(treatment, rate, route: try route(fields), fromHours: try fields.requiredHours("from", example: "30d"),
                                      toHours: try fields.requiredHours("to", example: "31d"))
        }
        try refuse(fields, ["unit", "route"], because: "an effect level (give amount=…,unit=…,route=… for a dose of naloxone in mg, or rate=… for an infusion)")
        if fields.has("dose"), fields.has("level") { throw ScenarioTextError("give 'dose' or 'level', not both") }
        let key = fields.has("level") ? "level" : "dose"
        guard let level = try fields.number(key) else {
            throw ScenarioTextError("'dose' is missing: the treatment's effect level (\(treatment.levelMeaning))")
        }
        if let at = try fields.hours("at") {
            try refuse(fields, ["from", "to"], because: "'at' (a bolus; use from=…,to=… for a treatment held over time)")
            return .treatmentBolus(treatment, level: level, atHours: at)
        }
        return .treatment(treatment, level: level, fromHours: try fields.requiredHours("from", example: "0d"),
                          toHours: try fields.requiredHours("to", example: "7d"))
    }

    static func doseResponse(_ fields: ScenarioText.Fields) throws(ScenarioTextError) -> DoseResponseTest {
        guard let doses = try fields.numbers("doses") else { throw ScenarioTextError("'doses' is missing (e.g. doses=1,2,4,8,16)") }
        let unitText = try fields.requiredText("unit", example: "mg/kg")
        guard let unit = AmountUnit(parsing: unitText) else {
            throw ScenarioTextError("unknown unit '\(unitText)'; expected one of \(AmountUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return DoseResponseTest(atHours: try fields.requiredHours("at", example: "3d"), doses: doses, unit: unit, route: try route(fields),
                                cumulativeIntervalHours: try fields.hours("cumulative"))
    }
}
