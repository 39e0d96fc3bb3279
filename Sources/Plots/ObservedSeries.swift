/// Observed (published or measured) values in a ``LinePlot``: one marker per point, with an
/// optional vertical error bar.
///
/// `x`, `y` and the optional bounds `yLower` and `yUpper` are in the data units of the plot's
/// axes and are paired by index. A point is drawn when both of its coordinates can be placed on
/// the axes (finite, and positive on a logarithmic axis). Its error bar runs from `yLower[i]` to
/// `yUpper[i]` with a small cap at each end; a missing or non-finite bound is left out, and a
/// lower bound of zero or below on a logarithmic axis runs the bar to the bottom of the plot area
/// without a cap.
///
/// ```swift
/// // Mean ± SD from a paper:
/// let published = ObservedSeries(name: "Smith 2010", x: [0.5, 1, 2, 4], y: means, yError: sds)
/// ```
public struct ObservedSeries: Sendable, Equatable {
    /// The shape drawn at each observed point.
    public enum Marker: String, Sendable, Equatable, Hashable, CaseIterable {
        case circle, square, triangle, diamond, cross
    }

    /// The name shown in the legend. A ``LineSeries`` with the same name lends this series its
    /// colour and legend entry. An empty name keeps the series out of the legend.
    public var name: String
    /// Horizontal positions, data units.
    public var x: [Double]
    /// Observed values, data units.
    public var y: [Double]
    /// Lower ends of the error bars, data units, or `nil` for none.
    public var yLower: [Double]?
    /// Upper ends of the error bars, data units, or `nil` for none.
    public var yUpper: [Double]?
    /// The marker shape, or `nil` to take the next shape in ``Marker/allCases`` order by the
    /// series' position among the plot's observations.
    public var marker: Marker?

    /// Observed points `(x[i], y[i])` with optional error-bar bounds `yLower[i]...yUpper[i]`.
    public init(
        name: String, x: [Double], y: [Double],
        yLower: [Double]? = nil, yUpper: [Double]? = nil, marker: Marker? = nil
    ) {
        self.name = name
        self.x = x
        self.y = y
        self.yLower = yLower
        self.yUpper = yUpper
        self.marker = marker
    }

    /// Observed points with symmetric error bars `y[i] ± yError[i]` (an SD or SEM as reported).
    public init(name: String, x: [Double], y: [Double], yError: [Double], marker: Marker? = nil) {
        let count = min(y.count, yError.count)
        self.init(
            name: name, x: x, y: y,
            yLower: (0..<count).map { y[$0] - yError[$0] },
            yUpper: (0..<count).map { y[$0] + yError[$0] },
            marker: marker)
    }
}
