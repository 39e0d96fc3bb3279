import Foundation

/// Where everything goes in one panel of a ``LinePlot``, in pixels, and how data values map to
/// pixel positions.
///
/// Pixel coordinates follow SVG: the origin is the top-left corner of the panel, x grows to the
/// right and y grows downwards, so larger data values on the vertical axis have smaller pixel
/// y. Obtain a layout with ``LinePlot/layout(width:height:)``; use it to place extra marks
/// (annotations, hover targets on a web page) exactly where the plot draws its data.
///
/// ```swift
/// let layout = plot.layout(width: 640, height: 400)
/// if let point = layout.pixel(x: 24, y: 1.5) { … }   // where (24 h, 1.5 ng/mL) is drawn
/// ```
public struct PlotLayout: Sendable, Equatable {
    /// An axis-aligned rectangle in pixels.
    public struct Rect: Sendable, Equatable {
        /// Left edge, pixels.
        public var x: Double
        /// Top edge, pixels.
        public var y: Double
        /// Width, pixels.
        public var width: Double
        /// Height, pixels.
        public var height: Double

        /// A rectangle with its top-left corner at `(x, y)`, all in pixels.
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// Right edge, pixels.
        public var maxX: Double { x + width }
        /// Bottom edge, pixels.
        public var maxY: Double { y + height }
        /// Horizontal centre, pixels.
        public var midX: Double { x + width / 2 }
        /// Vertical centre, pixels.
        public var midY: Double { y + height / 2 }
    }

    /// The width of the whole panel, pixels.
    public var width: Double
    /// The height of the whole panel, pixels.
    public var height: Double
    /// The area inside the axes where data are drawn, pixels.
    public var plotArea: Rect
    /// The horizontal axis' scale.
    public var xScale: Axis.Scale
    /// The vertical axis' scale.
    public var yScale: Axis.Scale
    /// The data values at the left and right edges of the plot area.
    public var xDomain: ClosedRange<Double>
    /// The data values at the bottom and top edges of the plot area.
    public var yDomain: ClosedRange<Double>
    /// The ticks of the horizontal axis, all inside ``xDomain``.
    public var xTicks: [Tick]
    /// The ticks of the vertical axis, all inside ``yDomain``.
    public var yTicks: [Tick]
    /// The legend, or `nil` when no series has a name.
    var legend: LegendLayout?

    /// The legend box, pixels, or `nil` when no series has a name.
    public var legendArea: Rect? { legend?.frame }

    /// The pixel x of the data value `x`, or `nil` when it cannot be placed (not finite, or not
    /// positive on a logarithmic axis). Values outside ``xDomain`` map outside the plot area.
    public func pixelX(_ x: Double) -> Double? {
        guard let fraction = Self.fraction(of: x, in: xDomain, scale: xScale) else { return nil }
        return plotArea.x + fraction * plotArea.width
    }

    /// The pixel y of the data value `y`, or `nil` when it cannot be placed (not finite, or not
    /// positive on a logarithmic axis). Values outside ``yDomain`` map outside the plot area.
    public func pixelY(_ y: Double) -> Double? {
        guard let fraction = Self.fraction(of: y, in: yDomain, scale: yScale) else { return nil }
        return plotArea.maxY - fraction * plotArea.height
    }

    /// The pixel position of the data point `(x, y)`, or `nil` when either coordinate cannot be
    /// placed.
    public func pixel(x: Double, y: Double) -> (x: Double, y: Double)? {
        guard let px = pixelX(x), let py = pixelY(y) else { return nil }
        return (px, py)
    }

    /// Where `value` lies between the ends of `domain`: 0 at the lower end, 1 at the upper.
    static func fraction(of value: Double, in domain: ClosedRange<Double>, scale: Axis.Scale) -> Double? {
        guard value.isFinite else { return nil }
        let result: Double
        switch scale {
        case .linear:
            result = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .logarithmic:
            guard value > 0, domain.lowerBound > 0 else { return nil }
            let low = log10(domain.lowerBound)
            result = (log10(value) - low) / (log10(domain.upperBound) - low)
        }
        return result.isFinite ? result : nil
    }

    /// The pixel polylines of the points `(x[i], y[i])`: a point that cannot be placed ends the
    /// current piece.
    func segments(x: [Double], y: [Double]) -> [[(x: Double, y: Double)]] {
        var pieces: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for index in 0..<min(x.count, y.count) {
            if let point = pixel(x: x[index], y: y[index]) {
                current.append(point)
            } else if !current.isEmpty {
                pieces.append(current)
                current = []
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    // MARK: - Ranges

    /// The axis' fixed range when it is usable on its scale.
    static func fixedRange(of axis: Axis) -> ClosedRange<Double>? {
        guard let range = axis.range, range.lowerBound.isFinite, range.upperBound.isFinite else { return nil }
        if axis.scale == .logarithmic, range.lowerBound <= 0 { return nil }
        return range
    }

    /// The span of an axis: the fixed range, or the data with a 4 % margin, or a default when
    /// there are no data; widened when it has no length.
    static func domain(for axis: Axis, data: DataExtent.Span?) -> ClosedRange<Double> {
        let margin = 0.04
        if let fixed = fixedRange(of: axis) {
            return widened(fixed.lowerBound, fixed.upperBound, scale: axis.scale) ?? fixed
        }
        guard let data else { return axis.scale == .linear ? 0...1 : 1...10 }
        if let flat = widened(data.min, data.max, scale: axis.scale) { return flat }
        switch axis.scale {
        case .linear:
            let pad = margin * (data.max - data.min)
            guard pad.isFinite else { return data.min...data.max }
            return (data.min - pad)...(data.max + pad)
        case .logarithmic:
            let low = log10(data.min), high = log10(data.max)
            let pad = margin * (high - low)
            let lower = pow(10, low - pad), upper = pow(10, high + pad)
            guard lower > 0, upper.isFinite else { return data.min...data.max }
            return lower...upper
        }
    }

    /// A span around `low...high` when it has (next to) no length, otherwise `nil`: ±10 % of the
    /// value (±1 around zero) on a linear axis, a decade either side on a logarithmic one.
    static func widened(_ low: Double, _ high: Double, scale: Axis.Scale) -> ClosedRange<Double>? {
        switch scale {
        case .linear:
            guard high - low <= 1e-12 * max(abs(low), abs(high)) else { return nil }
            let center = low / 2 + high / 2
            let half = center == 0 ? 1 : abs(center) * 0.1
            return (center - half)...(center + half)
        case .logarithmic:
            guard log10(high) - log10(low) <= 1e-12 else { return nil }
            return (low / 10)...(high * 10)
        }
    }

    static func ticks(for scale: Axis.Scale, in domain: ClosedRange<Double>) -> [Tick] {
        switch scale {
        case .linear: Ticks.linear(in: domain)
        case .logarithmic: Ticks.logarithmic(in: domain)
        }
    }

    /// `value` when it is a usable size in pixels, otherwise `fallback`.
    static func sanitized(_ value: Double, fallback: Double) -> Double {
        value.isFinite && value >= 1 ? min(value, 100_000) : fallback
    }
}

extension LinePlot {
    /// The layout of this plot in a panel of `width × height` pixels: plot area, axis domains,
    /// ticks, legend box and the data-to-pixel mapping that ``svg(width:height:)`` uses.
    public func layout(width: Double = 640, height: Double = 400) -> PlotLayout {
        let width = PlotLayout.sanitized(width, fallback: 640)
        let height = PlotLayout.sanitized(height, fallback: 400)
        let extent = DataExtent(self)
        let xDomain = PlotLayout.domain(for: xAxis, data: extent.x)
        let yDomain = PlotLayout.domain(for: yAxis, data: extent.y)
        let xTicks = PlotLayout.ticks(for: xAxis.scale, in: xDomain)
        let yTicks = PlotLayout.ticks(for: yAxis.scale, in: yDomain)

        let tickFont = LinePlot.tickFontSize
        let top = title.isEmpty ? 14.0 : 38.0
        let yTickWidth = yTicks.map { SVGWriter.textWidth($0.label, fontSize: tickFont) }.max() ?? 0
        let left = 10 + (yAxis.label.isEmpty ? 0 : 22) + yTickWidth + 10
        let bottom = 4 + 14 + (xAxis.label.isEmpty ? 0 : 22) + 10.0
        let lastXLabel = xTicks.last.map { SVGWriter.textWidth($0.label, fontSize: tickFont) / 2 } ?? 0
        let insideRight = max(16, lastXLabel + 6)

        let entries = SeriesStyles(self).legendEntries
        let legendSize = LegendLayout.size(of: entries)
        func area(right: Double) -> PlotLayout.Rect {
            PlotLayout.Rect(
                x: left, y: top,
                width: max(10, width - left - right), height: max(10, height - top - bottom))
        }
        var plotArea = area(right: insideRight)
        var legend: LegendLayout?
        if !entries.isEmpty {
            let outside: Bool
            switch self.legend {
            case .insideTopRight: outside = false
            case .outsideRight: outside = true
            case .automatic:
                outside = legendSize.width > 0.45 * plotArea.width || legendSize.height > 0.6 * plotArea.height
            }
            let frame: PlotLayout.Rect
            if outside {
                plotArea = area(right: legendSize.width + 24)
                frame = PlotLayout.Rect(
                    x: plotArea.maxX + 14, y: plotArea.y, width: legendSize.width, height: legendSize.height)
            } else {
                frame = PlotLayout.Rect(
                    x: plotArea.maxX - legendSize.width - 8, y: plotArea.y + 8,
                    width: legendSize.width, height: legendSize.height)
            }
            legend = LegendLayout(entries: entries, frame: frame)
        }

        return PlotLayout(
            width: width, height: height, plotArea: plotArea,
            xScale: xAxis.scale, yScale: yAxis.scale, xDomain: xDomain, yDomain: yDomain,
            xTicks: xTicks, yTicks: yTicks, legend: legend)
    }
}
