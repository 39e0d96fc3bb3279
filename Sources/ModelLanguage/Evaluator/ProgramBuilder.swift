/// Lowers model expressions to register-machine instructions, with constant folding,
/// common-subexpression elimination (value numbering, commutative operands ordered) and a few
/// exact algebraic simplifications (`x^2 → x·x`, `x^1 → x`).
///
/// Register layout, shared by every program of a model: 0 is `t`, then the parameters, then the
/// states, then constants and temporaries as they are allocated.
struct ProgramBuilder {
    let model: Model
    private(set) var registerCount: Int
    /// Constant registers and their values (initialised once per instance).
    private(set) var constants: [(register: Int32, value: Double)] = []
    private var constantRegisters: [UInt64: Int32] = [:]
    private var constantValues: [Int32: Double] = [:]

    init(model: Model) {
        self.model = model
        registerCount = 1 + model.parameters.count + model.states.count
    }

    func parameterRegister(_ i: Int) -> Int32 { Int32(1 + i) }
    func stateRegister(_ i: Int) -> Int32 { Int32(1 + model.parameters.count + i) }

    private mutating func newRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }

    mutating func constantRegister(_ value: Double) -> Int32 {
        let key = value.bitPattern
        if let register = constantRegisters[key] { return register }
        let register = newRegister()
        constantRegisters[key] = register
        constantValues[register] = value
        constants.append((register, value))
        return register
    }

    /// The value of a constant register, or `nil` for any other register.
    func isConstant(_ register: Int32) -> Double? {
        constantValues[register]
    }

    /// One program under construction: its instructions and its value-numbering table.
    struct Program {
        var instructions: [Instruction] = []
        var valueNumbers: [Instruction: Int32] = [:]
        var variableRegisters: [Int: Int32] = [:]

        /// The instructions that contribute to `results` (dead ones, such as the untaken branch
        /// of an `ifelse` with a constant condition, removed), in order.
        func live(for results: [Int32]) -> [Instruction] {
            var needed = Set(results)
            var kept: [Instruction] = []
            for instruction in instructions.reversed() where needed.contains(instruction.destination) {
                kept.append(instruction)
                let count = ProgramBuilder.operandCount(instruction.operation)
                needed.insert(instruction.a)
                if count >= 2 { needed.insert(instruction.b) }
                if count >= 3 { needed.insert(instruction.c) }
            }
            return kept.reversed()
        }
    }

    /// Lowers `expression` into `program`, returning the register holding its value.
    mutating func lower(_ expression: ModelExpression, into program: inout Program) -> Int32 {
        switch expression {
        case .constant(let value): return constantRegister(value)
        case .time: return 0
        case .parameter(let i): return parameterRegister(i)
        case .state(let i): return stateRegister(i)
        case .variable(let i):
            if let register = program.variableRegisters[i] { return register }
            let register = lower(model.variables[i].value, into: &program)
            program.variableRegisters[i] = register
            return register
        case .unary(let op, let operand):
            let a = lower(operand, into: &program)
            return emit(op == .negate ? .negate : .not, a, 0, 0, into: &program)
        case .binary(let op, let left, let right):
            let a = lower(left, into: &program)
            let b = lower(right, into: &program)
            if op == .power, let exponent = isConstant(b) {
                if exponent == 1 { return a }
                if exponent == 2 { return emit(.square, a, 0, 0, into: &program) }
            }
            return emit(ExpressionFolding.operation(op), a, b, 0, into: &program)
        case .call(let function, let arguments):
            let registers = arguments.map { lower($0, into: &program) }
            let operation = ExpressionFolding.operation(function)
            if function == .pow, let exponent = isConstant(registers[1]) {
                if exponent == 1 { return registers[0] }
                if exponent == 2 { return emit(.square, registers[0], 0, 0, into: &program) }
            }
            return emit(operation, registers[0], registers.count > 1 ? registers[1] : 0, registers.count > 2 ? registers[2] : 0, into: &program)
        }
    }

    static func operandCount(_ operation: Instruction.Operation) -> Int {
        switch operation {
        case .square, .negate, .not, .exp, .log, .log10, .sqrt, .abs, .floor, .ceil, .sin, .cos: 1
        case .select: 3
        default: 2
        }
    }

    private static func isCommutative(_ operation: Instruction.Operation) -> Bool {
        switch operation {
        case .add, .multiply, .min, .max, .equal, .notEqual, .and, .or: true
        default: false
        }
    }

    /// Emits one operation (folding constants and reusing an identical earlier instruction).
    mutating func emitOperation(_ operation: Instruction.Operation, _ a: Int32, _ b: Int32, _ c: Int32, _ program: inout Program) -> Int32 {
        emit(operation, a, b, c, into: &program)
    }

    private mutating func emit(
        _ operation: Instruction.Operation, _ a0: Int32, _ b0: Int32, _ c: Int32, into program: inout Program
    ) -> Int32 {
        let count = Self.operandCount(operation)
        var a = a0, b = count >= 2 ? b0 : 0
        let c = count >= 3 ? c : 0
        if Self.isCommutative(operation), b < a { swap(&a, &b) }
        // Constant folding.
        let operands = [a, b, c].prefix(count).map { isConstant($0) }
        if operands.allSatisfy({ $0 != nil }) {
            return constantRegister(ExpressionFolding.apply(operation, operands.map { $0! }))
        }
        // ifelse with a constant condition picks its branch.
        if operation == .select, let condition = isConstant(a) {
            return condition != 0 ? b : c
        }
        let key = Instruction(operation: operation, destination: 0, a: a, b: b, c: c)
        if let existing = program.valueNumbers[key] { return existing }
        let destination = newRegister()
        program.instructions.append(Instruction(operation: operation, destination: destination, a: a, b: b, c: c))
        program.valueNumbers[key] = destination
        return destination
    }
}
