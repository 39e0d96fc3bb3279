import Foundation

/// A tick value held exactly as `significand × 10^exponent`, so that its label is written from
/// integers and never shows binary rounding (`0.30000000000000004`).
struct TickNumber: Sendable, Equatable {
    var significand: Int
    var exponent: Int

    /// The nearest `Double`. Powers of ten up to 10^22 are exact in binary, so a division by one
    /// of them gives the correctly rounded decimal (`3 / 10` is the double closest to 0.3).
    var value: Double {
        exponent >= 0
            ? Double(significand) * TickNumber.powerOfTen(exponent)
            : Double(significand) / TickNumber.powerOfTen(-exponent)
    }

    /// The same number with the trailing zeros of its significand moved into the exponent.
    var normalized: TickNumber {
        guard significand != 0 else { return TickNumber(significand: 0, exponent: 0) }
        var result = self
        while result.significand % 10 == 0 {
            result.significand /= 10
            result.exponent += 1
        }
        return result
    }

    /// The decimal power of ten of the leading digit (`250` → 2, `0.05` → -2).
    var magnitude: Int {
        let n = normalized
        return n.exponent + String(n.significand.magnitude).count - 1
    }

    /// Plain decimal notation without trailing zeros: `0`, `0.5`, `1500`, `-0.025`.
    var plain: String {
        let n = normalized
        guard n.significand != 0 else { return "0" }
        var digits = String(n.significand.magnitude)
        if n.exponent >= 0 {
            digits += String(repeating: "0", count: n.exponent)
        } else {
            let decimals = -n.exponent
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (n.significand < 0 ? "-" : "") + digits
    }

    /// Compact scientific notation: `1e-4`, `2.5e6`, `-3e7`.
    var scientific: String {
        let n = normalized
        guard n.significand != 0 else { return "0" }
        let digits = String(n.significand.magnitude)
        let power = n.exponent + digits.count - 1
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        return (n.significand < 0 ? "-" : "") + mantissa + "e" + String(power)
    }

    /// `value` rounded to `digits` significant digits (`nil` for non-finite values).
    init?(rounding value: Double, significantDigits digits: Int = 6) {
        guard value.isFinite else { return nil }
        guard value != 0 else {
            self.init(significand: 0, exponent: 0)
            return
        }
        let leading = Int(floor(log10(abs(value))))
        let exponent = leading - (digits - 1)
        let scaled = exponent >= 0
            ? value / TickNumber.powerOfTen(exponent)
            : value * TickNumber.powerOfTen(-exponent)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return nil }
        self = TickNumber(significand: Int(scaled.rounded()), exponent: exponent).normalized
    }

    init(significand: Int, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }

    /// 10^n, exact for |n| ≤ 22.
    static func powerOfTen(_ n: Int) -> Double {
        if (0...22).contains(n) { return exactPowers[n] }
        return pow(10, Double(n))
    }

    private static let exactPowers: [Double] = {
        var powers: [Double] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()
}
