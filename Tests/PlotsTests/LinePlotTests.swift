import Foundation
import Testing
@testable import Plots

/// Standalone panels: well-formed SVG, mapping, skipped values, escaping, legend, error bars,
/// determinism and the empty plot.
@Suite struct LinePlotTests {
    let time = Axis(label: "time (h)")
    let concentration = Axis(label: "concentration (ng/mL)")

    var example: LinePlot {
        LinePlot(
            title: "Morphine, rat",
            xAxis: time, yAxis: concentration,
            lines: [
                LineSeries(name: "model", x: [0, 1, 2, 4, 8, 24], y: [0, 80, 60, 35, 12, 1]),
                LineSeries(name: "model, half dose", x: [0, 1, 2, 4, 8, 24], y: [0, 40, 30, 17, 6, 0.5], dashed: true),
            ],
            observations: [
                ObservedSeries(name: "Smith 2010", x: [1, 2, 4, 8], y: [75, 62, 30, 14], yError: [8, 7, 5, 3]),
            ],
            bands: [Band(name: "model", x: [0, 4, 24], lower: [0, 25, 0.5], upper: [0, 45, 2])])
    }

    /// Attribute values (other than free text) never carry a number with more than two decimals.
    func coordinatesHaveAtMostTwoDecimals(_ inspector: SVGInspector) -> Bool {
        let longDecimal = try! NSRegularExpression(pattern: "[0-9]\\.[0-9]{3,}")
        let freeText: Set<String> = ["data-name", "aria-label", "font-family", "xmlns"]
        for element in inspector.elements {
            for (key, value) in element.attributes where !freeText.contains(key) {
                let range = NSRange(value.startIndex..., in: value)
                if longDecimal.firstMatch(in: value, range: range) != nil { return false }
            }
        }
        return true
    }

    @Test func svgIsWellFormed() throws {
        let svg = example.svg()
        #expect(svg.hasPrefix("<svg "))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.elements.first?.name == "svg")
        #expect(inspector.elements.first?.attributes["viewBox"] == "0 0 640 400")
        #expect(inspector.elements(named: "polyline").count == 2)
        #expect(inspector.elements(named: "polygon", inClass: "band").count == 1)
        #expect(inspector.texts.contains("time (h)"))
        #expect(inspector.texts.contains("concentration (ng/mL)"))
        #expect(coordinatesHaveAtMostTwoDecimals(inspector))
        #expect(!svg.contains("no data"))
    }

    @Test func linearMappingLandsOnTheExpectedPixels() throws {
        let plot = LinePlot(
            title: "", xAxis: Axis(label: "x", range: 0...10), yAxis: Axis(label: "y", range: 0...100),
            observations: [ObservedSeries(name: "points", x: [5], y: [50], marker: .circle)])
        let layout = plot.layout(width: 640, height: 400)
        let area = layout.plotArea
        #expect(area.width > 400 && area.height > 250)
        #expect(layout.pixelX(0) == area.x)
        #expect(abs(layout.pixelX(10)! - area.maxX) < 1e-9)
        #expect(abs(layout.pixelY(0)! - area.maxY) < 1e-9)
        #expect(abs(layout.pixelY(100)! - area.y) < 1e-9)
        let middle = try #require(layout.pixel(x: 5, y: 50))
        #expect(abs(middle.x - area.midX) < 1e-9 && abs(middle.y - area.midY) < 1e-9)
        #expect(abs(layout.pixelX(2.5)! - (area.x + area.width / 4)) < 1e-9)
        #expect(layout.pixelX(.nan) == nil)

        // The drawn marker sits at the mapped pixel.
        let inspector = try #require(SVGInspector.parse(plot.svg(width: 640, height: 400)))
        let marker = try #require(inspector.elements(named: "circle", inClass: "observations").first)
        #expect(marker.attributes["cx"] == SVGWriter.number(area.midX))
        #expect(marker.attributes["cy"] == SVGWriter.number(area.midY))
    }

    @Test func logarithmicMappingIsByDecades() throws {
        let plot = LinePlot(
            title: "", xAxis: Axis(label: "dose (mg/kg)", scale: .logarithmic, range: 1...100),
            yAxis: Axis(label: "effect", scale: .logarithmic, range: 0.1...1000))
        let layout = plot.layout()
        let area = layout.plotArea
        #expect(abs(layout.pixelX(10)! - area.midX) < 1e-9)
        #expect(abs(layout.pixelY(1)! - (area.maxY - area.height / 4)) < 1e-9)
        #expect(layout.pixelX(0) == nil)
        #expect(layout.pixelX(-1) == nil)
        #expect(layout.yTicks.map(\.label) == ["0.1", "1", "10", "100", "1000"])
    }

    @Test func nonFiniteValuesBreakLinesAndNeverReachTheSVG() throws {
        let plot = LinePlot(
            title: "Gaps", xAxis: time, yAxis: concentration,
            lines: [LineSeries(name: "model", x: [0, 1, 2, 3, 4, 5, 6], y: [1, 2, .nan, 3, 4, .infinity, 5])],
            observations: [
                ObservedSeries(
                    name: "data", x: [1, .nan, 3, 4], y: [2, 3, -.infinity, 4],
                    yLower: [1, 2, 3, .nan], yUpper: [.infinity, 4, 5, 5]),
            ])
        let svg = plot.svg()
        let lowered = svg.lowercased()
        #expect(!lowered.contains("nan"))
        #expect(!lowered.contains("inf"))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.elements(named: "polyline", inClass: "line").count == 2)
        #expect(inspector.elements(named: "circle", inClass: "line").count == 1)  // the lone last point
        #expect(inspector.elements(inClass: "observations").filter { $0.name == "path" || $0.name == "rect" || $0.name == "circle" }.count == 2)
        #expect(coordinatesHaveAtMostTwoDecimals(inspector))
    }

    @Test func nonPositiveValuesAreSkippedOnLogarithmicAxes() throws {
        let plot = LinePlot(
            title: "Log", xAxis: time, yAxis: Axis(label: "concentration (ng/mL)", scale: .logarithmic),
            lines: [LineSeries(name: "model", x: [0, 1, 2, 3, 4, 5], y: [0, 10, 5, -1, 2, 1])],
            observations: [ObservedSeries(name: "data", x: [1, 2, 3], y: [8, 0, 3], yLower: [-2, 1, 1], yUpper: [12, 2, 4])])
        let svg = plot.svg()
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
        let inspector = try #require(SVGInspector.parse(svg))
        let polylines = inspector.elements(named: "polyline", inClass: "line")
        #expect(polylines.count == 2)  // (1, 10)–(2, 5) and (4, 2)–(5, 1)
        #expect(polylines.allSatisfy { $0.attributes["points"]!.split(separator: " ").count == 2 })
        let layout = plot.layout()
        #expect(layout.yDomain.lowerBound > 0)
        #expect(layout.yTicks.allSatisfy { $0.value > 0 })
        // Two of three points are placeable; the lower bound −2 runs to the bottom, uncapped.
        let bars = try #require(inspector.elements(named: "path", inClass: "error-bars").first)
        #expect(bars.attributes["d"]!.contains("V" + SVGWriter.number(layout.plotArea.maxY)))
    }

    @Test func textIsEscaped() throws {
        let title = "Dose <&> \"tolerance\" & 'hyperalgesia'"
        let plot = LinePlot(
            title: title, xAxis: Axis(label: "time <h>"), yAxis: concentration,
            lines: [LineSeries(name: "a < b & c", x: [0, 1], y: [0, 1])])
        let svg = plot.svg()
        #expect(svg.contains("Dose &lt;&amp;&gt; &quot;tolerance&quot; &amp; &apos;hyperalgesia&apos;"))
        #expect(!svg.contains("<&>"))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.elements(named: "text", inClass: "title").first?.text == title)
        #expect(inspector.elements(named: "title").first?.text == title)
        #expect(inspector.texts.contains("time <h>"))
        #expect(inspector.texts.contains("a < b & c"))
        #expect(SVGWriter.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
        #expect(SVGWriter.escape("a\u{0}b") == "a b")
    }

    @Test func legendListsEverySeries() throws {
        let inspector = try #require(SVGInspector.parse(example.svg()))
        let names = inspector.elements(named: "text", inClass: "legend").map(\.text)
        #expect(names == ["model", "model, half dose", "Smith 2010"])
        // The dashed line's sample is dashed.
        let samples = inspector.elements(named: "line", inClass: "legend")
        #expect(samples.count == 2)
        #expect(samples[0].attributes["stroke-dasharray"] == nil)
        #expect(samples[1].attributes["stroke-dasharray"] != nil)
        #expect(samples.map { $0.attributes["stroke"] } == [Palette.color(at: 0), Palette.color(at: 1)])
        #expect(inspector.elements(named: "circle", inClass: "legend").count == 1)  // Smith 2010's marker
    }

    @Test func legendIsDrawnForASingleSeries() throws {
        for placement in LinePlot.LegendPlacement.allCases {
            let plot = LinePlot(
                title: "One", xAxis: time, yAxis: concentration,
                lines: [LineSeries(name: "only line", x: [0, 1, 2], y: [1, 3, 2])], legend: placement)
            let inspector = try #require(SVGInspector.parse(plot.svg()))
            #expect(inspector.elements(named: "text", inClass: "legend").map(\.text) == ["only line"])
            let frame = try #require(plot.layout().legendArea)
            let area = plot.layout().plotArea
            #expect(frame.maxX <= plot.layout().width)
            if placement == .outsideRight { #expect(frame.x >= area.maxX) } else { #expect(frame.maxX <= area.maxX) }
        }
    }

    @Test func observationsNamedLikeALineShareItsColourAndEntry() throws {
        let plot = LinePlot(
            title: "Shared", xAxis: time, yAxis: concentration,
            lines: [
                LineSeries(name: "other", x: [0, 1], y: [1, 2]),
                LineSeries(name: "morphine", x: [0, 1], y: [2, 1]),
            ],
            observations: [
                ObservedSeries(name: "morphine", x: [0.5], y: [1.5], marker: .circle),
                ObservedSeries(name: "separate", x: [0.5], y: [1.2], marker: .circle),
            ])
        let inspector = try #require(SVGInspector.parse(plot.svg()))
        let markers = inspector.elements(named: "circle", inClass: "observations")
        #expect(markers.map { $0.attributes["fill"] } == [Palette.color(at: 1), Palette.color(at: 2)])
        #expect(inspector.elements(named: "text", inClass: "legend").map(\.text) == ["other", "morphine", "separate"])
        #expect(Set(Palette.okabeIto).count == 8)
    }

    @Test func errorBarsHaveCaps() throws {
        let inspector = try #require(SVGInspector.parse(example.svg()))
        let bars = inspector.elements(named: "path", inClass: "error-bars")
        #expect(bars.count == 1)
        let d = try #require(bars.first?.attributes["d"])
        #expect(d.filter { $0 == "V" }.count == 8)  // up and down from each of four points
        #expect(d.filter { $0 == "H" }.count == 8)  // a cap at each end
        #expect(bars.first?.attributes["stroke"] == Palette.color(at: 2))

        let withoutBounds = LinePlot(
            title: "", xAxis: time, yAxis: concentration,
            observations: [ObservedSeries(name: "plain", x: [1, 2], y: [3, 4])])
        let plain = try #require(SVGInspector.parse(withoutBounds.svg()))
        #expect(plain.elements(named: "path", inClass: "error-bars").isEmpty)
        // The bars count in the range: the top of the highest bar is inside the axis.
        #expect(example.layout().yDomain.upperBound >= 83)
    }

    @Test func outputIsDeterministic() {
        let first = example.svg(width: 500, height: 300)
        let second = example.svg(width: 500, height: 300)
        #expect(first == second)
        let rebuilt = LinePlot(
            title: example.title, xAxis: example.xAxis, yAxis: example.yAxis,
            lines: example.lines, observations: example.observations, bands: example.bands)
        #expect(rebuilt.svg(width: 500, height: 300) == first)
        #expect(Figure(title: "F", panels: [example, example], columns: 2).svg()
            == Figure(title: "F", panels: [example, example], columns: 2).svg())
    }

    @Test func emptyPlotSaysNoData() throws {
        let empty = LinePlot(title: "Nothing yet", xAxis: time, yAxis: concentration)
        #expect(!empty.hasData)
        let inspector = try #require(SVGInspector.parse(empty.svg()))
        #expect(inspector.texts.contains("no data"))
        #expect(inspector.texts.contains("Nothing yet"))

        let onlyNaN = LinePlot(
            title: "", xAxis: time, yAxis: Axis(label: "y", scale: .logarithmic),
            lines: [LineSeries(name: "bad", x: [.nan, 1, 2], y: [1, 0, -3])])
        let svg = onlyNaN.svg()
        let parsed = try #require(SVGInspector.parse(svg))
        #expect(parsed.texts.contains("no data"))
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
    }

    @Test func zeroWidthRangesStillGiveAxes() throws {
        let flat = LinePlot(
            title: "Flat", xAxis: Axis(label: "x"), yAxis: concentration,
            lines: [LineSeries(name: "constant", x: [0, 0, 0], y: [5, 5, 5])])
        let layout = flat.layout()
        #expect(layout.xDomain.lowerBound < 0 && layout.xDomain.upperBound > 0)
        #expect(layout.yDomain.lowerBound < 5 && layout.yDomain.upperBound > 5)
        #expect(layout.xTicks.count >= 3 && layout.yTicks.count >= 3)
        #expect(SVGInspector.parse(flat.svg()) != nil)

        let fixedFlat = LinePlot(
            title: "", xAxis: Axis(label: "x", range: 2...2), yAxis: Axis(label: "y", scale: .logarithmic),
            observations: [ObservedSeries(name: "one", x: [2], y: [10])])
        let fixedLayout = fixedFlat.layout()
        #expect(fixedLayout.xDomain.upperBound > fixedLayout.xDomain.lowerBound)
        #expect(fixedLayout.yDomain == 1...100)
        #expect(fixedLayout.yTicks.contains { $0.value == 10 })
        let svg = fixedFlat.svg()
        #expect(SVGInspector.parse(svg) != nil && !svg.lowercased().contains("nan"))
    }

    @Test func dataRangeIncludesPointsBoundsAndBands() {
        let plot = LinePlot(
            title: "", xAxis: time, yAxis: concentration,
            lines: [LineSeries(name: "m", x: [0, 10], y: [0, 10])],
            observations: [ObservedSeries(name: "o", x: [5], y: [5], yLower: [-4], yUpper: [20])],
            bands: [Band(x: [12, 14], lower: [1, 1], upper: [2, 2])])
        let layout = plot.layout()
        #expect(layout.xDomain.lowerBound < 0 && layout.xDomain.upperBound > 14)
        #expect(layout.yDomain.lowerBound < -4 && layout.yDomain.upperBound > 20)
        // A small margin only: 4 % of the span on each side.
        #expect(abs(layout.yDomain.upperBound - 20.96) < 1e-9)
    }

    @Test func fixedRangeClipsAndIsUsedExactly() throws {
        let plot = LinePlot(
            title: "", xAxis: Axis(label: "t", range: 0...5), yAxis: concentration,
            lines: [LineSeries(name: "m", x: [0, 5, 10], y: [1, 2, 1000])])
        let layout = plot.layout()
        #expect(layout.xDomain == 0...5)
        #expect(layout.yDomain.upperBound < 10)  // the point at x = 10 is outside the window
        let inspector = try #require(SVGInspector.parse(plot.svg()))
        let clip = try #require(inspector.elements(named: "clipPath").first?.attributes["id"])
        #expect(inspector.elements(named: "g", inClass: "data").first?.attributes["clip-path"] == "url(#\(clip))")
    }
}
