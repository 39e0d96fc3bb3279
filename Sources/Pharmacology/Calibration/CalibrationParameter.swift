import Foundation
import NameSuggestions

/// A free parameter of the calibration: a `param` of one or more library model files (the mouse
/// shares the rat's mechanism values, so one free parameter can set both), searched within
/// `[lower, upper]` on a log scale (rates, gains and potencies are positive and span decades),
/// optionally pulled towards the centre of a log-normal prior (`CalibrationPrior`).
public struct CalibrationParameter: Sendable, Hashable, Codable {
    public var name: String
    /// How reports and `--parameters`/`--profile` name it: the name, with the species in brackets
    /// where a calibration of the whole suite frees the same name in another species' file
    /// (`EC50 (mouse)`).
    public var label: String
    /// The model files it sets (`morphine_rat.wean`, …).
    public var files: [String]
    public var lower: Double
    public var upper: Double
    /// The prior's centre (the parameter's unit), if the calibration should pull it there.
    public var prior: Double?
    /// What sets the centre (`CalibrationPrior.source`).
    public var priorSource: String?

    public init(_ name: String, files: [String], lower: Double, upper: Double, prior: Double? = nil, priorSource: String? = nil,
                label: String? = nil) {
        self.name = name
        self.label = label ?? name
        self.files = files
        self.lower = lower
        self.upper = upper
        self.prior = prior
        self.priorSource = priorSource
    }

    /// The value in the first file's model as compiled (the shipped value).
    public func shippedValue() throws(CalibrationError) -> Double {
        guard let file = files.first, let model = PKLibrary.models.first(where: { $0.file == file }),
              let parameter = model.checkedModel.parameters.first(where: { $0.name == name }) else {
            throw CalibrationError("no parameter '\(name)' in \(files.joined(separator: ", "))")
        }
        return parameter.defaultValue
    }

    /// Position of `value` in the bounds as a fraction of the log span (0 at `lower`, 1 at `upper`).
    func fraction(of value: Double) -> Double { log(value / lower) / log(upper / lower) }

    /// The value at a fraction of the log span.
    func value(atFraction f: Double) -> Double { lower * exp(f * log(upper / lower)) }

    /// The optimiser's unconstrained variable u for a value: the log-span fraction is the
    /// logistic function of u, so every u maps inside the bounds.
    func searchVariable(of value: Double) -> Double {
        let f = min(max(fraction(of: value), 1e-9), 1 - 1e-9)
        return log(f / (1 - f))
    }

    /// The value at search variable u (the inverse of `searchVariable(of:)`).
    func value(atSearchVariable u: Double) -> Double { value(atFraction: 1 / (1 + exp(-u))) }

    /// Parameter `name` of `species`' morphine model as a free parameter: its entry in
    /// `defaults(for:)` (which shares rat values with the mouse and the human), otherwise that
    /// file alone (every human opioid's file for a human mechanism parameter), a decade either side
    /// of the shipped value, without a prior.
    public static func named(_ name: String, for species: Species) throws(CalibrationError) -> CalibrationParameter {
        if let known = try defaults(for: species).first(where: { $0.name == name }) { return known }
        let model: OpioidModel
        do {
            model = try PKLibrary.model(.morphine, species)
        } catch {
            throw CalibrationError("\(error)")
        }
        guard name != "WT", let parameter = model.checkedModel.parameters.first(where: { $0.name == name }), parameter.defaultValue > 0 else {
            let hint = closestName(name, model.checkedModel.parameters.map(\.name).filter { $0 != "WT" }).map { " Did you mean '\($0)'?" } ?? ""
            throw CalibrationError("'\(name)' is not a positive parameter of \(model.file).\(hint)")
        }
        // A human mechanism parameter is every human opioid's.
        let files = species == .human && model.mechanismParameterNames.contains(name) ? humanMechanismFiles : [model.file]
        return CalibrationParameter(name, files: files, lower: parameter.defaultValue / 10, upper: parameter.defaultValue * 10)
    }

    /// Mechanism parameters the human model sets from human observations (Chu 2006, Cepeda 2010,
    /// acute tolerance studies); its other mechanism values are the rat's per kg.
    public static let humanSpecific: Set<String> = ["EC50", "HALF_TOL_FAST", "GAIN_TOL_SLOW", "K_GLIA_ON", "HALF_SENSITISATION", "HALF_MODERATOR"]

    /// Mechanism parameters the mouse model sets from mouse observations: its potency (the naive
    /// ED50) and its receptor-level tolerance gains (the ED50 shift of a 75 mg pellet, Br J
    /// Pharmacol 2007); its other mechanism values are the rat's.
    public static let mouseSpecific: Set<String> = ["EC50", "GAIN_TOL_FAST", "GAIN_TOL_SLOW"]

    /// The human model files that carry the mechanism, morphine's first: every human opioid shares
    /// one mechanism parameter set (a test checks), so a human value is written into all of them.
    public static let humanMechanismFiles: [String] =
        ["morphine_human.wean"] + PKLibrary.models.filter { $0.species == .human && $0.isMechanistic && $0.opioid != .morphine }.map(\.file)

    /// The free parameters of a species' mechanism, each a decade either side of its prior's
    /// centre (`CalibrationPrior`). Rat mechanism values are the mouse's too where no mouse
    /// observation sets them (`mouseSpecific`: docs/model.md, the mouse takes the rat's mechanism
    /// with its own potency and receptor tolerance) and the human's where no human observation
    /// sets them (`humanSpecific`); the mouse and human sets are their specific parameters.
    public static func defaults(for species: Species) throws(CalibrationError) -> [CalibrationParameter] {
        let names: [String]
        let files: [String]
        switch species {
        case .rat:
            files = ["morphine_rat.wean", "morphine_mouse.wean"]
            names = ["HALF_TOL_FAST", "GAIN_TOL_FAST", "GAIN_TOL_SLOW", "GAIN_TOL_CYTOKINE", "K_GLIA_ON", "W_CYTOKINE",
                     "HALF_GLIA_OFF", "K_ASTRO_ON", "HALF_ASTRO_OFF", "W_ASTRO", "K_RESOLVE", "HALF_SENSITISATION", "GAIN_OIH",
                     "GAIN_REBOUND", "N50_MSC_LUNG", "N50_MSC_IT", "K_RESOLUTION_ON", "HALF_RESOLUTION", "W_NERVE_INJURY",
                     "HALF_NERVE_INJURY", "HALF_EXPOSURE", "EXPOSURE50", "HALF_WITHDRAWAL_ESCALATION", "GAIN_WITHDRAWAL_ESCALATION"]
        case .mouse:
            files = ["morphine_mouse.wean"]
            names = ["EC50", "GAIN_TOL_FAST", "GAIN_TOL_SLOW"]
        case .human:
            files = humanMechanismFiles
            // HALF_TOL_FAST (Vinik & Kissin 1998) and HALF_SENSITISATION (Wang 2011) are set by
            // human sources, not free.
            names = ["GAIN_TOL_SLOW", "K_GLIA_ON", "HALF_MODERATOR"]
        }
        var list: [(name: String, files: [String])] = species == .rat ? [("EC50", ["morphine_rat.wean"])] : []
        // The mouse and the human take the rat's value where no observation of theirs sets it.
        list += names.map { name in
            guard species == .rat else { return (name, files) }
            return (name, ["morphine_rat.wean"] + (mouseSpecific.contains(name) ? [] : ["morphine_mouse.wean"])
                        + (humanSpecific.contains(name) ? [] : humanMechanismFiles))
        }
        return try list.map { (name, files) throws(CalibrationError) in
            guard let prior = CalibrationPrior.of(name, species) else { throw CalibrationError("internal: no prior for \(name) (\(species))") }
            return CalibrationParameter(name, files: files, lower: prior.centre / 10, upper: prior.centre * 10, prior: prior.centre, priorSource: prior.source,
                                        label: species == .rat ? name : "\(name) (\(species.rawValue))")
        }
    }

    /// The parameter a calibration of the whole suite calls `label`: a default free parameter by
    /// its label (`EC50`, `EC50 (mouse)`), otherwise `NAME (species)` or a bare `NAME` (the rat's)
    /// as `named(_:for:)` makes it.
    public static func inSuite(_ label: String) throws(CalibrationError) -> CalibrationParameter {
        let suite = try suite()
        if let known = suite.first(where: { $0.label == label }) { return known }
        var name = label
        var species = Species.rat
        if let open = label.firstIndex(of: "("), label.hasSuffix(")") {
            let word = label[label.index(after: open)..<label.index(before: label.endIndex)].trimmingCharacters(in: .whitespaces)
            guard let named = Species(rawValue: word.lowercased()) else {
                let hint = closestName(label, suite.map(\.label)).map { " Did you mean '\($0)'?" } ?? ""
                throw CalibrationError("'\(label)': '\(word)' is not a species (rat, mouse, human).\(hint)")
            }
            species = named
            name = label[..<open].trimmingCharacters(in: .whitespaces)
        }
        guard !name.isEmpty else { throw CalibrationError("'\(label)': a parameter name is needed, as in 'EC50 (mouse)'") }
        var parameter = try named(name, for: species)
        parameter.label = species == .rat ? name : "\(name) (\(species.rawValue))"
        return parameter
    }

    /// Every species' free parameters at once (rat, then mouse, then human): the calibration of
    /// the whole suite, whose output the shipped model files are.
    public static func suite() throws(CalibrationError) -> [CalibrationParameter] {
        try defaults(for: .rat) + defaults(for: .mouse) + defaults(for: .human)
    }
}

/// A calibration that cannot run, with what to change.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
