/// Builds SVG markup element by element: attributes in the order given, all text and attribute
/// values XML-escaped, numbers written with at most two decimals. The same calls always give the
/// same bytes.
struct SVGWriter {
    /// The markup written so far.
    private(set) var output = ""
    private var depth = 0

    /// The font stack of every text element.
    static let fontFamily = "Helvetica, Arial, sans-serif"

    /// Opens `<name attributes…>`; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<" + name + Self.attributes(attributes) + ">")
        depth += 1
    }

    /// Writes `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    /// Writes an empty element `<name …/>`, or `<name …>text</name>` when `text` is given.
    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        if let text {
            line("<" + name + Self.attributes(attributes) + ">" + Self.escape(text) + "</" + name + ">")
        } else {
            line("<" + name + Self.attributes(attributes) + "/>")
        }
    }

    private mutating func line(_ markup: String) {
        output += String(repeating: " ", count: 2 * max(0, depth))
        output += markup
        output += "\n"
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        var result = ""
        for (key, value) in attributes {
            result += " " + key + "=\"" + escape(value) + "\""
        }
        return result
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and the control characters
    /// XML 1.0 forbids (all below U+0020 except tab, line feed and carriage return) replaced by
    /// spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A pixel coordinate or length with at most two decimals and no trailing zeros (`12`,
    /// `12.5`, `12.25`, `-3.1`). Magnitudes are capped at 10^7 pixels; a non-finite value, which
    /// callers never pass, is written as `0` rather than as `nan` or `inf`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let capped = min(max(value, -1e7), 1e7)
        let hundredths = Int((capped * 100).rounded())
        guard hundredths != 0 else { return "0" }
        let magnitude = hundredths.magnitude
        var result = hundredths < 0 ? "-" : ""
        result += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            if fraction % 10 == 0 {
                result += "." + String(fraction / 10)
            } else {
                result += (fraction < 10 ? ".0" : ".") + String(fraction)
            }
        }
        return result
    }

    /// A rough width of `text` in pixels at `fontSize` pixels, for layout (an average glyph of
    /// Helvetica is a little over half the font size).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.58
    }
}

/// Escaping of text and attribute values for XML and HTML, shared by the SVG plots and Wean's HTML
/// reports (one escaping rule, so a report and its figures never disagree).
public enum XMLText {
    /// `text` with `& < > " '` as entities and the control characters XML 1.0 forbids as spaces.
    public static func escape(_ text: String) -> String { SVGWriter.escape(text) }
}
