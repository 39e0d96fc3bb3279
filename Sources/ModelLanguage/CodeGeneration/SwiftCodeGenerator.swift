/// Turns a compiled model into Swift source: a final class conforming to ``ModelRuntime`` whose
/// right-hand side, Jacobian, outputs, initial state and modifiers are the evaluator's own
/// instruction lists written out as straight-line code — the same operations in the same order,
/// so native and interpreted evaluation agree to the last bit. Used by `wean-codegen` (and so the
/// build-tool plugin) for the models shipped inside the package.
public enum SwiftCodeGenerator {
    /// The Swift source for `compiled`, as type `typeName`, embedding `source` (the `.wean` text)
    /// for its metadata.
    public static func generate(_ compiled: CompiledModel, typeName: String, source: String, fileName: String) -> String {
        var writer = Writer(compiled: compiled)
        return writer.file(typeName: typeName, source: source, fileName: fileName)
    }

    /// A Swift type name from a file name: `two_compartment_oral.wean` → `TwoCompartmentOralModel`.
    public static func typeName(forFile fileName: String) -> String {
        let stem = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let base = stem.hasSuffix(".wean") ? String(stem.dropLast(5)) : stem
        let words = base.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        var name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if name.isEmpty || name.first!.isNumber { name = "M" + name }
        return name + "Model"
    }
}

private struct Writer {
    let compiled: CompiledModel
    /// Where each hoisted register lives in the `hoisted` buffer.
    var hoistedSlot: [Int32: Int] = [:]
    let parameterBase: Int32
    let stateBase: Int32
    let stateEnd: Int32
    var constantValues: [Int32: Double] = [:]

    init(compiled: CompiledModel) {
        self.compiled = compiled
        let p = compiled.model.parameters.count, n = compiled.model.states.count
        parameterBase = 1
        stateBase = Int32(1 + p)
        stateEnd = Int32(1 + p + n)
        for (index, instruction) in compiled.parameterDependent.instructions.enumerated() {
            hoistedSlot[instruction.destination] = index
        }
        // Constants: registers past the states that no instruction writes.
        var written = Set(compiled.parameterDependent.instructions.map(\.destination))
        for program in [compiled.derivative, compiled.outputs, compiled.initial, compiled.jacobian] {
            written.formUnion(program.instructions.map(\.destination))
        }
        for byState in compiled.modifiers.values { for program in byState.values { written.formUnion(program.instructions.map(\.destination)) } }
        for register in Int(stateEnd)..<compiled.registerCount where !written.contains(Int32(register)) {
            constantValues[Int32(register)] = compiled.registerTemplate[register]
        }
    }

    /// How register `r` reads in generated code.
    func operand(_ r: Int32, local: Set<Int32>) -> String {
        if r == 0 { return "t" }
        if r < stateBase { return "p[\(r - parameterBase)]" }
        if r < stateEnd { return "y[\(r - stateBase)]" }
        if local.contains(r) { return "r\(r)" }
        if let slot = hoistedSlot[r] { return "h[\(slot)]" }
        if let value = constantValues[r] { return literal(value) }
        return "r\(r)"
    }

    func literal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            return "\(Int64(value)).0"
        }
        return "Double(bitPattern: 0x\(String(value.bitPattern, radix: 16)))"
    }

    func expression(_ i: Instruction, local: Set<Int32>) -> String {
        let a = operand(i.a, local: local), b = operand(i.b, local: local), c = operand(i.c, local: local)
        switch i.operation {
        case .add: return "\(a) + \(b)"
        case .subtract: return "\(a) - \(b)"
        case .multiply: return "\(a) * \(b)"
        case .divide: return "\(a) / \(b)"
        case .power: return "ModelMath.power(\(a), \(b))"
        case .square: return "\(a) * \(a)"
        case .negate: return "-\(a)"
        case .not: return "(\(a) == 0 ? 1.0 : 0.0)"
        case .less: return "(\(a) < \(b) ? 1.0 : 0.0)"
        case .lessOrEqual: return "(\(a) <= \(b) ? 1.0 : 0.0)"
        case .greater: return "(\(a) > \(b) ? 1.0 : 0.0)"
        case .greaterOrEqual: return "(\(a) >= \(b) ? 1.0 : 0.0)"
        case .equal: return "(\(a) == \(b) ? 1.0 : 0.0)"
        case .notEqual: return "(\(a) != \(b) ? 1.0 : 0.0)"
        case .and: return "((\(a) != 0 && \(b) != 0) ? 1.0 : 0.0)"
        case .or: return "((\(a) != 0 || \(b) != 0) ? 1.0 : 0.0)"
        case .exp: return "Foundation.exp(\(a))"
        case .log: return "Foundation.log(\(a))"
        case .log10: return "Foundation.log10(\(a))"
        case .sqrt: return "(\(a)).squareRoot()"
        case .abs: return "Swift.abs(\(a))"
        case .min: return "Swift.min(\(a), \(b))"
        case .max: return "Swift.max(\(a), \(b))"
        case .floor: return "(\(a)).rounded(.down)"
        case .ceil: return "(\(a)).rounded(.up)"
        case .sin: return "Foundation.sin(\(a))"
        case .cos: return "Foundation.cos(\(a))"
        case .select: return "(\(a) != 0 ? \(b) : \(c))"
        }
    }

    /// Straight-line code for a program's instructions, as `let rN = …` lines.
    func body(_ instructions: UnsafeBufferPointer<Instruction>, indent: String) -> (code: String, local: Set<Int32>) {
        var local: Set<Int32> = []
        var code = ""
        for instruction in instructions {
            code += "\(indent)let r\(instruction.destination) = \(expression(instruction, local: local))\n"
            local.insert(instruction.destination)
        }
        return (code, local)
    }

    mutating func file(typeName: String, source: String, fileName: String) -> String {
        let model = compiled.model
        let n = model.states.count
        var hashes = "#"
        while source.contains("\"\"\"" + hashes) || source.contains("\"" + hashes) { hashes += "#" }
        var out = """
        // Generated by wean-codegen from \(fileName). Do not edit: change the .wean file.
        // Research and education software, not medical advice.

        import Foundation
        import ModelLanguage
        import Solvers

        /// The model of `\(fileName)`, compiled to native code at build time (see `SwiftCodeGenerator`).
        /// States: \(model.states.map(\.name).joined(separator: ", ")). Parameters: \(model.parameters.map(\.name).joined(separator: ", ")).
        public final class \(typeName): ModelRuntime, @unchecked Sendable {
            /// The `.wean` text this type was generated from.
            public static let source = \(hashes)\"\"\"
        \(source.hasSuffix("\n") ? String(source.dropLast()) : source)
        \"\"\"\(hashes)

            /// The checked model (metadata); the text compiled when the package was built, so it checks here too.
            public static let checkedModel: Model = {
                switch ModelCompiler.check(source: source, file: \(quoted(fileName))) {
                case .success(let model): return model
                case .failure(let errors): preconditionFailure("generated model no longer checks: \\(errors)")
                }
            }()

            public let model: Model
            public let infusionRates: UnsafeMutableBufferPointer<Double>
            private let p: UnsafeMutablePointer<Double>
            private let h: UnsafeMutablePointer<Double>
            private var parametersChanged = true

            public init() {
                model = Self.checkedModel
                infusionRates = .allocate(capacity: \(n))
                infusionRates.initialize(repeating: 0)
                p = .allocate(capacity: \(max(1, model.parameters.count)))
                p.initialize(repeating: 0, count: \(max(1, model.parameters.count)))

        """
        for (i, parameter) in model.parameters.enumerated() {
            out += "        p[\(i)] = \(literal(parameter.defaultValue))  // \(parameter.name)\n"
        }
        let hoistedCount = compiled.parameterDependent.instructions.count
        out += """
                h = .allocate(capacity: \(max(1, hoistedCount)))
                h.initialize(repeating: 0, count: \(max(1, hoistedCount)))
            }

            deinit {
                infusionRates.deallocate()
                p.deallocate()
                h.deallocate()
            }

            public var dimension: Int { \(n) }
            public var providesJacobian: Bool { true }
            public var isAutonomous: Bool { \(!model.usesTime) }
            public var isLinear: Bool { \(compiled.isLinear) }
            public func componentName(_ index: Int) -> String { model.states[index].name }
            public func parameter(_ index: Int) -> Double { p[index] }

            public func setParameter(_ index: Int, to value: Double) {
                p[index] = value
                parametersChanged = true
            }

            @inline(__always)
            private func prepare() {
                guard parametersChanged else { return }
                parametersChanged = false

        """
        var hoistedLocal: Set<Int32> = []
        for instruction in compiled.parameterDependent.instructions {
            out += "        let r\(instruction.destination) = \(expression(instruction, local: hoistedLocal))\n"
            out += "        h[\(hoistedSlot[instruction.destination]!)] = r\(instruction.destination)\n"
            hoistedLocal.insert(instruction.destination)
        }
        out += "    }\n\n"

        // Right-hand side, on buffers and — for states of at most four components — on SIMD
        // lanes (see ODEProblem): the same straight-line code into `dydt` either way.
        var (code, local) = body(compiled.derivative.instructions, indent: "        ")
        var assignments = ""
        for (i, register) in compiled.derivative.results.enumerated() {
            assignments += "        dydt[\(i)] = \(operand(register, local: local)) + infusionRates[\(i)]\n"
        }
        out += """
            public func derivatives(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                prepare()

        """
        out += code + assignments + "        _ = t\n    }\n\n"
        if n <= 4 {
            out += """
                public var providesLaneDerivatives: Bool { true }

                public func derivatives(t: Double, lanes y: SIMD4<Double>) -> SIMD4<Double> {
                    prepare()

            """
            out += code + "        var dydt = SIMD4<Double>()\n" + assignments + "        _ = t\n        return dydt\n    }\n\n"
        }

        // Jacobian.
        out += """
            public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
                prepare()
                for k in 0..<matrix.count { matrix[k] = 0 }

        """
        (code, local) = body(compiled.jacobian.instructions, indent: "        ")
        out += code
        for (k, register) in compiled.jacobian.results.enumerated() {
            out += "        matrix[\(compiled.jacobianPositions[k])] = \(operand(register, local: local))\n"
        }
        out += "        _ = t\n    }\n\n"

        // Initial state.
        out += "    public func initialState() -> [Double] {\n        prepare()\n        let t = 0.0, y = [Double](repeating: 0, count: \(n))\n"
        (code, local) = body(compiled.initial.instructions, indent: "        ")
        out += code
        out += "        _ = (t, y)\n        return [\(compiled.initial.results.map { operand($0, local: local) }.joined(separator: ", "))]\n    }\n\n"

        // Outputs.
        out += """
            public func outputs(t: Double, y: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
                prepare()
                for i in 0..<\(n) { output[i] = y[i] }

        """
        (code, local) = body(compiled.outputs.instructions, indent: "        ")
        out += code
        for (k, register) in compiled.outputs.results.enumerated() {
            out += "        output[\(n + k)] = \(operand(register, local: local))\n"
        }
        out += "        _ = t\n    }\n\n"

        // Modifiers.
        out += "    public func modifier(_ kind: DosingModifier, state: Int, t: Double, y: UnsafeBufferPointer<Double>) -> Double? {\n        prepare()\n        _ = (t, y)\n        switch (kind, state) {\n"
        for kind in DosingModifier.allCases {
            for (state, program) in (compiled.modifiers[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out += "        case (.\(caseName(kind)), \(state)):\n"
                (code, local) = body(program.instructions, indent: "            ")
                out += code
                out += "            return \(operand(program.results[0], local: local))\n"
            }
        }
        out += "        default:\n            return nil\n        }\n    }\n}\n"
        return out
    }

    func caseName(_ kind: DosingModifier) -> String {
        switch kind {
        case .bioavailability: "bioavailability"
        case .lag: "lag"
        case .rate: "rate"
        case .duration: "duration"
        }
    }

    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
