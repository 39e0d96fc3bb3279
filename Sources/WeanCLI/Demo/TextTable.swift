import Foundation

/// A plain-text table with right-aligned numeric columns, for terminal output.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    init(_ header: [String]) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table with columns padded to their widest cell, first column left-aligned.
    func rendered(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        var text = ""
        for (index, row) in all.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return column == 0 ? cell + padding : padding + cell
            }
            text += indent + cells.joined(separator: "  ") + "\n"
            if index == 0 {
                text += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return text
    }
}

/// `value` in scientific notation with `digits` significant digits (`1.23e-08`).
func scientific(_ value: Double, digits: Int = 3) -> String {
    String(format: "%.\(digits - 1)e", value)
}

/// `value` with exactly `decimals` digits after the point.
func fixed(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}
