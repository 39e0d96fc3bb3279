/// Evaluation of expressions whose leaves are all constants, with the evaluator's exact
/// semantics (the same `Instruction.Operation` cases), used for constant folding and parameter
/// defaults.
enum ExpressionFolding {
    /// The value of a constant expression; NaN if it refers to anything but constants.
    static func evaluateConstant(_ expression: ModelExpression) -> Double {
        switch expression {
        case .constant(let value): return value
        case .time, .parameter, .state, .variable: return .nan
        case .unary(let op, let a): return apply(op == .negate ? .negate : .not, [evaluateConstant(a)])
        case .binary(let op, let a, let b): return apply(operation(op), [evaluateConstant(a), evaluateConstant(b)])
        case .call(let f, let arguments): return apply(operation(f), arguments.map(evaluateConstant))
        }
    }

    static func operation(_ op: BinaryOperator) -> Instruction.Operation {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .equal: .equal
        case .notEqual: .notEqual
        case .and: .and
        case .or: .or
        }
    }

    static func operation(_ f: BuiltinFunction) -> Instruction.Operation {
        switch f {
        case .exp: .exp
        case .log: .log
        case .log10: .log10
        case .sqrt: .sqrt
        case .abs: .abs
        case .pow: .power
        case .min: .min
        case .max: .max
        case .floor: .floor
        case .ceil: .ceil
        case .sin: .sin
        case .cos: .cos
        case .ifelse: .select
        }
    }

    /// Applies one operation to constant operands, exactly as `execute` would.
    static func apply(_ operation: Instruction.Operation, _ operands: [Double]) -> Double {
        var registers = operands + Array(repeating: 0.0, count: 4 - operands.count)
        let instruction = Instruction(operation: operation, destination: 3, a: 0, b: 1, c: 2)
        return registers.withUnsafeMutableBufferPointer { buffer in
            [instruction].withUnsafeBufferPointer { execute($0, buffer.baseAddress!) }
            return buffer[3]
        }
    }
}
