/// The colours, markers and legend entries of a plot's series, assigned in order.
///
/// Lines take palette colours 0, 1, 2, …; an observed series named like a line takes that
/// line's colour (and joins its legend entry), other observed series take the next colours;
/// a band named like a line or observed series takes its colour, another named band the next
/// colour, an unnamed band grey.
struct SeriesStyles: Sendable, Equatable {
    var lineColors: [String] = []
    var observationColors: [String] = []
    var observationMarkers: [ObservedSeries.Marker] = []
    var bandColors: [String] = []
    var legendEntries: [LegendEntry] = []

    init(_ plot: LinePlot) {
        var next = 0
        var lineIndexByName: [String: Int] = [:]
        for (index, line) in plot.lines.enumerated() {
            lineColors.append(Palette.color(at: next))
            next += 1
            if lineIndexByName[line.name] == nil { lineIndexByName[line.name] = index }
        }

        var observationIndexByName: [String: Int] = [:]
        var mergedMarkers: [Int: ObservedSeries.Marker] = [:]  // line index → marker of its observations
        var standaloneObservations: [Int] = []
        for (index, observed) in plot.observations.enumerated() {
            let marker = observed.marker ?? ObservedSeries.Marker.allCases[index % ObservedSeries.Marker.allCases.count]
            observationMarkers.append(marker)
            if let lineIndex = lineIndexByName[observed.name], !observed.name.isEmpty {
                observationColors.append(lineColors[lineIndex])
                if mergedMarkers[lineIndex] == nil { mergedMarkers[lineIndex] = marker }
            } else {
                observationColors.append(Palette.color(at: next))
                next += 1
                standaloneObservations.append(index)
            }
            if observationIndexByName[observed.name] == nil { observationIndexByName[observed.name] = index }
        }

        var namedBands: [Int] = []
        for (index, band) in plot.bands.enumerated() {
            if band.name.isEmpty {
                bandColors.append(Palette.neutralBand)
            } else if let lineIndex = lineIndexByName[band.name] {
                bandColors.append(lineColors[lineIndex])
            } else if let observationIndex = observationIndexByName[band.name] {
                bandColors.append(observationColors[observationIndex])
            } else {
                bandColors.append(Palette.color(at: next))
                next += 1
                namedBands.append(index)
            }
        }

        for (index, line) in plot.lines.enumerated() where !line.name.isEmpty {
            let marker = lineIndexByName[line.name] == index ? mergedMarkers[index] : nil
            legendEntries.append(LegendEntry(
                name: line.name, color: lineColors[index], kind: .line(dashed: line.dashed, marker: marker)))
        }
        for index in standaloneObservations where !plot.observations[index].name.isEmpty {
            legendEntries.append(LegendEntry(
                name: plot.observations[index].name, color: observationColors[index],
                kind: .marker(observationMarkers[index])))
        }
        for index in namedBands {
            legendEntries.append(LegendEntry(name: plot.bands[index].name, color: bandColors[index], kind: .band))
        }
    }
}
