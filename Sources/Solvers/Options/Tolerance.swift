/// A relative or absolute error tolerance: one value for every state component, or one per component.
///
/// The solvers keep the local error estimate `e_i` of each step within
/// `atol_i + rtol_i · max(|y_i(t)|, |y_i(t + h)|)` in the root-mean-square norm over components
/// (Hairer, Nørsett & Wanner, *Solving ODEs I*, §II.4, eq. 4.11). The tolerances are local; the
/// global error is typically a small multiple of them.
public enum Tolerance: Sendable, Equatable {
    /// The same tolerance for every component.
    case scalar(Double)
    /// One tolerance per component, in state order.
    case perComponent([Double])

    /// The tolerance of component `index`.
    @inlinable
    public func value(at index: Int) -> Double {
        switch self {
        case .scalar(let value): value
        case .perComponent(let values): values[index]
        }
    }

    /// Checks that the tolerance is finite, non-negative and has one entry per component.
    func validate(dimension: Int, name: String) throws(ODESolverError) {
        switch self {
        case .scalar(let value):
            guard value.isFinite, value >= 0 else {
                throw .invalidInput("\(name) must be a finite number ≥ 0, got \(value)")
            }
        case .perComponent(let values):
            guard values.count == dimension else {
                throw .invalidInput("\(name) has \(values.count) entries but the state has \(dimension) components")
            }
            if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidInput("\(name)[\(bad)] must be a finite number ≥ 0, got \(values[bad])")
            }
        }
    }
}

extension Tolerance: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .scalar(value) }
}

extension Tolerance: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Double...) { self = .perComponent(elements) }
}
