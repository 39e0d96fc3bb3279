import Testing
@testable import Plots

/// Figures: grids of panels with a title and a footer.
@Suite struct FigureTests {
    func panel(_ title: String, scale: Axis.Scale = .linear) -> LinePlot {
        LinePlot(
            title: title, xAxis: Axis(label: "time (h)"), yAxis: Axis(label: "response (%)", scale: scale),
            lines: [LineSeries(name: "model", x: [0, 1, 2, 3], y: [1, 4, 9, 16])],
            observations: [ObservedSeries(name: "observed", x: [1, 2], y: [5, 8], yError: [1, 2])])
    }

    @Test func panelsFormAGridWithTitleAndFooter() throws {
        let footer = "Research and education software, not medical advice."
        let figure = Figure(
            title: "Tolerance & hyperalgesia", panels: [panel("A"), panel("B", scale: .logarithmic), panel("C")],
            columns: 2, footer: footer)
        #expect(figure.grid.columns == 2 && figure.grid.rows == 2)
        let svg = figure.svg(panelWidth: 400, panelHeight: 300)
        let inspector = try #require(SVGInspector.parse(svg))
        let root = try #require(inspector.elements.first)
        #expect(root.attributes["width"] == "800")
        #expect(root.attributes["height"] == SVGWriter.number(Figure.titleHeight + 600 + Figure.footerHeight))
        #expect(inspector.elements(named: "g").filter { $0.attributes["class"] == "panel" }.map { $0.attributes["transform"] }
            == ["translate(0 40)", "translate(400 40)", "translate(0 340)"])
        #expect(inspector.elements(named: "text", inClass: "footer").map(\.text) == [footer])
        #expect(inspector.elements(named: "text", inClass: "figure-title").map(\.text) == ["Tolerance & hyperalgesia"])
        #expect(inspector.elements(named: "text", inClass: "title").map(\.text) == ["A", "B", "C"])
        // Every panel keeps its legend, and ids stay unique in the document.
        #expect(inspector.elements(named: "text", inClass: "legend").map(\.text).count == 6)
        let ids = inspector.elements.compactMap { $0.attributes["id"] }
        #expect(ids.count == 3 && Set(ids).count == 3)
    }

    @Test func footerIsTheLastLine() throws {
        let figure = Figure(title: "", panels: [panel("A")], footer: "bottom line")
        let inspector = try #require(SVGInspector.parse(figure.svg()))
        let footer = try #require(inspector.elements(named: "text", inClass: "footer").first)
        let height = try #require(Double(inspector.elements.first!.attributes["height"]!))
        let baselines = inspector.elements(named: "text").compactMap { $0.attributes["y"].flatMap(Double.init) }
        #expect(Double(footer.attributes["y"]!)! == baselines.max())
        #expect(Double(footer.attributes["y"]!)! < height)
    }

    /// A footer wider than the figure wraps, whole sentences first (the disclaimer stays whole):
    /// every word kept, in order, no line wider than the figure, the figure taller by the extra
    /// lines, the last line at the bottom.
    @Test func longFootersWrapInsideTheFigure() throws {
        let footer = "Westerling D et al., Pain Res Manag 1996;1:86-92; Angst MS et al., Anesthesiology 2001;94:63. "
            + "Wean is research and education software, not medical advice."
        let figure = Figure(title: "T", panels: [panel("A")], footer: footer)
        let inspector = try #require(SVGInspector.parse(figure.svg(panelWidth: 640, panelHeight: 400)))
        let lines = inspector.elements(named: "text", inClass: "footer")
        #expect(lines.map(\.text).last == "Wean is research and education software, not medical advice.")
        #expect(lines.map(\.text).joined(separator: " ") == footer)
        #expect(lines.allSatisfy { SVGWriter.textWidth($0.text, fontSize: Figure.footerFontSize) <= 640 - 20 })
        let height = try #require(Double(inspector.elements.first!.attributes["height"]!))
        #expect(height == Figure.titleHeight + 400 + Figure.footerHeight + Figure.footerLineHeight)
        let ys = lines.compactMap { $0.attributes["y"].flatMap(Double.init) }
        #expect(ys == ys.sorted() && ys.last! < height)
        // A single word wider than the figure keeps a line of its own; empty text is one empty line.
        #expect(Figure.wrapped(String(repeating: "x", count: 200) + " y", width: 100, fontSize: 11) == [String(repeating: "x", count: 200), "y"])
        #expect(Figure.wrapped("", width: 100, fontSize: 11) == [""])
        // A sentence too long for a line wraps at spaces, continuing the line before it.
        #expect(Figure.wrapped("Aa. bb cc dd ee.", width: 40, fontSize: 10) == ["Aa. bb", "cc dd", "ee."])
    }

    @Test func columnsAreClampedAndEmptyFiguresSayNoData() throws {
        #expect(Figure(title: "", panels: [panel("A")], columns: 0).grid == (1, 1))
        #expect(Figure(title: "", panels: [panel("A"), panel("B")], columns: 5).grid == (2, 1))
        let empty = Figure(title: "Empty <figure>", panels: [], footer: "f")
        let inspector = try #require(SVGInspector.parse(empty.svg()))
        #expect(inspector.texts.contains("no data"))
        #expect(inspector.texts.contains("Empty <figure>"))
    }

    @Test func standalonePlotsGetDistinctIds() throws {
        let a = try #require(SVGInspector.parse(panel("A").svg()))
        let b = try #require(SVGInspector.parse(panel("B").svg()))
        let idA = a.elements(named: "clipPath").first?.attributes["id"]
        let idB = b.elements(named: "clipPath").first?.attributes["id"]
        #expect(idA != nil && idA != idB)
    }
}
