/// Parses the command line's dose form, `time=0,amt=100,cmt=depot[,rate=R][,dur=D][,ii=24,addl=6]`
/// (DESIGN.md §3), into a ``DoseRecord``. `rate=-1` and `rate=-2` ask for the model's `rate()` or
/// `dur()`; `dur=D` is a shorthand for an infusion of rate `amt/D`.
public enum DoseSpecification {
    /// Why a dose text is unusable; the message names the key and what was expected.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func parse(_ text: String) throws(ParseError) -> DoseRecord {
        var values: [String: String] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: " ") }
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                throw ParseError(message: "dose '\(text)': expected key=value pairs separated by commas, found '\(part)'")
            }
            let key = pair[0].lowercased()
            guard ["time", "amt", "cmt", "rate", "dur", "ii", "addl", "ss"].contains(key) else {
                throw ParseError(message: "dose '\(text)': unknown key '\(pair[0])'; expected time, amt, cmt, rate, dur, ii or addl")
            }
            guard values[key] == nil else { throw ParseError(message: "dose '\(text)': '\(key)' is given twice") }
            values[key] = pair[1]
        }
        func number(_ key: String) throws(ParseError) -> Double? {
            guard let raw = values[key] else { return nil }
            guard let value = Double(raw), value.isFinite else {
                throw ParseError(message: "dose '\(text)': \(key) must be a number, found '\(raw)'")
            }
            return value
        }
        let steadyStateValue = try number("ss") ?? 0
        guard steadyStateValue == 0 || steadyStateValue == 1 || steadyStateValue == 2 else {
            throw ParseError(message: "dose '\(text)': ss must be 0, 1 (replace with steady state) or 2 (add steady state), found \(values["ss"] ?? "")")
        }
        guard let amount = try number("amt") else { throw ParseError(message: "dose '\(text)': amt is required, as in amt=100") }
        guard amount >= 0 else { throw ParseError(message: "dose '\(text)': amt must be ≥ 0, found \(amount)") }
        let time = try number("time") ?? 0
        let interval = try number("ii") ?? 0
        guard interval >= 0 else { throw ParseError(message: "dose '\(text)': ii must be ≥ 0, found \(interval)") }
        let additionalValue = try number("addl") ?? 0
        guard additionalValue >= 0, additionalValue == additionalValue.rounded(), additionalValue <= Double(DoseRecord.maximumAdditionalDoses) else {
            throw ParseError(message: "dose '\(text)': addl must be a whole number from 0 to \(DoseRecord.maximumAdditionalDoses), found \(values["addl"] ?? "")")
        }
        let additional = Int(additionalValue)
        let steadyState = Int(steadyStateValue)
        if steadyState != 0 && interval == 0 && !(amount == 0 && values["rate"] != nil) {
            throw ParseError(message: "dose '\(text)': ss=\(steadyState) needs an interval ii > 0 (or amt=0 with rate=R for a steady-state infusion)")
        }
        if additional > 0 && interval == 0 {
            throw ParseError(message: "dose '\(text)': addl=\(additional) needs an interval ii > 0")
        }
        var delivery = DoseRecord.Delivery.bolus
        if let rate = try number("rate") {
            switch rate {
            case 0: delivery = .bolus
            case -1: delivery = .modelledRate
            case -2: delivery = .modelledDuration
            case let r where r > 0: delivery = .infusion(rate: r)
            default: throw ParseError(message: "dose '\(text)': rate must be > 0, 0 (bolus), -1 (model's rate()) or -2 (model's dur()), found \(rate)")
            }
        }
        if let duration = try number("dur") {
            guard values["rate"] == nil else { throw ParseError(message: "dose '\(text)': give rate or dur, not both") }
            guard duration > 0 else { throw ParseError(message: "dose '\(text)': dur must be > 0, found \(duration)") }
            delivery = amount > 0 ? .infusion(rate: amount / duration) : .bolus
        }
        if amount == 0, steadyState == 0 {
            if case .infusion = delivery { throw ParseError(message: "dose '\(text)': an infusion needs amt > 0 (or ss=1 for a steady-state infusion)") }
        }
        var compartment: DoseRecord.Compartment?
        if let raw = values["cmt"] {
            if let number = Int(raw) {
                guard number >= 1 else { throw ParseError(message: "dose '\(text)': cmt numbers start at 1, found \(number)") }
                compartment = .number(number)
            } else {
                compartment = .name(raw)
            }
        }
        return DoseRecord(time: time, amount: amount, compartment: compartment, delivery: delivery, interval: interval,
                          additional: additional, steadyState: steadyState)
    }
}
