extension LinePlot {
    /// Draws the panel into `svg` at the origin of the current coordinate system. `idPrefix`
    /// names the clip path and must be unique in the document.
    func render(into svg: inout SVGWriter, layout: PlotLayout, idPrefix: String) {
        let n = SVGWriter.number
        let area = layout.plotArea
        let styles = SeriesStyles(self)
        let clipID = idPrefix + "-clip"

        svg.element("rect", [
            ("class", "background"), ("width", n(layout.width)), ("height", n(layout.height)), ("fill", "#FFFFFF"),
        ])
        if !title.isEmpty {
            // Centred over the plot area, but moved inwards when that would cut it at an edge.
            let halfWidth = SVGWriter.textWidth(title, fontSize: Self.titleFontSize) * 1.05 / 2
            let titleX = max(min(area.midX, layout.width - halfWidth - 6), halfWidth + 6)
            svg.element("text", [
                ("class", "title"), ("x", n(halfWidth * 2 + 12 > layout.width ? layout.width / 2 : titleX)), ("y", "24"), ("text-anchor", "middle"),
                ("font-size", n(Self.titleFontSize)), ("font-weight", "bold"), ("fill", Palette.text),
            ], text: title)
        }

        renderGrid(into: &svg, layout: layout)

        svg.open("defs")
        svg.open("clipPath", [("id", clipID)])
        svg.element("rect", [("x", n(area.x)), ("y", n(area.y)), ("width", n(area.width)), ("height", n(area.height))])
        svg.close("clipPath")
        svg.close("defs")

        svg.open("g", [("class", "data"), ("clip-path", "url(#\(clipID))")])
        for (index, band) in bands.enumerated() {
            renderBand(band, color: styles.bandColors[index], into: &svg, layout: layout)
        }
        for (index, line) in lines.enumerated() {
            renderLine(line, color: styles.lineColors[index], into: &svg, layout: layout)
        }
        for (index, observed) in observations.enumerated() {
            renderErrorBars(observed, color: styles.observationColors[index], into: &svg, layout: layout)
        }
        for (index, observed) in observations.enumerated() {
            renderMarkers(
                observed, marker: styles.observationMarkers[index], color: styles.observationColors[index],
                into: &svg, layout: layout)
        }
        svg.close("g")

        renderAxes(into: &svg, layout: layout)
        layout.legend?.render(into: &svg)

        if !hasData {
            svg.element("text", [
                ("class", "no-data"), ("x", n(area.midX)), ("y", n(area.midY + 5)), ("text-anchor", "middle"),
                ("font-size", "14"), ("fill", Palette.mutedText),
            ], text: "no data")
        }
    }

    private func renderGrid(into svg: inout SVGWriter, layout: PlotLayout) {
        let n = SVGWriter.number
        let area = layout.plotArea
        var d = ""
        for tick in layout.xTicks {
            if let x = layout.pixelX(tick.value) { d += "M\(n(x)) \(n(area.y))V\(n(area.maxY))" }
        }
        for tick in layout.yTicks {
            if let y = layout.pixelY(tick.value) { d += "M\(n(area.x)) \(n(y))H\(n(area.maxX))" }
        }
        guard !d.isEmpty else { return }
        svg.element("path", [("class", "grid"), ("d", d), ("fill", "none"), ("stroke", Palette.grid), ("stroke-width", "1")])
    }

    private func renderBand(_ band: Band, color: String, into svg: inout SVGWriter, layout: PlotLayout) {
        var pieces: [[(x: Double, low: Double, high: Double)]] = []
        var current: [(x: Double, low: Double, high: Double)] = []
        for index in 0..<min(band.x.count, band.lower.count, band.upper.count) {
            if let x = layout.pixelX(band.x[index]),
               let low = layout.pixelY(band.lower[index]),
               let high = layout.pixelY(band.upper[index]) {
                current.append((x, low, high))
            } else if !current.isEmpty {
                pieces.append(current)
                current = []
            }
        }
        if !current.isEmpty { pieces.append(current) }
        let drawable = pieces.filter { $0.count >= 2 }
        guard !drawable.isEmpty else { return }

        var attributes: [(String, String)] = [("class", "band")]
        if !band.name.isEmpty { attributes.append(("data-name", band.name)) }
        attributes += [("fill", color), ("fill-opacity", "0.18"), ("stroke", "none")]
        svg.open("g", attributes)
        for piece in drawable {
            let outline = piece.map { ($0.x, $0.high) } + piece.reversed().map { ($0.x, $0.low) }
            svg.element("polygon", [("points", Self.pointList(outline))])
        }
        svg.close("g")
    }

    private func renderLine(_ line: LineSeries, color: String, into svg: inout SVGWriter, layout: PlotLayout) {
        let pieces = layout.segments(x: line.x, y: line.y)
        guard !pieces.isEmpty else { return }
        var attributes: [(String, String)] = [("class", "line")]
        if !line.name.isEmpty { attributes.append(("data-name", line.name)) }
        attributes += [
            ("fill", "none"), ("stroke", color), ("stroke-width", SVGWriter.number(Self.lineWidth)),
            ("stroke-linejoin", "round"),
        ]
        attributes.append(line.dashed ? ("stroke-dasharray", Self.dashPattern) : ("stroke-linecap", "round"))
        svg.open("g", attributes)
        for piece in pieces {
            if piece.count == 1 {
                // An isolated point would vanish as a one-point polyline: mark it with a dot.
                svg.element("circle", [
                    ("cx", SVGWriter.number(piece[0].x)), ("cy", SVGWriter.number(piece[0].y)),
                    ("r", SVGWriter.number(Self.lineWidth)), ("fill", color), ("stroke", "none"),
                ])
            } else {
                svg.element("polyline", [("points", Self.pointList(piece.map { ($0.x, $0.y) }))])
            }
        }
        svg.close("g")
    }

    private func renderErrorBars(_ observed: ObservedSeries, color: String, into svg: inout SVGWriter, layout: PlotLayout) {
        let n = SVGWriter.number
        let cap = Self.capHalfWidth
        var d = ""
        for index in 0..<min(observed.x.count, observed.y.count) {
            guard let point = layout.pixel(x: observed.x[index], y: observed.y[index]) else { continue }
            var top: (y: Double, capped: Bool)?
            var bottom: (y: Double, capped: Bool)?
            if let upper = observed.yUpper, index < upper.count {
                top = endOfBar(upper[index], layout: layout)
            }
            if let lower = observed.yLower, index < lower.count {
                bottom = endOfBar(lower[index], layout: layout)
            }
            for end in [top, bottom].compactMap({ $0 }) {
                d += "M\(n(point.x)) \(n(point.y))V\(n(end.y))"
                if end.capped { d += "M\(n(point.x - cap)) \(n(end.y))H\(n(point.x + cap))" }
            }
        }
        guard !d.isEmpty else { return }
        var attributes: [(String, String)] = [("class", "error-bars")]
        if !observed.name.isEmpty { attributes.append(("data-name", observed.name)) }
        attributes += [("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", "1.2")]
        svg.element("path", attributes)
    }

    /// The pixel y where an error bar ends for the bound `value`, and whether it gets a cap:
    /// none for a non-finite bound; the bottom of the plot area, uncapped, for a bound of zero or
    /// below on a logarithmic axis.
    private func endOfBar(_ value: Double, layout: PlotLayout) -> (y: Double, capped: Bool)? {
        if let y = layout.pixelY(value) { return (y, true) }
        if yAxis.scale == .logarithmic, value.isFinite, value <= 0 { return (layout.plotArea.maxY, false) }
        return nil
    }

    private func renderMarkers(
        _ observed: ObservedSeries, marker: ObservedSeries.Marker, color: String,
        into svg: inout SVGWriter, layout: PlotLayout
    ) {
        let points = (0..<min(observed.x.count, observed.y.count)).compactMap {
            layout.pixel(x: observed.x[$0], y: observed.y[$0])
        }
        guard !points.isEmpty else { return }
        var attributes: [(String, String)] = [("class", "observations")]
        if !observed.name.isEmpty { attributes.append(("data-name", observed.name)) }
        svg.open("g", attributes)
        for point in points { marker.render(into: &svg, x: point.x, y: point.y, color: color) }
        svg.close("g")
    }

    private func renderAxes(into svg: inout SVGWriter, layout: PlotLayout) {
        let n = SVGWriter.number
        let area = layout.plotArea
        let tickLength = 4.0

        var d = "M\(n(area.x)) \(n(area.y))V\(n(area.maxY))H\(n(area.maxX))"
        let xTicks = layout.xTicks.compactMap { tick in layout.pixelX(tick.value).map { (tick, $0) } }
        let yTicks = layout.yTicks.compactMap { tick in layout.pixelY(tick.value).map { (tick, $0) } }
        for (_, x) in xTicks { d += "M\(n(x)) \(n(area.maxY))v\(n(tickLength))" }
        for (_, y) in yTicks { d += "M\(n(area.x)) \(n(y))h\(n(-tickLength))" }
        svg.element("path", [("class", "axes"), ("d", d), ("fill", "none"), ("stroke", Palette.axis), ("stroke-width", "1")])

        svg.open("g", [("class", "tick-labels"), ("font-size", n(Self.tickFontSize)), ("fill", Palette.text)])
        for (tick, x) in xTicks {
            svg.element("text", [
                ("x", n(x)), ("y", n(area.maxY + tickLength + 13)), ("text-anchor", "middle"),
            ], text: tick.label)
        }
        for (tick, y) in yTicks {
            svg.element("text", [
                ("x", n(area.x - tickLength - 4)), ("y", n(y + Self.tickFontSize * 0.35)), ("text-anchor", "end"),
            ], text: tick.label)
        }
        svg.close("g")

        if !xAxis.label.isEmpty {
            svg.element("text", [
                ("class", "axis-label"), ("x", n(area.midX)), ("y", n(area.maxY + tickLength + 13 + 21)),
                ("text-anchor", "middle"), ("font-size", n(Self.labelFontSize)), ("fill", Palette.text),
            ], text: xAxis.label)
        }
        if !yAxis.label.isEmpty {
            svg.element("text", [
                ("class", "axis-label"), ("transform", "translate(22 \(n(area.midY))) rotate(-90)"),
                ("text-anchor", "middle"), ("font-size", n(Self.labelFontSize)), ("fill", Palette.text),
            ], text: yAxis.label)
        }
    }

    /// `x,y x,y …` with at most two decimals, consecutive points that round to the same pixel
    /// position written once.
    static func pointList(_ points: [(Double, Double)]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(points.count)
        var previous = ""
        for (x, y) in points {
            let part = SVGWriter.number(x) + "," + SVGWriter.number(y)
            if part != previous { parts.append(part) }
            previous = part
        }
        return parts.joined(separator: " ")
    }
}
