/// One line of a dosing design, in the units a pharmacologist writes: a dose, a repeated dose,
/// an infusion, a patch or a pellet, on a clock in hours.
///
/// Intervals are half-open: a repeated dose falls at `from`, `from + every`, … while `< to`; an
/// infusion or patch runs over `[from, to)`.
public enum Administration: Sendable, Hashable {
    /// One dose by `route` at `atHours`.
    case dose(DoseAmount, route: Route, atHours: Double)
    /// The same dose every `everyHours` from `fromHours` while before `toHours`.
    case repeated(DoseAmount, route: Route, everyHours: Double, fromHours: Double, toHours: Double)
    /// A zero-order infusion over `[fromHours, toHours)`.
    case infusion(DoseRate, route: Route, fromHours: Double, toHours: Double)
    /// A transdermal patch of nominal `strength` worn over `[fromHours, toHours)`: it holds the
    /// model's `PATCH_LOAD` hours of that rate and releases it first-order while worn; the skin
    /// depot it leaves keeps releasing drug after removal. Patches may not overlap.
    case patch(strength: DoseRate, fromHours: Double, toHours: Double)
    /// Patches of `strength` changed every `changeEveryHours` (e.g. 72 h for fentanyl), the first
    /// applied at `fromHours`, the last removed at `toHours`.
    case patches(strength: DoseRate, changeEveryHours: Double, fromHours: Double, toHours: Double)
    /// A slow-release pellet holding `amount`, implanted at `atHours` and, if `removeHours` is
    /// given, removed then with what it still holds.
    case pellet(DoseAmount, atHours: Double, removeHours: Double?)

    /// A treatment held at `level` over `[fromHours, toHours)` (rising toward it, decaying after).
    case treatment(Treatment, level: Double, fromHours: Double, toHours: Double)
    /// A treatment given at once: its state jumps by `level` at `atHours` and decays (a naloxone
    /// challenge).
    case treatmentBolus(Treatment, level: Double, atHours: Double)
    /// A treatment given as a dose of drug by `route` at `atHours`, reaching its level through the
    /// model's kinetics for it (`Treatment.doseKinetics`; naloxone).
    case treatmentDose(Treatment, DoseAmount, route: Route, atHours: Double)
    /// A treatment infused at `rate` by `route` over `[fromHours, toHours)`, reaching its level
    /// through the model's kinetics for it (naloxone: an IV infusion, or a s.c. pump in rodents).
    case treatmentInfusion(Treatment, DoseRate, route: Route, fromHours: Double, toHours: Double)
    /// A mesenchymal stem cell transplant.
    case msc(CellTransplant)
    /// A peripheral nerve injury (CCI or SNI) at `atHours`.
    case nerveInjury(NerveInjury, atHours: Double)

    /// The most doses one repeated administration (or patch schedule) may expand to: beyond it an
    /// interval is a typing error (a 1-minute interval over ten weeks is 100 800 doses).
    public static let maximumRepeats = 100_000

    /// How many doses `from, from + every, …` fall before `to`, or `nil` if the inputs are not
    /// finite, the interval is not positive, or the count exceeds `maximumRepeats`.
    public static func doseCount(everyHours: Double, fromHours: Double, toHours: Double) -> Int? {
        guard everyHours > 0, everyHours.isFinite, fromHours.isFinite, toHours.isFinite else { return nil }
        guard toHours > fromHours else { return 0 }
        let estimate = ((toHours - fromHours) / everyHours).rounded(.up)
        guard estimate <= Double(maximumRepeats) + 1 else { return nil }
        var count = max(0, Int(estimate) - 1)
        while fromHours + Double(count) * everyHours < toHours { count += 1 }
        while count > 0, !(fromHours + Double(count - 1) * everyHours < toHours) { count -= 1 }
        return count <= maximumRepeats ? count : nil
    }

    /// The times of the individual doses of a repeated dose: `from, from + every, …` while `< to`;
    /// empty when `doseCount` is `nil` (a design with such an administration is refused when run).
    public static func doseTimes(everyHours: Double, fromHours: Double, toHours: Double) -> [Double] {
        guard let count = doseCount(everyHours: everyHours, fromHours: fromHours, toHours: toHours) else { return [] }
        return (0..<count).map { fromHours + Double($0) * everyHours }
    }

    /// The earliest time this administration acts.
    public var startHours: Double {
        switch self {
        case let .dose(_, _, at): at
        case let .repeated(_, _, _, from, _): from
        case let .infusion(_, _, from, _): from
        case let .patch(_, from, _): from
        case let .patches(_, _, from, _): from
        case let .pellet(_, at, _): at
        case let .treatment(_, _, from, _): from
        case let .treatmentBolus(_, _, at): at
        case let .treatmentDose(_, _, _, at): at
        case let .treatmentInfusion(_, _, _, from, _): from
        case let .msc(transplant): transplant.atHours
        case let .nerveInjury(_, at): at
        }
    }
}
