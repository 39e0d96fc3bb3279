import Foundation
import Testing
@testable import Plots

/// Nice linear ticks, decade ticks and compact labels.
@Suite struct TicksTests {
    /// Whether `ticks` are nice for `range`: equally spaced by 1, 2 or 5 × 10^k, inside the range,
    /// leaving less than a step uncovered at either end, and about five to eight of them.
    func isNice(_ ticks: [Tick], for range: ClosedRange<Double>) -> Bool {
        guard ticks.count >= 4, ticks.count <= 10 else { return false }
        let step = ticks[1].value - ticks[0].value
        guard step > 0 else { return false }
        let mantissa = step / pow(10, floor(log10(step)))
        guard [1.0, 2, 5, 10].contains(where: { abs(mantissa - $0) < 1e-6 }) else { return false }
        for (a, b) in zip(ticks, ticks.dropFirst()) where abs((b.value - a.value) - step) > 1e-9 * step {
            return false
        }
        let slack = 1e-9 * step
        return ticks.first!.value >= range.lowerBound - slack && ticks.last!.value <= range.upperBound + slack
            && ticks.first!.value - range.lowerBound < step && range.upperBound - ticks.last!.value < step
    }

    @Test func zeroToTenGivesEvenNumbers() {
        let ticks = Ticks.linear(in: 0...10)
        #expect(ticks.map(\.value) == [0, 2, 4, 6, 8, 10])
        #expect(ticks.map(\.label) == ["0", "2", "4", "6", "8", "10"])
        #expect(isNice(ticks, for: 0...10))
    }

    @Test(arguments: [
        0.0...1, 0...3, 0...7, -1...1, 0...24, -0.96...24.96, 0.001...0.0042, 3.7...19.3, -250...1750,
        1e-7...9e-7, 0...2.5e6, 99.5...100.5, -3e-3...(-1e-3), 0...0.7, 12...13, 1_000_000...1_000_010,
    ])
    func ticksAreNiceAndCoverTheRange(range: ClosedRange<Double>) {
        let ticks = Ticks.linear(in: range)
        #expect(isNice(ticks, for: range), "\(range): \(ticks.map(\.label))")
        #expect(Set(ticks.map(\.label)).count == ticks.count, "labels must differ: \(ticks.map(\.label))")
    }

    @Test func commonRangesGiveFiveToEightTicks() {
        for range in [0.0...1, 0...10, 0...24, 0...100, -1...1, 0...3, 0...7, 0...48] {
            #expect(Ticks.preferredCount.contains(Ticks.linear(in: range).count), "\(range)")
        }
    }

    @Test func labelsAreCompact() {
        #expect(Ticks.linear(in: 0...3).map(\.label) == ["0", "0.5", "1", "1.5", "2", "2.5", "3"])
        let tenths = Ticks.linear(in: 0...0.7)
        #expect(tenths.map(\.label) == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(tenths[3].value == 0.3)  // the double nearest 0.3, not 0.30000000000000004
        #expect(Ticks.linear(in: 0...5000).map(\.label) == ["0", "1000", "2000", "3000", "4000", "5000"])
        #expect(Ticks.linear(in: -1...1).map(\.label) == ["-1", "-0.5", "0", "0.5", "1"])
        #expect(Ticks.linear(in: 0.001...0.0042).map(\.label).contains("0.002"))
        let small = Ticks.linear(in: 0...0.0004).map(\.label)
        #expect(small.contains("1e-4") && small.contains("2e-4"), "\(small)")
        let large = Ticks.linear(in: 0...2.5e6).map(\.label)
        #expect(large.contains("1e6") && large.contains("2e6"), "\(large)")
        for range in [0.0...0.9, 0...1.3, 1.1...2.3, -0.07...0.05] {
            for label in Ticks.linear(in: range).map(\.label) {
                #expect(label.count <= 5, "\(range): \(label)")
            }
        }
    }

    @Test func zeroWidthRangeGivesItsValue() {
        let ticks = Ticks.linear(in: 5...5)
        #expect(ticks.map(\.value) == [5])
        #expect(ticks.map(\.label) == ["5"])
        #expect(Ticks.linear(in: -Double.infinity...1).isEmpty)
    }

    @Test func logarithmicTicksAreDecades() {
        let ticks = Ticks.logarithmic(in: 0.1...1000)
        #expect(ticks.map(\.value) == [0.1, 1, 10, 100, 1000])
        #expect(ticks.map(\.label) == ["0.1", "1", "10", "100", "1000"])
        // Padded data ranges keep the same decades.
        #expect(Ticks.logarithmic(in: 0.069...1445).map(\.label) == ["0.1", "1", "10", "100", "1000"])
    }

    @Test func manyDecadesAreThinned() {
        let ticks = Ticks.logarithmic(in: 1e-9...1e9)
        #expect(ticks.count <= 8)
        #expect(ticks.map(\.label) == ["1e-9", "1e-6", "0.001", "1", "1000", "1e6", "1e9"])
    }

    @Test func fewDecadesAdd2And5() {
        #expect(Ticks.logarithmic(in: 1...100).map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
        #expect(Ticks.logarithmic(in: 0.01...0.1).map(\.label) == ["0.01", "0.02", "0.05", "0.1"])
        // Less than a factor of 2.5: linear ticks on the logarithmic axis.
        let narrow = Ticks.logarithmic(in: 2...8)
        #expect(narrow.count >= 3 && narrow.allSatisfy { $0.value >= 2 && $0.value <= 8 })
        #expect(Ticks.logarithmic(in: 0...10).isEmpty)
    }

    @Test func numbersInCoordinatesHaveTwoDecimals() {
        #expect(SVGWriter.number(2) == "2")
        #expect(SVGWriter.number(1.5) == "1.5")
        #expect(SVGWriter.number(3.14159) == "3.14")
        #expect(SVGWriter.number(1.05) == "1.05")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(-12.3456) == "-12.35")
        #expect(SVGWriter.number(.nan) == "0")
        #expect(SVGWriter.number(1e300) == "10000000")
    }

    @Test func compactLabelForAnyValue() {
        #expect(Ticks.label(for: 0.1 + 0.2) == "0.3")
        #expect(Ticks.label(for: 1234.5) == "1234.5")
        #expect(Ticks.label(for: 2.5e-7) == "2.5e-7")
        #expect(Ticks.label(for: .nan) == nil)
    }
}
