import Foundation
import NameSuggestions

/// The text forms of `wean scenario`'s arguments, shared by the command line and any other face
/// that takes scenarios as text: times with units, and `key=value,…` items.
public enum ScenarioText {
    /// Hours per time unit. Minutes are `min` (never `m`, which could be months); weeks `w`.
    static let hoursPerUnit: [(names: [String], hours: Double)] = [
        (["min", "mins", "minute", "minutes"], 1.0 / 60),
        (["h", "hr", "hrs", "hour", "hours"], 1),
        (["d", "day", "days"], 24),
        (["w", "wk", "wks", "week", "weeks"], 168),
    ]

    /// A time or duration such as `30min`, `1.5h`, `-1d`, `2w`, or compound, `2d12h`, `1h30min`,
    /// in hours. The unit is required: a bare number is an error rather than a guess.
    public static func hours(_ text: String) throws(ScenarioTextError) -> Double {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        func isDigit(_ i: Int) -> Bool { i < characters.count && ("0"..."9").contains(characters[i]) }
        var position = 0
        var sign = 1.0
        if position < characters.count, characters[position] == "+" || characters[position] == "-" {
            sign = characters[position] == "-" ? -1 : 1
            position += 1
        }
        var total = 0.0
        var parts = 0
        while position < characters.count || parts == 0 {
            let start = position
            while isDigit(position) || (position < characters.count && characters[position] == ".") { position += 1 }
            // An exponent belongs to the number only when digits follow the `e` (`1e3h`).
            if position > start, position < characters.count, characters[position] == "e" || characters[position] == "E" {
                var exponent = position + 1
                if exponent < characters.count, characters[exponent] == "+" || characters[exponent] == "-" { exponent += 1 }
                if isDigit(exponent) {
                    while isDigit(exponent) { exponent += 1 }
                    position = exponent
                }
            }
            let number = String(characters[start..<position])
            while position < characters.count, characters[position] == " " { position += 1 }
            let unitStart = position
            while position < characters.count, characters[position].isLetter { position += 1 }
            let unit = String(characters[unitStart..<position]).lowercased()
            while position < characters.count, characters[position] == " " { position += 1 }
            guard let value = Double(number), value.isFinite else {
                throw ScenarioTextError("'\(text)' is not a time; write a number with a unit: 30min, 12h, 3d, 2w, 2d12h")
            }
            guard !unit.isEmpty else {
                guard position >= characters.count, parts == 0 else {
                    throw ScenarioTextError("'\(text)' is not a time; write a number with a unit: 30min, 12h, 3d, 2w, 2d12h")
                }
                throw ScenarioTextError("'\(text)' has no unit; write \(number)min, \(number)h, \(number)d or \(number)w")
            }
            guard let factor = hoursPerUnit.first(where: { $0.names.contains(unit) })?.hours else {
                let hint = unit == "m" ? " (minutes are 'min')" : ""
                throw ScenarioTextError("'\(text)': unknown time unit '\(unit)'\(hint); use min, h, d or w")
            }
            total += value * factor
            parts += 1
        }
        guard total.isFinite else { throw ScenarioTextError("'\(text)' is not a finite time") }
        return sign * total
    }

    /// A time in hours written back in days, hours and minutes where it is a whole number of
    /// minutes: `72` → `3d`, `0.5` → `30min`, `-36` → `-1d12h`, `336` → `2w`; otherwise in hours.
    public static func text(hours: Double) -> String {
        guard hours.isFinite else { return "\(hours)h" }
        if hours == 0 { return "0h" }
        let minutes = abs(hours) * 60
        guard abs(minutes - minutes.rounded()) < 1e-6, minutes < 1e12 else { return "\(shortNumber(hours))h" }
        var rest = Int(minutes.rounded())
        let sign = hours < 0 ? "-" : ""
        if rest % (7 * 24 * 60) == 0 { return "\(sign)\(rest / (7 * 24 * 60))w" }
        var text = ""
        for (size, unit) in [(24 * 60, "d"), (60, "h"), (1, "min")] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return sign + text
    }

    static func shortNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// The fields of an item `key=value,key=value,…`. A part without `=` continues the list of the
    /// key before it (`doses=1,2,4`). Keys must be among `allowed`; each may appear once.
    public static func fields(_ text: String, allowed: [String]) throws(ScenarioTextError) -> Fields {
        var values: [String: [String]] = [:]
        var order: [String] = []
        var current: String?
        for rawPart in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            if part.isEmpty { continue }
            if let equals = part.firstIndex(of: "=") {
                let key = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard allowed.contains(key) else {
                    let hint = closestName(key, allowed).map { " Did you mean '\($0)'?" } ?? ""
                    throw ScenarioTextError("unknown key '\(key)'.\(hint) Keys: \(allowed.joined(separator: ", "))")
                }
                guard values[key] == nil else { throw ScenarioTextError("'\(key)' is given twice") }
                guard !value.isEmpty else { throw ScenarioTextError("'\(key)=' has no value") }
                values[key] = [value]
                order.append(key)
                current = key
            } else {
                guard let key = current else {
                    throw ScenarioTextError("'\(part)' is not key=value; write e.g. \(allowed.prefix(2).map { "\($0)=…" }.joined(separator: ","))")
                }
                values[key, default: []].append(part)
            }
        }
        return Fields(values: values, order: order)
    }

    /// The parsed fields of one item, read by key with typed accessors whose errors name the key.
    public struct Fields: Sendable {
        var values: [String: [String]]
        var order: [String]

        public func has(_ key: String) -> Bool { values[key] != nil }

        /// The single text value of `key`, or `nil` if absent.
        public func text(_ key: String) throws(ScenarioTextError) -> String? {
            guard let list = values[key] else { return nil }
            guard list.count == 1 else { throw ScenarioTextError("'\(key)' takes one value; got \(list.joined(separator: ","))") }
            return list[0]
        }

        public func requiredText(_ key: String, example: String) throws(ScenarioTextError) -> String {
            guard let value = try text(key) else { throw ScenarioTextError("'\(key)' is missing (e.g. \(key)=\(example))") }
            return value
        }

        /// A number, finite.
        public func number(_ key: String) throws(ScenarioTextError) -> Double? {
            guard let value = try text(key) else { return nil }
            return try Self.number(value, key: key)
        }

        static func number(_ text: String, key: String) throws(ScenarioTextError) -> Double {
            guard let number = Double(text), number.isFinite else {
                throw ScenarioTextError("'\(key)=\(text)': expected a number")
            }
            return number
        }

        /// A list of numbers (`doses=1,2,4`).
        public func numbers(_ key: String) throws(ScenarioTextError) -> [Double]? {
            guard let list = values[key] else { return nil }
            var numbers: [Double] = []
            for item in list { numbers.append(try Self.number(item, key: key)) }
            return numbers
        }

        /// A time with its unit, in hours.
        public func hours(_ key: String) throws(ScenarioTextError) -> Double? {
            guard let value = try text(key) else { return nil }
            do {
                return try ScenarioText.hours(value)
            } catch {
                throw ScenarioTextError("'\(key)': \(error.message)")
            }
        }

        public func requiredHours(_ key: String, example: String) throws(ScenarioTextError) -> Double {
            guard let value = try hours(key) else { throw ScenarioTextError("'\(key)' is missing (e.g. \(key)=\(example))") }
            return value
        }
    }
}

/// A text that does not parse, with what was expected.
public struct ScenarioTextError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
