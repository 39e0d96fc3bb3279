extension ObservedSeries.Marker {
    /// Draws the marker centred at `(x, y)` (pixels) in `color`, with a thin white outline that
    /// keeps it visible on top of a line of the same colour.
    func render(into svg: inout SVGWriter, x: Double, y: Double, color: String) {
        let n = SVGWriter.number
        let filled: [(String, String)] = [("fill", color), ("stroke", "#FFFFFF"), ("stroke-width", "0.8")]
        switch self {
        case .circle:
            svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", "4")] + filled)
        case .square:
            svg.element("rect", [("x", n(x - 3.6)), ("y", n(y - 3.6)), ("width", "7.2"), ("height", "7.2")] + filled)
        case .triangle:
            let d = "M\(n(x)) \(n(y - 5))L\(n(x + 4.6)) \(n(y + 3.4))L\(n(x - 4.6)) \(n(y + 3.4))Z"
            svg.element("path", [("d", d)] + filled)
        case .diamond:
            let d = "M\(n(x)) \(n(y - 5))L\(n(x + 4.4)) \(n(y))L\(n(x)) \(n(y + 5))L\(n(x - 4.4)) \(n(y))Z"
            svg.element("path", [("d", d)] + filled)
        case .cross:
            let d = "M\(n(x - 4)) \(n(y - 4))L\(n(x + 4)) \(n(y + 4))M\(n(x - 4)) \(n(y + 4))L\(n(x + 4)) \(n(y - 4))"
            svg.element("path", [("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", "2")])
        }
    }
}
