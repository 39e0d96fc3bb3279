import Solvers

/// One evaluation context of a ``CompiledModel``: its register buffer, its parameter values and
/// the zero-order inputs (infusions) currently running into each state. An ``ODEProblem``, so the
/// solvers integrate it directly. Not thread-safe: give each concurrent simulation its own.
public final class ModelInstance: ModelRuntime, @unchecked Sendable {
    public let compiled: CompiledModel
    private let registers: UnsafeMutablePointer<Double>
    /// Zero-order input into each state (amount per time unit), added to its derivative.
    public let infusionRates: UnsafeMutableBufferPointer<Double>
    private let parameterBase: Int
    private let stateBase: Int
    /// Whether the parameter-dependent program must run before the next evaluation.
    private var parametersChanged = true

    init(_ compiled: CompiledModel) {
        self.compiled = compiled
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: compiled.registerCount)
        compiled.registerTemplate.withUnsafeBufferPointer { buffer.initialize(from: $0.baseAddress!, count: compiled.registerCount) }
        registers = buffer
        infusionRates = .allocate(capacity: compiled.model.states.count)
        infusionRates.initialize(repeating: 0)
        parameterBase = 1
        stateBase = 1 + compiled.model.parameters.count
    }

    deinit {
        registers.deallocate()
        infusionRates.deallocate()
    }

    public var model: Model { compiled.model }
    public var dimension: Int { compiled.model.states.count }
    public var isAutonomous: Bool { !compiled.model.usesTime }
    public var isLinear: Bool { compiled.isLinear }
    public func componentName(_ index: Int) -> String { compiled.model.states[index].name }

    /// The current value of parameter `index`.
    public func parameter(_ index: Int) -> Double { registers[parameterBase + index] }

    /// Sets parameter `index`.
    public func setParameter(_ index: Int, to value: Double) {
        registers[parameterBase + index] = value
        parametersChanged = true
    }


    @inline(__always)
    private func prepare() {
        if parametersChanged {
            execute(compiled.parameterDependent.instructions, registers)
            parametersChanged = false
        }
    }

    @inline(__always)
    private func load(t: Double, y: UnsafeBufferPointer<Double>) {
        prepare()
        registers[0] = t
        let states = registers + stateBase
        for i in 0..<y.count { states[i] = y[i] }
    }

    public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        load(t: t, y: y)
        execute(compiled.derivative.instructions, registers)
        let results = compiled.derivative.results
        for i in 0..<dydt.count { dydt[i] = registers[Int(results[i])] + infusionRates[i] }
    }

    /// The model's Jacobian is symbolic, exact up to rounding.
    public var providesJacobian: Bool { true }

    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        load(t: t, y: y)
        execute(compiled.jacobian.instructions, registers)
        for k in 0..<matrix.count { matrix[k] = 0 }
        let results = compiled.jacobian.results
        let positions = compiled.jacobianPositions
        for k in 0..<results.count { matrix[Int(positions[k])] = registers[Int(results[k])] }
    }

    /// The initial state from the model's initial conditions and the current parameters.
    public func initialState() -> [Double] {
        prepare()
        execute(compiled.initial.instructions, registers)
        return compiled.initial.results.map { registers[Int($0)] }
    }

    /// All outputs at `(t, y)`: the states, then the assigned names, written into `output`
    /// (`outputNames.count` elements).
    public func outputs(t: Double, y: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        load(t: t, y: y)
        execute(compiled.outputs.instructions, registers)
        for i in 0..<y.count { output[i] = y[i] }
        let results = compiled.outputs.results
        for (k, register) in results.enumerated() { output[y.count + k] = registers[Int(register)] }
    }

    /// The value of dosing modifier `kind` for `state` at `(t, y)`, or `nil` if the model does not
    /// define it.
    public func modifier(_ kind: DosingModifier, state: Int, t: Double, y: UnsafeBufferPointer<Double>) -> Double? {
        guard let program = compiled.modifiers[kind]?[state] else { return nil }
        load(t: t, y: y)
        execute(program.instructions, registers)
        return registers[Int(program.results[0])]
    }
}
