import ModelLanguage

/// The opioid PK models shipped with Wean (`Sources/Pharmacology/Models/*.wean`, compiled to
/// native code at build time). Parameter values and their sources are in each file; the
/// `docs/model.md` section of each drug restates them.
public enum PKLibrary {
    private static let central = [OpioidModel.RouteInput("central")]

    /// A pellet's releasable content, RELEASABLE_MAX · a / (RELEASABLE_HALF_SIZE + a) of a pellet
    /// of a mg, is released first-order; the rest stays in it. One pellet per administration.
    private static let pelletRelease = OpioidModel.RouteInput.SaturatingFraction(
        capacity: "RELEASABLE_MAX", halfSize: "RELEASABLE_HALF_SIZE")
    private static let pelletInputs = [
        OpioidModel.RouteInput("pellet", share: .init(saturating: pelletRelease)),
        OpioidModel.RouteInput("pellet_residue", share: .init(saturating: pelletRelease.complemented)),
    ]

    /// A patch puts its content, PATCH_LOAD × nominal rate, into `patch` when it goes on, which
    /// releases it first-order into the skin; what it holds when it comes off goes to
    /// `patch_residue` (`DosingDesign` places both events).
    private static let patchInputs = [OpioidModel.RouteInput("patch", share: .init(parameters: ["PATCH_LOAD"]))]

    /// Every model, humans first.
    public static let models: [OpioidModel] = [
        OpioidModel(.morphine, .human, file: "morphine_human.wean", source: MorphineHumanModel.source,
                    routes: [.iv: central, .sc: [.init("depot_sc")], .im: [.init("depot_im")], .oral: [.init("gut")]],
                    amountStates: ["depot_sc", "depot_im", "gut", "central", "presystemic", "eliminated"],
                    make: { MorphineHumanModel() }),
        OpioidModel(.oxycodone, .human, file: "oxycodone_human.wean", source: OxycodoneHumanModel.source,
                    routes: [.iv: central, .oral: [.init("gut")],
                             // Biexponential ER absorption: 38% fast, 62% slow (US label).
                             .oralER: [.init("gut_er_fast", share: .fixed(0.38)), .init("gut_er_slow", share: .fixed(0.62))]],
                    amountStates: ["gut", "gut_er_fast", "gut_er_slow", "central", "presystemic", "eliminated"],
                    make: { OxycodoneHumanModel() }),
        OpioidModel(.hydromorphone, .human, file: "hydromorphone_human.wean", source: HydromorphoneHumanModel.source,
                    routes: [.iv: central, .oral: [.init("gut")], .intranasal: [.init("nasal")]],
                    amountStates: ["gut", "nasal", "central", "presystemic", "eliminated"],
                    make: { HydromorphoneHumanModel() }),
        OpioidModel(.hydrocodone, .human, file: "hydrocodone_human.wean", source: HydrocodoneHumanModel.source,
                    routes: [.oral: [.init("gut")]],
                    amountStates: ["gut", "central", "presystemic", "eliminated"],
                    make: { HydrocodoneHumanModel() }),
        OpioidModel(.methadone, .human, file: "methadone_human.wean", source: MethadoneHumanModel.source,
                    routes: [.iv: central, .oral: [.init("gut")]],
                    amountStates: ["gut", "central", "presystemic", "eliminated"],
                    make: { MethadoneHumanModel() }),
        OpioidModel(.tramadol, .human, file: "tramadol_human.wean", source: TramadolHumanModel.source,
                    routes: [.iv: central, .oral: [.init("gut")]],
                    // `metabolised` counts tramadol turned into M1, so the balance is in tramadol mg.
                    amountStates: ["gut", "central", "presystemic", "eliminated", "metabolised"],
                    make: { TramadolHumanModel() }),
        OpioidModel(.tapentadol, .human, file: "tapentadol_human.wean", source: TapentadolHumanModel.source,
                    routes: [.iv: central, .oral: [.init("gut")]],
                    amountStates: ["gut", "central", "presystemic", "eliminated"],
                    make: { TapentadolHumanModel() }),
        OpioidModel(.buprenorphine, .human, file: "buprenorphine_human.wean", source: BuprenorphineHumanModel.source,
                    routes: [.iv: central,
                             // A fast path and a slow mucosal depot (Kuhlman 1996).
                             .sublingual: [.init("mucosa", share: .init(complements: ["PHI_SL_DEPOT"])),
                                           .init("mucosa_depot", share: .init(parameters: ["PHI_SL_DEPOT"]))],
                             .transdermal: patchInputs],
                    amountStates: ["mucosa", "mucosa_depot", "patch", "patch_residue", "skin_fast", "skin_slow", "central", "presystemic", "eliminated"],
                    make: { BuprenorphineHumanModel() }),
        OpioidModel(.fentanyl, .human, file: "fentanyl_human.wean", source: FentanylHumanModel.source,
                    routes: [.iv: central,
                             .transdermal: patchInputs],
                    amountStates: ["patch", "patch_residue", "skin_fast", "skin_slow", "central", "eliminated"],
                    make: { FentanylHumanModel() }),
        OpioidModel(.remifentanil, .human, file: "remifentanil_human.wean", source: RemifentanilHumanModel.source,
                    routes: [.iv: central],
                    amountStates: ["central", "peripheral_fast", "peripheral_slow", "eliminated"],
                    make: { RemifentanilHumanModel() }),
        OpioidModel(.morphine, .rat, file: "morphine_rat.wean", source: MorphineRatModel.source,
                    routes: [.iv: central, .sc: [.init("depot_sc")], .ip: [.init("depot_ip")], .oral: [.init("gut")], .pellet: pelletInputs],
                    amountStates: ["depot_sc", "depot_ip", "gut", "pellet", "pellet_residue", "removed", "central", "presystemic", "eliminated"],
                    make: { MorphineRatModel() }),
        OpioidModel(.morphine, .mouse, file: "morphine_mouse.wean", source: MorphineMouseModel.source,
                    routes: [.iv: central, .sc: [.init("depot_sc")], .ip: [.init("depot_ip")], .pellet: pelletInputs],
                    amountStates: ["depot_sc", "depot_ip", "pellet", "pellet_residue", "removed", "central", "presystemic", "eliminated"],
                    make: { MorphineMouseModel() }),
    ]

    /// The model of `opioid` in `species`.
    public static func model(_ opioid: Opioid, _ species: Species) throws(PharmacologyError) -> OpioidModel {
        if let found = models.first(where: { $0.opioid == opioid && $0.species == species }) { return found }
        throw .noModel(opioid, species, available: models.filter { $0.opioid == opioid }.map(\.species))
    }
}
