import Foundation

/// Writes calibrated values into a library model's `.wean` text, so the shipped model is the
/// calibration's output: each `param NAME = value` line of a fitted parameter gets the new value
/// (four significant digits; unit and comment kept), and the header gains (or renews) one stamp
/// line saying which command produced the values, when, and to what objective.
public enum ModelParameterFile {
    /// The prefix of the stamp line in a model file's header.
    public static let stampPrefix = "# Calibrated by wean experiment calibrate"

    /// A value as written in a model file: four significant digits, exponents as `6.856e4`.
    public static func text(_ value: Double) -> String {
        var text = String(format: "%.4g", value)
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = String(text[text.index(after: e)...])
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
            text = "\(mantissa)e\(negative ? "-" : "")\(exponent.isEmpty ? "0" : exponent)"
        }
        return text
    }

    /// `source` with `values` set and the stamp line `stamp` (which must start with `stampPrefix`).
    public static func updating(_ source: String, values: [String: Double], stamp: String) throws(CalibrationError) -> String {
        var lines = source.components(separatedBy: "\n")
        var remaining = Set(values.keys)
        for index in lines.indices {
            let line = lines[index]
            guard line.hasPrefix("param ") else { continue }
            let afterKeyword = line.dropFirst("param ".count)
            guard let equals = afterKeyword.firstIndex(of: "=") else { continue }
            let name = afterKeyword[..<equals].trimmingCharacters(in: .whitespaces)
            guard let value = values[name] else { continue }
            guard value.isFinite, value > 0 else { throw CalibrationError("\(name): \(value) cannot be written (a positive finite value is needed)") }
            let tail = afterKeyword[afterKeyword.index(after: equals)...]
            let valueStart = tail.firstIndex { $0 != " " } ?? tail.endIndex
            let valueEnd = tail[valueStart...].firstIndex { $0 == " " || $0 == "[" || $0 == "#" } ?? tail.endIndex
            lines[index] = "param \(name) = \(text(value))" + tail[valueEnd...]
            remaining.remove(name)
        }
        if let missing = remaining.sorted().first { throw CalibrationError("the model file has no 'param \(missing)' line") }
        guard stamp.hasPrefix(stampPrefix), !stamp.contains("\n") else { throw CalibrationError("internal: a stamp is one line starting '\(stampPrefix)'") }
        if let existing = lines.firstIndex(where: { $0.hasPrefix(stampPrefix) }) {
            lines[existing] = stamp
        } else {
            let headerEnd = lines.firstIndex { !$0.hasPrefix("#") } ?? 0
            lines.insert(stamp, at: headerEnd)
        }
        return lines.joined(separator: "\n")
    }
}
