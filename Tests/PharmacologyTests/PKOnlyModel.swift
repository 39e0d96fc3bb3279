import ModelLanguage
@testable import Pharmacology

/// A one-compartment model without the mechanism, built from text: every library model carries
/// the mechanism, so the PK-only paths (treatments, knockouts, cells and injuries refused) are
/// tested on this one.
enum PKOnlyModel {
    static let source = """
        param WT = 70 [kg]
        param CL = 10 [L/h]
        param V = 50 [L]
        d/dt(central) = -CL / V * central
        Cp = central / V
        Ce = Cp
        analgesia = Cp / (1 + Cp)

        """

    static func make() throws -> OpioidModel {
        let compiled = try ModelCompiler.compile(source: source, file: "pk_only.wean")
        return OpioidModel(.oxycodone, .human, file: "pk_only.wean", source: source, routes: [.iv: [.init("central")]],
                           amountStates: ["central"], make: { compiled.makeInstance() })
    }
}
