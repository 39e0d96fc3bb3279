import Simulation

/// What went wrong in a pharmacology run, said so a user can fix the design.
public enum PharmacologyError: Error, Sendable, CustomStringConvertible {
    /// The model has no input for this route.
    case unsupportedRoute(Route, model: String, supported: [Route])
    /// The design is inconsistent (a negative duration, a non-finite time, an amount below zero…).
    case invalidDesign(String)
    /// No model in the library for this opioid and species.
    case noModel(Opioid, Species, available: [Species])
    /// The solver or the event engine failed.
    case simulation(SimulationError)

    public var description: String {
        switch self {
        case let .unsupportedRoute(route, model, supported):
            "\(model) has no '\(route.rawValue)' route; it supports: \(supported.map(\.rawValue).joined(separator: ", "))"
        case .invalidDesign(let message):
            message
        case let .noModel(opioid, species, available):
            available.isEmpty
                ? "no \(species.rawValue) model for \(opioid.rawValue)"
                : "no \(species.rawValue) model for \(opioid.rawValue); there is one for: \(available.map(\.rawValue).joined(separator: ", "))"
        case .simulation(let error):
            "\(error)"
        }
    }
}
