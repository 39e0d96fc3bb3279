import Foundation
import ArgumentParser

/// How a command prints its data (DESIGN.md §3).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// JSON string literal of `text`.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A JSON number (non-finite values as `null`).
func jsonNumber(_ value: Double) -> String {
    value.isFinite ? shortest(value) : "null"
}
