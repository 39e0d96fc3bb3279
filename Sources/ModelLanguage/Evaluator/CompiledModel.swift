/// A model lowered to register-machine programs, ready to evaluate: the right-hand side, the
/// outputs, the initial state and the dosing modifiers. Immutable and shareable between threads;
/// each simulation evaluates it through its own ``ModelInstance``.
///
/// Cost: one pass over a flat instruction array per evaluation, a few nanoseconds per
/// instruction; constants are folded and repeated subexpressions computed once.
public final class CompiledModel: @unchecked Sendable {
    /// The checked model.
    public let model: Model

    /// A program and the registers holding its results.
    struct Program {
        private let storage: UnsafeMutablePointer<Instruction>
        /// The instructions, in order.
        let instructions: UnsafeBufferPointer<Instruction>
        let results: [Int32]

        init(_ list: [Instruction], results: [Int32]) {
            let buffer = UnsafeMutablePointer<Instruction>.allocate(capacity: max(1, list.count))
            list.withUnsafeBufferPointer { if let base = $0.baseAddress { buffer.initialize(from: base, count: list.count) } }
            storage = buffer
            instructions = UnsafeBufferPointer(start: buffer, count: list.count)
            self.results = results
        }

        func deallocate() { storage.deallocate() }
    }

    let registerCount: Int
    /// Register contents at creation: constants set, parameters at their defaults.
    let registerTemplate: [Double]
    let derivative: Program
    let outputs: Program
    let initial: Program
    /// The symbolic Jacobian's non-zero entries: their registers, and their positions
    /// (`i + j·n`, column-major).
    let jacobian: Program
    let jacobianPositions: [Int32]
    let modifiers: [DosingModifier: [Int: Program]]
    /// Everything that depends on parameters and constants only, hoisted out of the other
    /// programs; run once per parameter change.
    let parameterDependent: Program
    let instructionCounts: (derivative: Int, outputs: Int)

    /// Lowers a checked model.
    public init(_ model: Model) {
        self.model = model
        var builder = ProgramBuilder(model: model)

        // Each program first lowers the assigned variables in order, so that a long chain of
        // assignments never recurses deeper than one expression; dead code is removed after.
        func withVariables() -> ProgramBuilder.Program {
            var program = ProgramBuilder.Program()
            for v in model.variables.indices { _ = builder.lower(.variable(v), into: &program) }
            return program
        }

        var derivativeProgram = withVariables()
        let derivativeRegisters = model.states.map { builder.lower($0.derivative, into: &derivativeProgram) }

        var outputProgram = withVariables()
        let variableRegisters = model.variables.indices.map { builder.lower(.variable($0), into: &outputProgram) }

        var jacobianProgram = withVariables()
        var jacobianEntries: [(index: Int, register: Int32)] = []
        let jacobian = builder.lowerJacobian(into: &jacobianProgram)
        let n = model.states.count
        for j in 0..<n {
            for i in 0..<n where builder.isConstant(jacobian[i][j]) != 0 {
                jacobianEntries.append((i + j * n, jacobian[i][j]))
            }
        }

        var initialProgram = withVariables()
        let initialRegisters = model.states.map { builder.lower($0.initialValue, into: &initialProgram) }

        var modifierPrograms: [DosingModifier: [Int: ([Instruction], Int32)]] = [:]
        for (kind, byState) in model.modifiers {
            for (state, expression) in byState {
                var program = withVariables()
                let register = builder.lower(expression, into: &program)
                modifierPrograms[kind, default: [:]][state] = (program.live(for: [register]), register)
            }
        }

        var template = [Double](repeating: 0, count: builder.registerCount)
        for (register, value) in builder.constants { template[Int(register)] = value }
        for (i, parameter) in model.parameters.enumerated() { template[Int(builder.parameterRegister(i))] = parameter.defaultValue }
        registerCount = builder.registerCount
        registerTemplate = template
        // Hoist what depends on parameters and constants only into one program, run when the
        // parameters change, so each evaluation does only the work that depends on t and y.
        var hoister = ParameterHoisting(staticRegisters: Set((0..<model.parameters.count).map { builder.parameterRegister($0) })
            .union(builder.constants.map(\.register)))
        let derivativeInstructions = hoister.split(derivativeProgram.live(for: derivativeRegisters))
        let outputInstructions = hoister.split(outputProgram.live(for: variableRegisters))
        let initialInstructions = hoister.split(initialProgram.live(for: initialRegisters))
        let jacobianInstructions = hoister.split(jacobianProgram.live(for: jacobianEntries.map(\.register)))
        let modifierInstructions = modifierPrograms.mapValues { $0.mapValues { (hoister.split($0.0), $0.1) } }
        derivative = Program(derivativeInstructions, results: derivativeRegisters)
        outputs = Program(outputInstructions, results: variableRegisters)
        initial = Program(initialInstructions, results: initialRegisters)
        self.jacobian = Program(jacobianInstructions, results: jacobianEntries.map(\.register))
        jacobianPositions = jacobianEntries.map { Int32($0.index) }
        modifiers = modifierInstructions.mapValues { $0.mapValues { Program($0.0, results: [$0.1]) } }
        parameterDependent = Program(hoister.hoisted, results: [])
        instructionCounts = (derivativeInstructions.count, outputInstructions.count)
    }

    deinit {
        parameterDependent.deallocate()
        derivative.deallocate()
        outputs.deallocate()
        initial.deallocate()
        jacobian.deallocate()
        for byState in modifiers.values { for program in byState.values { program.deallocate() } }
    }

    /// Instructions in the right-hand-side program (after folding and CSE).
    public var derivativeInstructionCount: Int { instructionCounts.derivative }

    /// Whether the model is linear with constant coefficients: every Jacobian entry depends on
    /// parameters only (all hoisted), and the right-hand side does not use `t`.
    public var isLinear: Bool { jacobian.instructions.isEmpty && !model.usesTime }

    /// Number of Jacobian entries that are not identically zero (the sparsity pattern's size).
    public var jacobianNonZeroCount: Int { jacobianPositions.count }

    /// Output names: states, then assigned names (DESIGN.md §3).
    public var outputNames: [String] { model.outputNames }

    /// A new evaluation context with the default parameters.
    public func makeInstance() -> ModelInstance { ModelInstance(self) }
}

/// Splits programs into the instructions that depend only on parameters and constants (collected,
/// in order, into `hoisted`) and the rest.
struct ParameterHoisting {
    var staticRegisters: Set<Int32>
    private(set) var hoisted: [Instruction] = []

    mutating func split(_ program: [Instruction]) -> [Instruction] {
        var dynamic: [Instruction] = []
        for instruction in program {
            let count = ProgramBuilder.operandCount(instruction.operation)
            let operands = [instruction.a, instruction.b, instruction.c].prefix(count)
            if operands.allSatisfy({ staticRegisters.contains($0) }) {
                if staticRegisters.insert(instruction.destination).inserted { hoisted.append(instruction) }
            } else {
                dynamic.append(instruction)
            }
        }
        return dynamic
    }
}
