/// Any experimental or clinical design on the pharmacology model: a species and opioid, what is
/// given and when (doses, infusions, pellets, patches, MSC transplants, nerve injuries,
/// treatments), knockouts, dose-response tests, and what to read when — the pharmacologist's bench
/// (`wean scenario`), and the Swift API the taper optimiser, trials and web pages build on.
///
/// Clock: hours, zero at the start of the first opioid regimen; negative times (cells a day
/// before morphine) come before it. Intervals are half-open, `[from, to)`. At one instant doses
/// come first, then treatments, then readouts (an output at a dose time sees the dose, as in
/// NONMEM). Amounts keep their units, absolute or per kg (`DoseAmount`, `DoseRate`,
/// `CellTransplant.Unit`); a per-kg amount for a human needs `weightKilograms`.
///
/// Codable: `wean scenario --format json` echoes the scenario in this form (times in hours, amounts
/// with units) and `wean scenario --from FILE` runs it again.
public struct Scenario: Sendable, Hashable, Codable {
    public var species: Species
    public var opioid: Opioid
    /// Body weight, kg; `nil`: the species' default (`Species.defaultWeightKilograms`), which is
    /// refused for per-kg amounts in humans.
    public var weightKilograms: Double?
    /// What is given, in the order written: opioid administrations first, then the rest.
    public var administrations: [Administration]
    /// A second opioid given at the same time (buprenorphine to a patient on methadone, morphine
    /// for pain on methadone maintenance, a rotation), with its own doses, infusions and patches;
    /// the run then uses the two drugs' combined model (`OpioidModel.combined(with:)`).
    public var coadministration: Coadministration?
    public var knockouts: [Knockout]
    /// Dose-response tests on copies of the subject's state, in the order given.
    public var doseResponses: [DoseResponseTest]
    /// The last output time, h.
    public var endHours: Double
    /// Output every so many hours from the earliest event to `endHours` (the default when neither
    /// this nor `outputHours` is given: 1 h).
    public var everyHours: Double?
    /// Explicit output times, h (instead of `everyHours`).
    public var outputHours: [Double]?
    /// What to read; empty: `defaultReadouts(for:)`.
    public var readouts: [Readout]

    public init(species: Species, opioid: Opioid, weightKilograms: Double? = nil, administrations: [Administration] = [],
                coadministration: Coadministration? = nil,
                knockouts: [Knockout] = [], doseResponses: [DoseResponseTest] = [], endHours: Double,
                everyHours: Double? = nil, outputHours: [Double]? = nil, readouts: [Readout] = []) {
        self.species = species
        self.opioid = opioid
        self.weightKilograms = weightKilograms
        self.administrations = administrations
        self.coadministration = coadministration
        self.knockouts = knockouts
        self.doseResponses = doseResponses
        self.endHours = endHours
        self.everyHours = everyHours
        self.outputHours = outputHours
        self.readouts = readouts
    }

    /// The most output times one run may have (a 1-minute grid over almost two years).
    public static let maximumOutputTimes = 1_000_000

    /// The output interval when none is given, h.
    public static let defaultEveryHours = 1.0

    /// The library model of the scenario's opioid and species.
    public func model() throws(ScenarioError) -> OpioidModel {
        do {
            return try PKLibrary.model(opioid, species)
        } catch {
            throw ScenarioError("opioid", "\(error)")
        }
    }

    /// The dosing design the scenario runs.
    public var design: DosingDesign {
        DosingDesign(administrations, weightKilograms: weightKilograms, knockouts: Set(knockouts), coadministration: coadministration)
    }

    /// The body weight used, kg.
    public var weightUsed: Double { weightKilograms ?? species.defaultWeightKilograms }

    /// The earliest event: the first administration's start, or 0 when nothing is given.
    public var startHours: Double { design.everyAdministration.map(\.startHours).min() ?? 0 }

    /// The readouts shown when none are asked for: the species' nociception or pain readouts and,
    /// on a mechanistic model, tolerance, OIH, glia and cytokines (rodents) or COWS (humans); the
    /// second opioid's plasma concentration when there is one; daily MME where every
    /// administration has a factor; MSC cells when cells are given.
    public func defaultReadouts(for model: OpioidModel) -> [Readout] {
        var list: [Readout]
        switch (species, model.isMechanistic) {
        case (.human, true): list = [.plasmaConcentration, .pain, .tolerance, .oih, .cows]
        case (.human, false): list = [.plasmaConcentration, .effectSiteConcentration, .pain]
        case (_, true): list = [.mpe, .vonFrey, .tolerance, .oih, .glia, .cytokines]
        case (_, false): list = [.plasmaConcentration, .mpe]
        }
        if coadministration != nil, let index = list.firstIndex(of: .plasmaConcentration) { list.insert(.secondPlasmaConcentration, at: index + 1) }
        if species == .human, !design.everyAdministration.isEmpty, MorphineEquivalence.convertible(design, opioid: opioid) { list.append(.dailyMME) }
        if administrations.contains(where: { if case .msc = $0 { true } else { false } }) { list.append(.mscCells) }
        return list
    }
}
