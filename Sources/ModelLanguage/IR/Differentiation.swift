import Foundation

/// Symbolic differentiation of model expressions with respect to a state, through assigned
/// variables by the chain rule, with algebraic simplification of zeros and ones — the exact
/// Jacobian `∂f/∂y` the stiff solvers use, and its sparsity pattern.
///
/// Rules: the usual ones for `+ − × ÷`, `exp log log10 sqrt sin cos`; `x^c` with a state-free
/// exponent as `c·x^(c−1)·x'`, otherwise `x^y·(y'·log x + y·x'/x)`; `abs`, `min`, `max` and
/// `ifelse` piecewise (the derivative of the branch taken; at a tie, the first); comparisons,
/// logical operators, `floor` and `ceil` have derivative 0 (piecewise constant).
struct Differentiator {
    let model: Model
    private var variableCache: [Int: ModelExpression] = [:]
    let state: Int

    init(model: Model, state: Int) {
        self.model = model
        self.state = state
    }

    /// `∂expression/∂y_state`.
    mutating func derivative(_ expression: ModelExpression) -> ModelExpression {
        switch expression {
        case .constant, .time, .parameter:
            return .constant(0)
        case .state(let i):
            return .constant(i == state ? 1 : 0)
        case .variable(let v):
            if let cached = variableCache[v] { return cached }
            let result = derivative(model.variables[v].value)
            variableCache[v] = result
            return result
        case .unary(.negate, let a):
            return negate(derivative(a))
        case .unary(.not, _):
            return .constant(0)
        case .binary(let op, let a, let b):
            let da = derivative(a), db = derivative(b)
            switch op {
            case .add: return add(da, db)
            case .subtract: return subtract(da, db)
            case .multiply: return add(multiply(da, b), multiply(a, db))
            case .divide: return subtract(divide(da, b), divide(multiply(a, db), multiply(b, b)))
            case .power: return power(a, b, da, db)
            default: return .constant(0)
            }
        case .call(let function, let arguments):
            let a = arguments[0]
            let da = derivative(a)
            switch function {
            case .exp: return multiply(.call(.exp, [a]), da)
            case .log: return divide(da, a)
            case .log10: return divide(da, multiply(a, .constant(M_LN10)))
            case .sqrt: return divide(da, multiply(.constant(2), .call(.sqrt, [a])))
            case .abs: return select(.binary(.less, a, .constant(0)), negate(da), da)
            case .pow: return power(a, arguments[1], da, derivative(arguments[1]))
            case .min: return select(.binary(.lessOrEqual, a, arguments[1]), da, derivative(arguments[1]))
            case .max: return select(.binary(.greaterOrEqual, a, arguments[1]), da, derivative(arguments[1]))
            case .floor, .ceil: return .constant(0)
            case .sin: return multiply(.call(.cos, [a]), da)
            case .cos: return negate(multiply(.call(.sin, [a]), da))
            case .ifelse: return select(a, derivative(arguments[1]), derivative(arguments[2]))
            }
        }
    }

    private func power(_ a: ModelExpression, _ b: ModelExpression, _ da: ModelExpression, _ db: ModelExpression) -> ModelExpression {
        if isZero(db) {
            // c·a^(c−1)·a'
            if isZero(da) { return .constant(0) }
            let exponent = subtract(b, .constant(1))
            return multiply(multiply(b, powerOf(a, exponent)), da)
        }
        // a^b·(b'·log a + b·a'/a)
        let inner = add(multiply(db, .call(.log, [a])), divide(multiply(b, da), a))
        return multiply(.binary(.power, a, b), inner)
    }

    private func powerOf(_ a: ModelExpression, _ exponent: ModelExpression) -> ModelExpression {
        if case .constant(1) = exponent { return a }
        if case .constant(0) = exponent { return .constant(1) }
        return .binary(.power, a, exponent)
    }

    private func isZero(_ e: ModelExpression) -> Bool { if case .constant(0) = e { true } else { false } }
    private func isOne(_ e: ModelExpression) -> Bool { if case .constant(1) = e { true } else { false } }

    private func add(_ a: ModelExpression, _ b: ModelExpression) -> ModelExpression {
        if isZero(a) { return b }
        if isZero(b) { return a }
        if case .constant(let x) = a, case .constant(let y) = b { return .constant(x + y) }
        return .binary(.add, a, b)
    }

    private func subtract(_ a: ModelExpression, _ b: ModelExpression) -> ModelExpression {
        if isZero(b) { return a }
        if isZero(a) { return negate(b) }
        if case .constant(let x) = a, case .constant(let y) = b { return .constant(x - y) }
        return .binary(.subtract, a, b)
    }

    private func multiply(_ a: ModelExpression, _ b: ModelExpression) -> ModelExpression {
        if isZero(a) || isZero(b) { return .constant(0) }
        if isOne(a) { return b }
        if isOne(b) { return a }
        if case .constant(let x) = a, case .constant(let y) = b { return .constant(x * y) }
        return .binary(.multiply, a, b)
    }

    private func divide(_ a: ModelExpression, _ b: ModelExpression) -> ModelExpression {
        if isZero(a) { return .constant(0) }
        if isOne(b) { return a }
        return .binary(.divide, a, b)
    }

    private func negate(_ a: ModelExpression) -> ModelExpression {
        if case .constant(let x) = a { return .constant(-x) }
        if case .unary(.negate, let inner) = a { return inner }
        return .unary(.negate, a)
    }

    private func select(_ condition: ModelExpression, _ a: ModelExpression, _ b: ModelExpression) -> ModelExpression {
        if a == b { return a }
        return .call(.ifelse, [condition, a, b])
    }
}

extension Model {
    /// The Jacobian `J[i][j] = ∂(d/dt state_i)/∂state_j` as expressions; entries that are zero
    /// for every input are `.constant(0)` (the sparsity pattern).
    public func jacobianExpressions() -> [[ModelExpression]] {
        var rows = [[ModelExpression]](repeating: [], count: states.count)
        for j in states.indices {
            var differentiator = Differentiator(model: self, state: j)
            for i in states.indices { rows[i].append(differentiator.derivative(states[i].derivative)) }
        }
        return rows
    }
}
