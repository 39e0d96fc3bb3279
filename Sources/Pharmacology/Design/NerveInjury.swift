/// A peripheral nerve injury of the kind used to model neuropathic pain in rodents: chronic
/// constriction of the sciatic nerve (CCI; Bennett GJ, Xie YK, Pain 1988;33:87) or spared nerve
/// injury (SNI; Decosterd I, Woolf CJ, Pain 2000;87:149).
///
/// An injury at time t sets the model's `nerve_injury` drive to 1, which then fades with the
/// half-life `HALF_NERVE_INJURY`; the drive activates spinal microglia like opioid exposure does,
/// so the same glia → cytokine → BDNF/KCC2 sensitisation path produces mechanical allodynia (von
/// Frey) in rodents and neuropathic pain in humans (science.md §2: the neuroinflammation of nerve
/// pain is the one behind tolerance and OIH). CCI and SNI enter with the same size and time course
/// [unverified: the model does not yet separate them; SNI allodynia is reported to last longer].
public enum NerveInjury: String, Sendable, Hashable, Codable, CaseIterable {
    /// Chronic constriction injury of the sciatic nerve.
    case cci
    /// Spared nerve injury.
    case sni

    /// The model state an injury feeds.
    public static let state = "nerve_injury"
    /// The size of the drive an injury adds (dimensionless; 1 = one full injury).
    public static let size = 1.0

    /// Accepts `cci`, `sni` in any case.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }
}
