/// A model curve in a ``LinePlot``: points joined by straight segments, in the order given.
///
/// `x` and `y` are in the data units of the plot's axes and are paired by index; extra values
/// in the longer array are ignored. A point that cannot be placed — a non-finite coordinate, or
/// a coordinate that is zero or negative on a logarithmic axis — is left out and breaks the
/// curve, so the curve is drawn as separate pieces on either side of it.
///
/// ```swift
/// let model = LineSeries(name: "model", x: times, y: concentrations)
/// let lowerDose = LineSeries(name: "model, half dose", x: times, y: halved, dashed: true)
/// ```
public struct LineSeries: Sendable, Equatable {
    /// The name shown in the legend. An ``ObservedSeries`` with the same name is drawn in this
    /// line's colour and shares its legend entry. An empty name keeps the line out of the legend.
    public var name: String
    /// Horizontal positions, data units.
    public var x: [Double]
    /// Vertical positions, data units.
    public var y: [Double]
    /// Whether the line is drawn dashed (for example a second scenario) rather than solid.
    public var dashed: Bool

    /// A curve through the points `(x[i], y[i])`, solid unless `dashed`.
    public init(name: String, x: [Double], y: [Double], dashed: Bool = false) {
        self.name = name
        self.x = x
        self.y = y
        self.dashed = dashed
    }
}
