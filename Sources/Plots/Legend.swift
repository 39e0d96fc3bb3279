/// One row of a plot's legend: a sample of how the series is drawn, and its name.
struct LegendEntry: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A model line, solid or dashed, with the marker of observations that share its name.
        case line(dashed: Bool, marker: ObservedSeries.Marker?)
        /// Observed points on their own.
        case marker(ObservedSeries.Marker)
        /// A shaded band.
        case band
    }

    var name: String
    var color: String
    var kind: Kind
}

/// The size and place of a legend box in panel pixels.
struct LegendLayout: Sendable, Equatable {
    static let fontSize = 12.0
    static let rowHeight = 18.0
    static let padding = 7.0
    static let sampleWidth = 26.0
    static let gap = 6.0

    var entries: [LegendEntry]
    var frame: PlotLayout.Rect

    /// The width and height the entries need.
    static func size(of entries: [LegendEntry]) -> (width: Double, height: Double) {
        let textWidth = entries.map { SVGWriter.textWidth($0.name, fontSize: fontSize) }.max() ?? 0
        return (2 * padding + sampleWidth + gap + textWidth, 2 * padding + rowHeight * Double(entries.count) - 4)
    }

    /// Draws the box, a sample of each series and its name.
    func render(into svg: inout SVGWriter) {
        let n = SVGWriter.number
        svg.open("g", [("class", "legend"), ("font-size", n(Self.fontSize)), ("fill", Palette.text)])
        svg.element("rect", [
            ("x", n(frame.x)), ("y", n(frame.y)), ("width", n(frame.width)), ("height", n(frame.height)),
            ("rx", "3"), ("fill", "#FFFFFF"), ("fill-opacity", "0.85"), ("stroke", Palette.legendFrame),
        ])
        for (row, entry) in entries.enumerated() {
            let centerY = frame.y + Self.padding + Self.rowHeight * Double(row) + (Self.rowHeight - 4) / 2
            let sampleX = frame.x + Self.padding
            switch entry.kind {
            case .band:
                svg.element("rect", [
                    ("x", n(sampleX)), ("y", n(centerY - 5)), ("width", n(Self.sampleWidth)), ("height", "10"),
                    ("fill", entry.color), ("fill-opacity", "0.25"),
                ])
            case .line(let dashed, let marker):
                var attributes: [(String, String)] = [
                    ("x1", n(sampleX)), ("y1", n(centerY)), ("x2", n(sampleX + Self.sampleWidth)), ("y2", n(centerY)),
                    ("stroke", entry.color), ("stroke-width", "2"),
                ]
                if dashed { attributes.append(("stroke-dasharray", LinePlot.dashPattern)) }
                svg.element("line", attributes)
                if let marker { marker.render(into: &svg, x: sampleX + Self.sampleWidth / 2, y: centerY, color: entry.color) }
            case .marker(let marker):
                marker.render(into: &svg, x: sampleX + Self.sampleWidth / 2, y: centerY, color: entry.color)
            }
            svg.element("text", [
                ("x", n(sampleX + Self.sampleWidth + Self.gap)), ("y", n(centerY + Self.fontSize * 0.35)),
            ], text: entry.name)
        }
        svg.close("g")
    }
}
