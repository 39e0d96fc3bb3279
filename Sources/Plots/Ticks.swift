import Foundation

/// A labelled position on an axis.
public struct Tick: Sendable, Equatable {
    /// The position in data units.
    public var value: Double
    /// The text written at the position: compact, without binary rounding noise.
    public var label: String

    /// A tick at `value` (data units) labelled `label`.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Tick positions and labels for an axis.
///
/// Linear axes get "nice" ticks in the manner of Heckbert's *Nice Numbers for Graph Labels*
/// (Graphics Gems, 1990): the step is 1, 2 or 5 × 10^k, chosen so that about five to eight ticks
/// fall inside the range, and the ticks are the multiples of the step within it. Logarithmic axes
/// get powers of ten (every second, third, … power when there are many decades), with 2 and 5 ×
/// 10^k added when the range spans few decades.
///
/// Labels are written from exact decimal digits: `0`, `0.5`, `1`, `1.5`; `0.001`; `2500` (no
/// thousands separator); scientific notation such as `2e-5` or `1.5e6` only for very small or very
/// large values. Negative numbers use the ASCII hyphen-minus.
///
/// ```swift
/// Ticks.linear(in: 0...10).map(\.label)          // ["0", "2", "4", "6", "8", "10"]
/// Ticks.logarithmic(in: 0.1...1000).map(\.label) // ["0.1", "1", "10", "100", "1000"]
/// ```
public enum Ticks {
    /// The number of ticks a linear axis aims for.
    public static let preferredCount: ClosedRange<Int> = 5...8

    /// Nice ticks for a linear axis spanning `range` (data units), in increasing order.
    ///
    /// Every tick lies inside the range (within rounding), consecutive ticks are one step apart,
    /// and the gaps left at either end are shorter than a step. A range of zero width gives its
    /// single value; a range with an infinite bound gives no ticks.
    public static func linear(in range: ClosedRange<Double>) -> [Tick] {
        let low = range.lowerBound, high = range.upperBound
        guard low.isFinite, high.isFinite else { return [] }
        guard high > low else {
            return TickNumber(rounding: low).map { [Tick(value: low, label: label($0, scientific: useScientific(maxAbs: abs(low))))] } ?? []
        }
        let span = high - low
        guard span.isFinite else { return endpoints(low, high) }
        let roughStep = span / Double(preferredCount.lowerBound + preferredCount.upperBound) * 2
        let baseExponent = Int(floor(log10(roughStep)))

        // Candidate steps from small to large; the one with the smallest distance from the
        // preferred count wins, ties going to the larger step (fewer labels).
        var best: (penalty: Int, significand: Int, exponent: Int, first: Int, last: Int)?
        for exponent in (baseExponent - 1)...(baseExponent + 1) {
            for multiple in [1, 2, 5] {
                let step = TickNumber(significand: multiple, exponent: exponent).value
                let firstIndex = (low / step - 1e-9).rounded(.up)
                let lastIndex = (high / step + 1e-9).rounded(.down)
                guard abs(firstIndex) < 1e14, abs(lastIndex) < 1e14 else { continue }
                let first = Int(firstIndex), last = Int(lastIndex)
                let count = last - first + 1
                let penalty = count < preferredCount.lowerBound
                    ? preferredCount.lowerBound - count
                    : max(0, count - preferredCount.upperBound)
                if best == nil || penalty <= best!.penalty {
                    best = (penalty, multiple, exponent, first, last)
                }
            }
        }
        guard let chosen = best, chosen.last >= chosen.first else { return endpoints(low, high) }
        let numbers = (chosen.first...chosen.last).map {
            TickNumber(significand: $0 * chosen.significand, exponent: chosen.exponent)
        }
        let maxAbs = numbers.map { abs($0.value) }.max() ?? 0
        let scientific = useScientific(maxAbs: maxAbs)
        return numbers.map { Tick(value: $0.value, label: label($0, scientific: scientific)) }
    }

    /// Ticks for a logarithmic axis spanning `range` (data units, lower bound positive), in
    /// increasing order.
    ///
    /// Four decades or more: powers of ten, thinned to every 2nd, 3rd, 5th, … power so that at
    /// most eight remain (`0.1...1000` gives 0.1, 1, 10, 100, 1000). Fewer decades: 1, 2 and 5 ×
    /// 10^k. Less than a factor of about 2.5: nice linear ticks, placed logarithmically. A range
    /// that is not positive gives no ticks.
    public static func logarithmic(in range: ClosedRange<Double>) -> [Tick] {
        let low = range.lowerBound, high = range.upperBound
        guard low > 0, low.isFinite, high.isFinite else { return [] }
        let lowLog = log10(low), highLog = log10(high)
        let firstDecade = Int((lowLog - 1e-9).rounded(.up))
        let lastDecade = Int((highLog + 1e-9).rounded(.down))
        let decades = lastDecade - firstDecade + 1

        if decades >= 4 {
            var stride = 1
            for candidate in [1, 2, 3, 5, 10, 20, 25, 50, 100] {
                stride = candidate
                if multiples(of: candidate, from: firstDecade, to: lastDecade).count <= preferredCount.upperBound { break }
            }
            return multiples(of: stride, from: firstDecade, to: lastDecade).map {
                logTick(TickNumber(significand: 1, exponent: $0))
            }
        }

        let tolerance = 1e-9
        var numbers: [TickNumber] = []
        for exponent in (firstDecade - 1)...(lastDecade + 1) {
            for multiple in [1, 2, 5] {
                let number = TickNumber(significand: multiple, exponent: exponent)
                let value = number.value
                if value >= low * (1 - tolerance), value <= high * (1 + tolerance) { numbers.append(number) }
            }
        }
        if numbers.count > preferredCount.upperBound + 1 {
            // Three decades with 2 and 5 would crowd the axis: keep the powers of ten.
            numbers = numbers.filter { $0.normalized.significand == 1 }
        }
        if numbers.count >= 3 { return numbers.map(logTick) }
        return linear(in: range).filter { $0.value > 0 }
    }

    /// A compact label for any finite value (six significant digits at most), in the same
    /// style as tick labels; `nil` for non-finite values.
    public static func label(for value: Double) -> String? {
        guard let number = TickNumber(rounding: value) else { return nil }
        return label(number, scientific: useScientific(maxAbs: abs(value)))
    }

    // MARK: - Helpers

    /// Plain notation from 0.001 up to (but excluding) a million; scientific outside.
    static func useScientific(maxAbs: Double) -> Bool {
        maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-3)
    }

    static func label(_ number: TickNumber, scientific: Bool) -> String {
        scientific ? number.scientific : number.plain
    }

    /// A power-of-ten tick: plain from 0.001 to 100000, scientific beyond.
    static func logTick(_ number: TickNumber) -> Tick {
        let plain = (-3...5).contains(number.magnitude)
        return Tick(value: number.value, label: plain ? number.plain : number.scientific)
    }

    static func multiples(of stride: Int, from first: Int, to last: Int) -> [Int] {
        guard last >= first else { return [] }
        return (first...last).filter { (($0 % stride) + stride) % stride == 0 }
    }

    /// The two ends of a range that nice steps cannot divide (spans beyond `Double`'s reach).
    static func endpoints(_ low: Double, _ high: Double) -> [Tick] {
        [low, high].compactMap { value in label(for: value).map { Tick(value: value, label: $0) } }
    }
}
