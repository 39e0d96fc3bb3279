import ModelLanguage

/// What the analytic path propagates: a linear time-invariant system `y' = A y + r` of at most four
/// states starting from zero, with constant per-state bioavailability and lag of the doses it
/// receives — the built-in templates (`LinearCompartmentModel`), or any compiled model of that
/// form (`init?(runtime:)`: a one-, two- or three-compartment `.wean` model, for example).
struct LinearSystem: Sendable {
    var generator: Matrix4
    var dimension: Int
    var bioavailability: [Double]
    var lag: [Double]
    var stateNames: [String]

    /// The system of a compiled model, or `nil` unless the model is linear and autonomous, has at
    /// most four states, no constant input (`f(0) = 0`), a zero initial state, and dosing
    /// modifiers (F, ALAG) that are constants — those models the event engine's exact path would
    /// solve the same way.
    init?<Runtime: ModelRuntime>(runtime: Runtime) {
        let n = runtime.dimension
        guard runtime.isLinear, runtime.isAutonomous, n >= 1, n <= 4, runtime.initialState().allSatisfy({ $0 == 0 }) else { return nil }
        let savedRates = (0..<n).map { runtime.infusionRates[$0] }
        for i in 0..<n { runtime.infusionRates[i] = 0 }
        defer { for i in 0..<n { runtime.infusionRates[i] = savedRates[i] } }
        func f(_ y: [Double], t: Double = 0) -> [Double] {
            var dydt = [Double](repeating: 0, count: n)
            y.withUnsafeBufferPointer { ys in dydt.withUnsafeMutableBufferPointer { runtime.derivatives(t: t, y: ys, dydt: $0) } }
            return dydt
        }
        let zero = [Double](repeating: 0, count: n)
        guard f(zero).allSatisfy({ $0 == 0 }) else { return nil }
        var a = Matrix4.zero
        for j in 0..<n {
            var unit = zero
            unit[j] = 1
            let column = f(unit)
            for i in 0..<n {
                guard column[i].isFinite else { return nil }
                a[i, j] = column[i]
            }
        }
        // Linearity at a second point guards against a mislabelled model.
        let probe = (0..<n).map { Double($0 + 1) * 0.37 }
        let value = f(probe, t: 1.3)
        for i in 0..<n {
            var expected = 0.0
            for j in 0..<n { expected += a[i, j] * probe[j] }
            guard abs(value[i] - expected) <= 1e-12 * max(1, abs(expected)) else { return nil }
        }
        var bioavailability: [Double] = [], lag: [Double] = []
        let ones = [Double](repeating: 1, count: n)
        for state in 0..<n {
            func modifier(_ kind: DosingModifier, _ y: [Double], _ t: Double) -> Double? {
                y.withUnsafeBufferPointer { runtime.modifier(kind, state: state, t: t, y: $0) }
            }
            let f0 = modifier(.bioavailability, zero, 0) ?? 1, f1 = modifier(.bioavailability, ones, 2.9) ?? 1
            let l0 = modifier(.lag, zero, 0) ?? 0, l1 = modifier(.lag, ones, 2.9) ?? 0
            guard f0 == f1, l0 == l1, f0.isFinite, f0 >= 0, l0.isFinite, l0 >= 0 else { return nil }
            bioavailability.append(f0)
            lag.append(l0)
        }
        self.generator = a
        self.dimension = n
        self.bioavailability = bioavailability
        self.lag = lag
        self.stateNames = runtime.model.states.map(\.name)
    }

    init(generator: Matrix4, dimension: Int, bioavailability: [Double], lag: [Double], stateNames: [String]) {
        self.generator = generator
        self.dimension = dimension
        self.bioavailability = bioavailability
        self.lag = lag
        self.stateNames = stateNames
    }
}

extension LinearCompartmentModel {
    /// The template as a linear system: F and ALAG act on the depot only.
    var system: LinearSystem {
        var bioavailability = [Double](repeating: 1, count: dimension), lag = [Double](repeating: 0, count: dimension)
        if let depot {
            bioavailability[depot] = self.bioavailability
            lag[depot] = self.lag
        }
        return LinearSystem(generator: generator, dimension: dimension, bioavailability: bioavailability, lag: lag, stateNames: stateNames)
    }
}
