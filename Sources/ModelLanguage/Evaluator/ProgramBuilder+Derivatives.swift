import Foundation

/// Symbolic differentiation lowered straight to instructions (forward mode): the exact Jacobian
/// `∂f/∂y` the stiff solvers use, and its sparsity pattern.
///
/// `∂e/∂y_j` is built node by node into registers, reusing the registers of the values it needs
/// (`exp(a)`, `a·b`, …) and of each assigned variable's derivative, so its cost grows with the
/// model's size, never exponentially with chains of assignments. Zeros and ones simplify away
/// (`0·x → 0`, `1·x → x`, `x + 0 → x`), so an entry that is zero for every input lowers to the
/// constant 0 — the sparsity pattern.
///
/// Rules: the usual ones for `+ − × ÷`, `exp log log10 sqrt sin cos`; `x^c` with a state-free
/// exponent as `c·x^(c−1)·x'`, otherwise `x^y·(y'·log x + y·x'/x)`; `abs`, `min`, `max` and
/// `ifelse` piecewise (the derivative of the branch taken; at a tie, the first); comparisons,
/// logical operators, `floor` and `ceil` have derivative 0 (piecewise constant).
extension ProgramBuilder {
    /// Lowers `∂expression/∂y_state`. `variableDerivatives[v]` must hold the registers of the
    /// derivatives of the variables the expression uses (see `lowerJacobian`).
    mutating func lowerDerivative(
        _ expression: ModelExpression, state: Int, variableDerivatives: [Int: Int32], into program: inout Program
    ) -> Int32 {
        let zero = constantRegister(0), one = constantRegister(1)
        func d(_ e: ModelExpression) -> Int32 {
            lowerDerivative(e, state: state, variableDerivatives: variableDerivatives, into: &program)
        }
        switch expression {
        case .constant, .time, .parameter:
            return zero
        case .state(let i):
            return i == state ? one : zero
        case .variable(let v):
            return variableDerivatives[v] ?? zero
        case .unary(.negate, let a):
            return negate(d(a), &program)
        case .unary(.not, _):
            return zero
        case .binary(let op, let a, let b):
            let da = d(a), db = d(b)
            switch op {
            case .add: return add(da, db, &program)
            case .subtract: return subtract(da, db, &program)
            case .multiply:
                return add(multiply(da, lower(b, into: &program), &program), multiply(lower(a, into: &program), db, &program), &program)
            case .divide:
                let bv = lower(b, into: &program)
                let first = divide(da, bv, &program)
                let second = divide(multiply(lower(a, into: &program), db, &program), multiply(bv, bv, &program), &program)
                return subtract(first, second, &program)
            case .power: return power(a, b, da, db, &program)
            default: return zero
            }
        case .call(let function, let arguments):
            let a = arguments[0]
            let da = d(a)
            if da == zero, function != .pow, function != .min, function != .max, function != .ifelse { return zero }
            switch function {
            case .exp: return multiply(lower(expression, into: &program), da, &program)
            case .log: return divide(da, lower(a, into: &program), &program)
            case .log10: return divide(da, multiply(lower(a, into: &program), constantRegister(M_LN10), &program), &program)
            case .sqrt: return divide(da, multiply(constantRegister(2), lower(expression, into: &program), &program), &program)
            case .abs:
                let negative = emitOperation(.less, lower(a, into: &program), zero, 0, &program)
                return select(negative, negate(da, &program), da, &program)
            case .pow: return power(a, arguments[1], da, d(arguments[1]), &program)
            case .min:
                let condition = emitOperation(.lessOrEqual, lower(a, into: &program), lower(arguments[1], into: &program), 0, &program)
                return select(condition, da, d(arguments[1]), &program)
            case .max:
                let condition = emitOperation(.greaterOrEqual, lower(a, into: &program), lower(arguments[1], into: &program), 0, &program)
                return select(condition, da, d(arguments[1]), &program)
            case .floor, .ceil: return zero
            case .sin: return multiply(emitOperation(.cos, lower(a, into: &program), 0, 0, &program), da, &program)
            case .cos: return negate(multiply(emitOperation(.sin, lower(a, into: &program), 0, 0, &program), da, &program), &program)
            case .ifelse: return select(lower(a, into: &program), d(arguments[1]), d(arguments[2]), &program)
            }
        }
    }

    /// Lowers the whole Jacobian: for each state `j`, the derivatives of the assigned variables in
    /// order, then of each state's right-hand side. Returns `entries[i][j]`, the register of
    /// `∂f_i/∂y_j` (the constant-0 register where it vanishes identically).
    mutating func lowerJacobian(into program: inout Program) -> [[Int32]] {
        let n = model.states.count
        var entries = [[Int32]](repeating: [Int32](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var variableDerivatives: [Int: Int32] = [:]
            for v in model.variables.indices {
                variableDerivatives[v] = lowerDerivative(model.variables[v].value, state: j, variableDerivatives: variableDerivatives, into: &program)
            }
            for i in 0..<n {
                entries[i][j] = lowerDerivative(model.states[i].derivative, state: j, variableDerivatives: variableDerivatives, into: &program)
            }
        }
        return entries
    }

    private mutating func power(
        _ a: ModelExpression, _ b: ModelExpression, _ da: Int32, _ db: Int32, _ program: inout Program
    ) -> Int32 {
        let zero = constantRegister(0)
        let av = lower(a, into: &program), bv = lower(b, into: &program)
        if db == zero {
            if da == zero { return zero }
            // c·a^(c−1)·a'
            let exponent = subtract(bv, constantRegister(1), &program)
            let powerRegister = isConstant(exponent) == 1 ? av : emitOperation(.power, av, exponent, 0, &program)
            return multiply(multiply(bv, powerRegister, &program), da, &program)
        }
        // a^b·(b'·log a + b·a'/a)
        let logA = emitOperation(.log, av, 0, 0, &program)
        let inner = add(multiply(db, logA, &program), divide(multiply(bv, da, &program), av, &program), &program)
        return multiply(emitOperation(.power, av, bv, 0, &program), inner, &program)
    }

    private mutating func add(_ a: Int32, _ b: Int32, _ program: inout Program) -> Int32 {
        if isConstant(a) == 0 { return b }
        if isConstant(b) == 0 { return a }
        return emitOperation(.add, a, b, 0, &program)
    }

    private mutating func subtract(_ a: Int32, _ b: Int32, _ program: inout Program) -> Int32 {
        if isConstant(b) == 0 { return a }
        if isConstant(a) == 0 { return negate(b, &program) }
        return emitOperation(.subtract, a, b, 0, &program)
    }

    private mutating func multiply(_ a: Int32, _ b: Int32, _ program: inout Program) -> Int32 {
        if isConstant(a) == 0 || isConstant(b) == 0 { return constantRegister(0) }
        if isConstant(a) == 1 { return b }
        if isConstant(b) == 1 { return a }
        return emitOperation(.multiply, a, b, 0, &program)
    }

    private mutating func divide(_ a: Int32, _ b: Int32, _ program: inout Program) -> Int32 {
        if isConstant(a) == 0 { return constantRegister(0) }
        if isConstant(b) == 1 { return a }
        return emitOperation(.divide, a, b, 0, &program)
    }

    private mutating func negate(_ a: Int32, _ program: inout Program) -> Int32 {
        emitOperation(.negate, a, 0, 0, &program)
    }

    private mutating func select(_ condition: Int32, _ a: Int32, _ b: Int32, _ program: inout Program) -> Int32 {
        if a == b { return a }
        return emitOperation(.select, condition, a, b, &program)
    }
}
