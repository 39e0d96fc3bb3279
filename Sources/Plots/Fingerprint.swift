/// A 64-bit FNV-1a hash of a plot's content, used to give the `id`s inside an SVG (clip paths)
/// names that differ between plots, so that several SVGs inlined in one HTML page do not share
/// ids. Unlike `Hasher`, it is the same in every run.
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ integer: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(byte: UInt8(truncatingIfNeeded: integer >> UInt64(shift))) }
    }

    mutating func combine(_ text: String) {
        combine(UInt64(text.utf8.count))
        for byte in text.utf8 { combine(byte: byte) }
    }

    mutating func combine(_ number: Double) { combine(number.bitPattern) }

    mutating func combine(_ numbers: [Double]?) {
        guard let numbers else { return combine(UInt64.max) }
        combine(UInt64(numbers.count))
        for number in numbers { combine(number) }
    }

    /// Eight hexadecimal digits, enough to tell the plots of one page apart.
    var shortHex: String {
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
