import Foundation

/// The species Wean's pharmacology is parameterised for: one parameter set each (DESIGN.md §5).
///
/// Physiology used by the readouts — default body weight and the baselines and cut-offs of the
/// nociceptive tests — lives here, in one place, so experiments never change it.
public enum Species: String, Sendable, CaseIterable, Codable {
    case human, rat, mouse

    /// Body weight used when a design gives none, kg: a 70-kg adult (the reference weight of the
    /// human PK sources), a 250-g Sprague-Dawley rat and a 25-g C57BL/6 mouse [unverified: typical
    /// adult laboratory weights].
    public var defaultWeightKilograms: Double {
        switch self {
        case .human: 70
        case .rat: 0.25
        case .mouse: 0.025
        }
    }

    /// Body weights the species' models are meant for, kg; a scenario outside them is refused.
    ///
    /// Humans 30–300 kg: the PK sources studied adults, and clearance scaled by (WT/70)^0.75 alone
    /// leaves out the maturation of clearance over the first years of life, so small children are
    /// outside the model [unverified: bounds chosen, not read]. Rats 0.05–1.2 kg and mice
    /// 0.01–0.08 kg: from weanlings to heavy adult males and obese strains [unverified: typical
    /// laboratory weights]. The bounds catch unit errors (grams for kilograms) as well.
    public var modelledWeightKilograms: ClosedRange<Double> {
        switch self {
        case .human: 30...300
        case .rat: 0.05...1.2
        case .mouse: 0.01...0.08
        }
    }

    /// `modelledWeightKilograms` as text, e.g. "30-300 kg".
    public var modelledWeightText: String {
        let range = modelledWeightKilograms
        return String(format: "%g-%g kg", range.lowerBound, range.upperBound)
    }

    /// Tail-flick (tail-withdrawal) latency of a drug-free animal, s: rat radiant heat 2–4 s
    /// [unverified: D'Amour–Smith, recalled in pk-more.md §2.4]; mouse 50 °C water ≈ 2.5–3.5 s
    /// (Life Sci 2017;185:1, Fig 2). `nil` for humans.
    public var tailFlickBaselineSeconds: Double? {
        switch self {
        case .human: nil
        case .rat: 3
        case .mouse: 3
        }
    }

    /// Tail-flick cut-off, s: 10 s in both rodents (Life Sci 2017;185:1; rat [unverified]).
    /// Latency is never recorded above it (tissue protection), which bounds %MPE at 100.
    public var tailFlickCutoffSeconds: Double? {
        switch self {
        case .human: nil
        case .rat, .mouse: 10
        }
    }

    /// 50% paw-withdrawal threshold of a naive animal (von Frey, up-down method), g: rat ≈ 15 g
    /// (Chaplan SR et al., J Neurosci Methods 1994;53:55 [unverified: recalled]); mouse ≈ 1 g
    /// (C57BL/6 [unverified: recalled]). `nil` for humans.
    public var vonFreyBaselineGrams: Double? {
        switch self {
        case .human: nil
        case .rat: 15
        case .mouse: 1
        }
    }

    /// The stiffest filament of the usual set, g (rat 26 g, the top of the 0.4–26 g set of the
    /// Chaplan method; mouse 2 g [unverified]): the threshold cannot be measured above it.
    public var vonFreyCutoffGrams: Double? {
        switch self {
        case .human: nil
        case .rat: 26
        case .mouse: 2
        }
    }

    /// The cold pressor test's cut-off as a multiple of a drug-free subject's tolerance time: the
    /// hand is taken out at the cut-off whatever the pain, so tolerance is never read above it —
    /// 10, a 300-s cut-off over a drug-free tolerance of about 30 s [unverified: typical
    /// protocols, 180–300-s cut-offs; baselines vary widely]. `nil` for rodents.
    public var coldPressorCutoffFold: Double? {
        switch self {
        case .human: 10
        case .rat, .mouse: nil
        }
    }

    /// Pain intensity of an untreated chronic-pain patient on the 0–10 numeric rating scale
    /// [unverified: a typical baseline of chronic-pain trials]. `nil` for rodents.
    public var painBaselineNRS: Double? {
        switch self {
        case .human: 6
        case .rat, .mouse: nil
        }
    }
}
