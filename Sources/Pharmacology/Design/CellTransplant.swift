/// A mesenchymal stem cell (MSC) transplant: a number of cells, absolute or per kg, by a route
/// (DESIGN.md §5; science.md §1–2).
public struct CellTransplant: Sendable, Hashable, Codable {
    /// How the cells are given.
    public enum Route: String, Sendable, Hashable, Codable, CaseIterable {
        /// Intravenous: most cells are trapped in the lung as emboli and die within days (Lee RH
        /// et al., Cell Stem Cell 2009;5:54; Eggenhofer E et al., Front Immunol 2012;3:297).
        case iv
        /// Intrathecal: cells home to the DRG and meninges and survive for months (Chen G et al.,
        /// J Clin Invest 2015;125:3226).
        case it

        /// Accepts `iv`, `i.v.`, `intravenous`, `it`, `i.t.`, `intrathecal`.
        public init?(parsing text: String) {
            switch text.lowercased() {
            case "iv", "i.v.", "intravenous": self = .iv
            case "it", "i.t.", "intrathecal": self = .it
            default: return nil
            }
        }
    }

    /// Units of a cell dose.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case cells
        case cellsPerKg = "cells/kg"
    }

    public var cells: Double
    public var unit: Unit
    public var route: Route
    public var atHours: Double

    public init(cells: Double, unit: Unit = .cells, route: Route, atHours: Double) {
        self.cells = cells
        self.unit = unit
        self.route = route
        self.atHours = atHours
    }

    /// The number of cells for a body of `weight` kg.
    public func count(forWeightKilograms weight: Double) -> Double { unit == .cellsPerKg ? cells * weight : cells }
}
