/// One panel of a plot: model curves as lines, observations as markers with error bars,
/// optional shaded bands, on a pair of linear or logarithmic axes, with a title and a legend.
///
/// `LinePlot` is a value describing the plot; ``svg(width:height:)`` draws it as a standalone
/// SVG document whose size is given in pixels. Data are in the units of the axes' labels.
///
/// ```swift
/// var plot = LinePlot(
///     title: "Morphine 10 mg/kg s.c., rat",
///     xAxis: Axis(label: "time (h)"),
///     yAxis: Axis(label: "plasma concentration (ng/mL)", scale: .logarithmic),
///     lines: [LineSeries(name: "model", x: times, y: predicted)],
///     observations: [ObservedSeries(name: "Smith 2010", x: sampled, y: means, yError: sds)])
/// let document = plot.svg(width: 640, height: 400)
/// ```
///
/// What is drawn, back to front: light grid lines at the ticks, bands, lines, error bars,
/// markers, the axes with their tick labels and labels, and the legend. Colours come from
/// ``Palette`` in series order; an observed series named like a line shares its colour. Values
/// that cannot be placed (non-finite, or not positive on a logarithmic axis) are skipped and
/// break lines into pieces; they never reach the SVG. A plot without any drawable value says
/// "no data". The output depends only on the plot and the size, byte for byte.
public struct LinePlot: Sendable, Equatable {
    /// Where the legend goes.
    public enum LegendPlacement: Sendable, Equatable, Hashable, CaseIterable {
        /// Inside the top-right corner of the plot area when it is small enough there (under
        /// 45 % of the area's width and 60 % of its height), otherwise to the right of it.
        case automatic
        /// Inside the top-right corner of the plot area.
        case insideTopRight
        /// To the right of the plot area, which is narrowed to make room.
        case outsideRight
    }

    /// The heading above the plot area; empty for none.
    public var title: String
    /// The horizontal axis.
    public var xAxis: Axis
    /// The vertical axis.
    public var yAxis: Axis
    /// Model curves, drawn in order.
    public var lines: [LineSeries]
    /// Observed points with optional error bars, drawn over the lines.
    public var observations: [ObservedSeries]
    /// Shaded regions such as tolerance bands, drawn behind the lines.
    public var bands: [Band]
    /// Where the legend goes. Every named series is listed in it.
    public var legend: LegendPlacement

    /// A plot with the given title, axes and series.
    public init(
        title: String, xAxis: Axis, yAxis: Axis,
        lines: [LineSeries] = [], observations: [ObservedSeries] = [],
        bands: [Band] = [], legend: LegendPlacement = .automatic
    ) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.lines = lines
        self.observations = observations
        self.bands = bands
        self.legend = legend
    }

    /// Whether the plot has at least one value that can be drawn.
    public var hasData: Bool { !DataExtent(self).isEmpty }

    /// The plot as a complete standalone SVG document of `width × height` pixels (sizes that
    /// are not finite or below one pixel fall back to the defaults). The document starts with
    /// `<svg` and can be saved as an `.svg` file or inlined in HTML.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        let layout = layout(width: width, height: height)
        var writer = SVGWriter()
        writer.open("svg", SVGDocument.rootAttributes(width: layout.width, height: layout.height, label: title))
        if !title.isEmpty { writer.element("title", [], text: title) }
        render(into: &writer, layout: layout, idPrefix: "wean-" + fingerprint.shortHex)
        writer.close("svg")
        return writer.output
    }

    // MARK: - Drawing constants

    static let tickFontSize = 11.0
    static let labelFontSize = 12.5
    static let titleFontSize = 15.0
    static let lineWidth = 2.0
    static let dashPattern = "6 4"
    static let capHalfWidth = 3.0

    /// A hash of everything drawn, naming the ids inside the SVG.
    var fingerprint: Fingerprint {
        var hash = Fingerprint()
        hash.combine(title)
        for axis in [xAxis, yAxis] {
            hash.combine(axis.label)
            hash.combine(UInt64(axis.scale == .linear ? 0 : 1))
            hash.combine(axis.range.map { [$0.lowerBound, $0.upperBound] })
        }
        for line in lines {
            hash.combine(line.name)
            hash.combine(line.x)
            hash.combine(line.y)
            hash.combine(UInt64(line.dashed ? 1 : 0))
        }
        for observed in observations {
            hash.combine(observed.name)
            hash.combine(observed.x)
            hash.combine(observed.y)
            hash.combine(observed.yLower)
            hash.combine(observed.yUpper)
            hash.combine(observed.marker?.rawValue ?? "")
        }
        for band in bands {
            hash.combine(band.name)
            hash.combine(band.x)
            hash.combine(band.lower)
            hash.combine(band.upper)
        }
        return hash
    }
}

/// The root element shared by ``LinePlot`` and ``Figure`` documents.
enum SVGDocument {
    static func rootAttributes(width: Double, height: Double, label: String) -> [(String, String)] {
        let n = SVGWriter.number
        var attributes: [(String, String)] = [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", n(width)), ("height", n(height)),
            ("viewBox", "0 0 \(n(width)) \(n(height))"),
            ("font-family", SVGWriter.fontFamily),
            ("role", "img"),
        ]
        if !label.isEmpty { attributes.append(("aria-label", label)) }
        return attributes
    }
}
