/// A second opioid a subject carries at the same time as the design's own — buprenorphine given
/// to a patient on methadone, morphine for pain on methadone maintenance, a rotation from one drug
/// to another — with its own administrations (doses, infusions, patches; cells, treatments and
/// injuries belong with the design's own). The design then runs on the two drugs' combined model
/// (`OpioidModel.combined(with:)`: one mechanism, both drugs at the receptors).
public struct Coadministration: Sendable, Hashable, Codable {
    public var opioid: Opioid
    public var administrations: [Administration]

    public init(_ opioid: Opioid, _ administrations: [Administration]) {
        self.opioid = opioid
        self.administrations = administrations
    }

    /// Whether `item` can be given as the second opioid: the drug's own administrations only.
    public static func isOpioidAdministration(_ item: Administration) -> Bool {
        switch item {
        case .dose, .repeated, .infusion, .patch, .patches, .pellet: true
        case .treatment, .treatmentBolus, .treatmentDose, .treatmentInfusion, .msc, .nerveInjury: false
        }
    }
}
