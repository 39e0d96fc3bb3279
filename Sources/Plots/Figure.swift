/// Several ``LinePlot`` panels arranged in a grid, with an overall title above and an optional
/// footer line below, drawn as one SVG document.
///
/// Panels fill the grid row by row, `columns` to a row; every panel gets the same size in
/// pixels. The footer is small text at the bottom, meant for provenance and disclaimers; it wraps
/// at spaces onto as many lines as the figure's width needs, so none of it is cut off.
///
/// ```swift
/// let figure = Figure(
///     title: "Tolerance after 7 days of morphine",
///     panels: [plasma, tailFlick],
///     columns: 2,
///     footer: "Research and education software, not medical advice.")
/// let document = figure.svg(panelWidth: 480, panelHeight: 320)
/// ```
public struct Figure: Sendable, Equatable {
    /// The heading above all panels; empty for none.
    public var title: String
    /// The panels, in reading order.
    public var panels: [LinePlot]
    /// Panels per row, at least one (values below one count as one).
    public var columns: Int
    /// The text at the bottom (wrapped to the width), or `nil` for none.
    public var footer: String?

    /// A figure of `panels`, `columns` to a row, under `title`, with an optional `footer`.
    public init(title: String, panels: [LinePlot], columns: Int = 1, footer: String? = nil) {
        self.title = title
        self.panels = panels
        self.columns = columns
        self.footer = footer
    }

    /// The columns and rows of the grid (one empty cell when there are no panels).
    public var grid: (columns: Int, rows: Int) {
        let columns = max(1, min(self.columns, max(1, panels.count)))
        let rows = max(1, (panels.count + columns - 1) / columns)
        return (columns, rows)
    }

    static let titleHeight = 40.0
    /// The strip of a one-line footer; each further line adds `footerLineHeight`.
    static let footerHeight = 28.0
    static let footerLineHeight = 14.0
    static let footerFontSize = 11.0

    /// `text` broken into lines no wider than `width` pixels: whole sentences where they fit (so a
    /// disclaimer stays in one piece), otherwise at spaces; a word longer than the width keeps a
    /// line of its own.
    static func wrapped(_ text: String, width: Double, fontSize: Double) -> [String] {
        func fits(_ line: String) -> Bool { SVGWriter.textWidth(line, fontSize: fontSize) <= width }
        var lines: [String] = []
        var line = ""
        func add(_ piece: String) {
            let candidate = line.isEmpty ? piece : line + " " + piece
            if line.isEmpty || fits(candidate) {
                line = candidate
            } else {
                lines.append(line)
                line = piece
            }
        }
        let parts = text.components(separatedBy: ". ")
        let sentences = parts.indices.map { $0 < parts.count - 1 ? parts[$0] + "." : parts[$0] }
        for sentence in sentences where !sentence.isEmpty {
            if fits(sentence) {
                add(sentence)
            } else {
                for word in sentence.split(separator: " ", omittingEmptySubsequences: true) { add(String(word)) }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The figure as a complete standalone SVG document. Each panel is `panelWidth ×
    /// panelHeight` pixels (sizes that are not finite or below one pixel fall back to the
    /// defaults); the title and the footer add a strip above and below. A figure without
    /// panels says "no data".
    public func svg(panelWidth: Double = 640, panelHeight: Double = 400) -> String {
        let n = SVGWriter.number
        let panelWidth = PlotLayout.sanitized(panelWidth, fallback: 640)
        let panelHeight = PlotLayout.sanitized(panelHeight, fallback: 400)
        let (columns, rows) = grid
        let top = title.isEmpty ? 0 : Self.titleHeight
        let width = Double(columns) * panelWidth
        let footerLines = footer.map { Self.wrapped($0, width: width - 20, fontSize: Self.footerFontSize) } ?? []
        let bottom = footer == nil ? 0 : Self.footerHeight + Double(footerLines.count - 1) * Self.footerLineHeight
        let height = top + Double(rows) * panelHeight + bottom

        var writer = SVGWriter()
        writer.open("svg", SVGDocument.rootAttributes(width: width, height: height, label: title))
        if !title.isEmpty { writer.element("title", [], text: title) }
        writer.element("rect", [("class", "background"), ("width", n(width)), ("height", n(height)), ("fill", "#FFFFFF")])
        if !title.isEmpty {
            writer.element("text", [
                ("class", "figure-title"), ("x", n(width / 2)), ("y", "27"), ("text-anchor", "middle"),
                ("font-size", "18"), ("font-weight", "bold"), ("fill", Palette.text),
            ], text: title)
        }

        let prefix = "wean-" + fingerprint.shortHex
        for (index, panel) in panels.enumerated() {
            let x = Double(index % columns) * panelWidth
            let y = top + Double(index / columns) * panelHeight
            writer.open("g", [("class", "panel"), ("transform", "translate(\(n(x)) \(n(y)))")])
            panel.render(
                into: &writer, layout: panel.layout(width: panelWidth, height: panelHeight),
                idPrefix: prefix + "-p" + String(index))
            writer.close("g")
        }
        if panels.isEmpty {
            writer.element("text", [
                ("class", "no-data"), ("x", n(width / 2)), ("y", n(top + panelHeight / 2)), ("text-anchor", "middle"),
                ("font-size", "14"), ("fill", Palette.mutedText),
            ], text: "no data")
        }

        for (index, line) in footerLines.enumerated() {
            let y = height - 10 - Double(footerLines.count - 1 - index) * Self.footerLineHeight
            writer.element("text", [
                ("class", "footer"), ("x", n(width / 2)), ("y", n(y)), ("text-anchor", "middle"),
                ("font-size", n(Self.footerFontSize)), ("fill", Palette.mutedText),
            ], text: line)
        }
        writer.close("svg")
        return writer.output
    }

    private var fingerprint: Fingerprint {
        var hash = Fingerprint()
        hash.combine(title)
        hash.combine(footer ?? "")
        hash.combine(UInt64(panels.count))
        for panel in panels { hash.combine(panel.fingerprint.value) }
        return hash
    }
}
