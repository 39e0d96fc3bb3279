/// An expression of a checked model, with every name resolved to what it denotes.
public indirect enum ModelExpression: Sendable, Hashable {
    case constant(Double)
    /// The independent variable `t`.
    case time
    /// Parameter by index into ``Model/parameters``.
    case parameter(Int)
    /// State by index into ``Model/states``.
    case state(Int)
    /// Assigned variable by index into ``Model/variables``.
    case variable(Int)
    case unary(UnaryOperator, ModelExpression)
    case binary(BinaryOperator, ModelExpression, ModelExpression)
    case call(BuiltinFunction, [ModelExpression])

    /// Whether `body` holds for this expression or any sub-expression.
    public func contains(where body: (ModelExpression) -> Bool) -> Bool {
        if body(self) { return true }
        switch self {
        case .constant, .time, .parameter, .state, .variable: return false
        case .unary(_, let operand): return operand.contains(where: body)
        case .binary(_, let a, let b): return a.contains(where: body) || b.contains(where: body)
        case .call(_, let arguments): return arguments.contains { $0.contains(where: body) }
        }
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "!"
}

/// Binary operators. Comparisons and logical operators give 1 for true and 0 for false; `&&`
/// and `||` treat any non-zero value as true.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case and = "&&", or = "||"
}

/// The functions of the language (DESIGN.md §2) and their arities.
public enum BuiltinFunction: String, Sendable, Hashable, CaseIterable {
    case exp, log, log10, sqrt, abs, pow, min, max, floor, ceil, sin, cos, ifelse

    /// The number of arguments it takes.
    public var arity: Int {
        switch self {
        case .pow, .min, .max: 2
        case .ifelse: 3
        default: 1
        }
    }

    /// How a call is written, for messages (`pow(x, y)`).
    public var signature: String {
        switch self {
        case .pow: "pow(x, y)"
        case .min: "min(a, b)"
        case .max: "max(a, b)"
        case .ifelse: "ifelse(condition, a, b)"
        default: "\(rawValue)(x)"
        }
    }
}
