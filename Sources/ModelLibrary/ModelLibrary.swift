import ModelLanguage

/// The models shipped inside the package, compiled to native Swift at build time by the
/// `WeanModelCompiler` plugin from the `.wean` files beside this one (copies of the files of the
/// same names in `examples/`; a test keeps them identical).
public enum ModelLibrary {
    /// Each library model's file name and a factory for its native runtime.
    public static let models: [(file: String, make: @Sendable () -> any ModelRuntime)] = [
        ("two_compartment_oral.wean", { TwoCompartmentOralModel() }),
        ("transit_pkpd.wean", { TransitPkpdModel() }),
        ("rober.wean", { RoberModel() }),
        ("vdpol.wean", { VdpolModel() }),
        ("orego.wean", { OregoModel() }),
        ("pk1cmt.wean", { Pk1cmtModel() }),
        ("pk2cmt.wean", { Pk2cmtModel() }),
        ("pk3cmt.wean", { Pk3cmtModel() }),
    ]

    /// The native runtime of the library model in `file`, if there is one.
    public static func native(_ file: String) -> (any ModelRuntime)? {
        models.first { $0.file == file }?.make()
    }
}
