import Solvers

/// What a simulation needs of a compiled model: the right-hand side and Jacobian (as an
/// ``ODEProblem``), the initial state, the outputs, the dosing modifiers, settable parameters and
/// the zero-order inputs of running infusions. Two implementations share it: ``ModelInstance``,
/// which interprets a model compiled at run time, and the Swift types that `wean-codegen`
/// generates from the package's own `.wean` files, which run natively and give bit-identical
/// results. Not thread-safe: each concurrent simulation uses its own.
public protocol ModelRuntime: ODEProblem, AnyObject {
    /// The checked model (names, parameters, units).
    var model: Model { get }
    /// Zero-order input into each state (amount per time unit), added to its derivative.
    var infusionRates: UnsafeMutableBufferPointer<Double> { get }
    /// The current value of parameter `index`.
    func parameter(_ index: Int) -> Double
    /// Sets parameter `index`.
    func setParameter(_ index: Int, to value: Double)
    /// The initial state from the model's initial conditions and the current parameters.
    func initialState() -> [Double]
    /// All outputs at `(t, y)`: the states, then the assigned names.
    func outputs(t: Double, y: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>)
    /// The value of dosing modifier `kind` for `state` at `(t, y)`, or `nil` if the model has none.
    func modifier(_ kind: DosingModifier, state: Int, t: Double, y: UnsafeBufferPointer<Double>) -> Double?
    /// Whether the right-hand side is linear in the state with constant coefficients (its Jacobian
    /// depends on parameters only, and it does not use `t`) — known from the symbolic Jacobian.
    var isLinear: Bool { get }
}

extension ModelRuntime {
    /// Output names: the states, then the assigned names.
    public var outputNames: [String] { model.outputNames }

    /// Sets the parameter called `name`; returns `false` if there is none.
    @discardableResult
    public func setParameter(named name: String, to value: Double) -> Bool {
        guard let index = model.parameterIndex(name) else { return false }
        setParameter(index, to: value)
        return true
    }
}
