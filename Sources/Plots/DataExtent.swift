/// The smallest and largest values a plot draws along each axis: line points, observed points
/// and their error-bar bounds, band edges — only values that can be placed on the axis.
/// When the horizontal axis has a fixed range, the vertical extent counts only points inside it.
struct DataExtent: Sendable, Equatable {
    struct Span: Sendable, Equatable {
        var min: Double
        var max: Double
    }

    var x: Span?
    var y: Span?

    init(_ plot: LinePlot) {
        let xAxis = plot.xAxis, yAxis = plot.yAxis
        let window = PlotLayout.fixedRange(of: xAxis)
        func visible(_ value: Double) -> Bool { window.map { $0.contains(value) } ?? true }

        for line in plot.lines {
            for index in 0..<min(line.x.count, line.y.count) {
                let px = line.x[index], py = line.y[index]
                guard xAxis.canPlace(px), yAxis.canPlace(py) else { continue }
                include(x: px)
                if visible(px) { include(y: py) }
            }
        }
        for observed in plot.observations {
            for index in 0..<min(observed.x.count, observed.y.count) {
                let px = observed.x[index], py = observed.y[index]
                guard xAxis.canPlace(px), yAxis.canPlace(py) else { continue }
                include(x: px)
                guard visible(px) else { continue }
                include(y: py)
                for bounds in [observed.yLower, observed.yUpper] {
                    if let bounds, index < bounds.count, yAxis.canPlace(bounds[index]) { include(y: bounds[index]) }
                }
            }
        }
        for band in plot.bands {
            for index in 0..<min(band.x.count, band.lower.count, band.upper.count) {
                let px = band.x[index], low = band.lower[index], high = band.upper[index]
                guard xAxis.canPlace(px), yAxis.canPlace(low), yAxis.canPlace(high) else { continue }
                include(x: px)
                if visible(px) {
                    include(y: low)
                    include(y: high)
                }
            }
        }
    }

    /// Whether anything at all can be drawn.
    var isEmpty: Bool { x == nil }

    private mutating func include(x value: Double) { Self.include(value, in: &x) }
    private mutating func include(y value: Double) { Self.include(value, in: &y) }

    private static func include(_ value: Double, in span: inout Span?) {
        if var current = span {
            current.min = Swift.min(current.min, value)
            current.max = Swift.max(current.max, value)
            span = current
        } else {
            span = Span(min: value, max: value)
        }
    }
}
