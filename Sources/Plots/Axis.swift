/// One axis of a ``LinePlot``: its label, its scale and, optionally, a fixed range.
///
/// The label is drawn as given, so it should carry the unit: `"time (h)"`,
/// `"plasma concentration (ng/mL)"`. Without a fixed ``range`` the axis spans everything the
/// plot draws (model lines, observed points together with their error bars, tolerance bands)
/// plus a small margin of 4 % of the span on each side (measured in decades on a logarithmic
/// axis). When every value is the same, the axis is widened around it so that it still has a
/// length and ticks.
///
/// ```swift
/// let time = Axis(label: "time (h)")
/// let dose = Axis(label: "dose (mg/kg)", scale: .logarithmic, range: 0.1...100)
/// ```
public struct Axis: Sendable, Equatable {
    /// How data values map to positions along an axis.
    public enum Scale: Sendable, Equatable, Hashable, CaseIterable {
        /// Equal differences take equal lengths; ticks at 1, 2 or 5 × 10^k steps.
        case linear
        /// Equal ratios take equal lengths; ticks at powers of ten (with 2 and 5 between them
        /// when the axis spans few decades). Values that are zero or negative cannot be placed
        /// and are left out of the drawing.
        case logarithmic
    }

    /// The text under the horizontal axis or beside the vertical one, unit included.
    public var label: String
    /// Linear or logarithmic placement of values.
    public var scale: Scale
    /// A fixed span in data units, or `nil` to fit the data. A fixed range is used exactly
    /// (no margin); data outside it are clipped at the edge of the plot area. On a logarithmic
    /// axis a range whose lower bound is not positive is ignored, and so is a range with an
    /// infinite bound.
    public var range: ClosedRange<Double>?

    /// An axis with the given label, scale (linear unless said otherwise) and optional fixed
    /// range in data units.
    public init(label: String, scale: Scale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }

    /// Whether `value` can be placed on this axis: finite, and positive on a logarithmic one.
    public func canPlace(_ value: Double) -> Bool {
        switch scale {
        case .linear: value.isFinite
        case .logarithmic: value.isFinite && value > 0
        }
    }
}
