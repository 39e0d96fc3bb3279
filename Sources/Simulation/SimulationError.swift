import Solvers

/// Why a simulation could not run; each case says what to change.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// A dose names a compartment the model does not have.
    case unknownCompartment(String, states: [String])
    /// Output times or doses are unusable.
    case invalidInput(String)
    /// The solver failed.
    case solver(ODESolverError)

    public var description: String {
        switch self {
        case let .unknownCompartment(name, states):
            "dose compartment '\(name)' is not a state of the model (states: \(states.joined(separator: ", ")); or their numbers 1–\(states.count))"
        case let .invalidInput(message):
            message
        case let .solver(error):
            error.description
        }
    }
}
