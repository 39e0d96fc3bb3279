/// A shaded region between two curves in a ``LinePlot``, such as a tolerance band or a
/// prediction interval, drawn behind the lines.
///
/// `x`, `lower` and `upper` are in the data units of the plot's axes and are paired by index.
/// A position where any of the three cannot be placed on the axes breaks the band into separate
/// pieces. A band named like a ``LineSeries`` takes that line's colour (lighter); a band with its
/// own name gets the next palette colour and a legend entry; an unnamed band is grey.
public struct Band: Sendable, Equatable {
    /// The legend name, or the name of the line the band belongs to; empty for none.
    public var name: String
    /// Horizontal positions, data units.
    public var x: [Double]
    /// The lower edge, data units.
    public var lower: [Double]
    /// The upper edge, data units.
    public var upper: [Double]

    /// A band from `lower[i]` to `upper[i]` at each `x[i]`.
    public init(name: String = "", x: [Double], lower: [Double], upper: [Double]) {
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
    }
}
