/// The colours of Wean's plots.
///
/// Series take their colours from the Okabe–Ito palette (Okabe & Ito, *Color Universal
/// Design*, 2002), whose eight colours stay distinct under the common forms of colour-vision
/// deficiency. The order puts the strongest colours first and the pale yellow last; after the
/// eighth series the colours repeat. Colours are CSS hexadecimal strings, ready for SVG
/// attributes.
public enum Palette {
    /// The Okabe–Ito colours in the order series receive them: blue, vermillion, bluish green,
    /// reddish purple, orange, sky blue, black, yellow.
    public static let okabeIto: [String] = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7",
        "#E69F00", "#56B4E9", "#000000", "#F0E442",
    ]

    /// The colour of the series at `index` (0-based), cycling through ``okabeIto``.
    public static func color(at index: Int) -> String {
        let count = okabeIto.count
        return okabeIto[((index % count) + count) % count]
    }

    /// Text: titles, labels, tick labels and legend entries.
    public static let text = "#222222"
    /// Secondary text: the footer of a figure and the "no data" notice.
    public static let mutedText = "#666666"
    /// The axis lines and tick marks.
    public static let axis = "#4D4D4D"
    /// The light grid lines at the ticks.
    public static let grid = "#E6E6E6"
    /// The legend's frame.
    public static let legendFrame = "#CCCCCC"
    /// A tolerance band that belongs to no named series.
    public static let neutralBand = "#999999"
}
