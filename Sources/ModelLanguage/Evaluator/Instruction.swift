/// One instruction of the model evaluator's register machine: `r[destination] = op(r[a], r[b], r[c])`.
///
/// Registers are one contiguous buffer of `Double` per model instance: time, parameters, states,
/// constants, then temporaries. Programs are flat arrays of these instructions, run by a single
/// `switch` loop — no closures, no existentials, no allocation per call.
struct Instruction: Sendable, Hashable {
    var operation: Operation
    var destination: Int32
    var a: Int32
    var b: Int32
    var c: Int32

    enum Operation: UInt8, Sendable, Hashable {
        case add, subtract, multiply, divide, power, square, negate, not
        case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual, and, or
        case exp, log, log10, sqrt, abs, min, max, floor, ceil, sin, cos, select
    }
}

import Foundation

/// Runs `program` over `registers`.
@inline(__always)
func execute(_ program: UnsafeBufferPointer<Instruction>, _ r: UnsafeMutablePointer<Double>) {
    for instruction in program {
        let a = r[Int(instruction.a)]
        let value: Double
        switch instruction.operation {
        case .add: value = a + r[Int(instruction.b)]
        case .subtract: value = a - r[Int(instruction.b)]
        case .multiply: value = a * r[Int(instruction.b)]
        case .divide: value = a / r[Int(instruction.b)]
        // C's pow: a negative base with an integral exponent is defined ((−2)^3 = −8), as users expect.
        case .power: value = ModelMath.power(a, r[Int(instruction.b)])
        case .square: value = a * a
        case .negate: value = -a
        case .not: value = a == 0 ? 1 : 0
        case .less: value = a < r[Int(instruction.b)] ? 1 : 0
        case .lessOrEqual: value = a <= r[Int(instruction.b)] ? 1 : 0
        case .greater: value = a > r[Int(instruction.b)] ? 1 : 0
        case .greaterOrEqual: value = a >= r[Int(instruction.b)] ? 1 : 0
        case .equal: value = a == r[Int(instruction.b)] ? 1 : 0
        case .notEqual: value = a != r[Int(instruction.b)] ? 1 : 0
        case .and: value = (a != 0 && r[Int(instruction.b)] != 0) ? 1 : 0
        case .or: value = (a != 0 || r[Int(instruction.b)] != 0) ? 1 : 0
        case .exp: value = Foundation.exp(a)
        case .log: value = Foundation.log(a)
        case .log10: value = Foundation.log10(a)
        case .sqrt: value = a.squareRoot()
        case .abs: value = Swift.abs(a)
        case .min: value = Swift.min(a, r[Int(instruction.b)])
        case .max: value = Swift.max(a, r[Int(instruction.b)])
        case .floor: value = a.rounded(.down)
        case .ceil: value = a.rounded(.up)
        case .sin: value = Foundation.sin(a)
        case .cos: value = Foundation.cos(a)
        case .select: value = a != 0 ? r[Int(instruction.b)] : r[Int(instruction.c)]
        }
        r[Int(instruction.destination)] = value
    }
}
