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
    /// A transdermal patch of nominal `strength` worn over `[fromHours, toHours)`; the skin depot
    /// it leaves keeps releasing drug after removal.
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

    /// The times of the individual doses of a repeated dose: `from, from + every, …` while `< to`.
    public static func doseTimes(everyHours: Double, fromHours: Double, toHours: Double) -> [Double] {
        guard everyHours > 0, everyHours.isFinite, fromHours.isFinite, toHours.isFinite else { return [] }
        var times: [Double] = []
        var k = 0
        while true {
            let t = fromHours + Double(k) * everyHours
            guard t < toHours else { break }
            times.append(t)
            k += 1
        }
        return times
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
        }
    }
}
