import NameSuggestions
/// Resolves names and checks a parsed model, producing the ``Model`` IR or every error found:
/// undefined names (with the closest declared name suggested), duplicate definitions, use before
/// definition, assignment to a parameter or a state, modifiers and initial conditions on
/// non-states, unknown functions and wrong arity, non-constant parameter defaults, and initial
/// conditions that depend on states or time.
struct Checker {
    let file: String
    private(set) var errors: [(SourceLocation, String)] = []

    private var parameterIndex: [String: Int] = [:]
    private var stateIndex: [String: Int] = [:]
    /// Every assigned name with its index and location (whether defined yet or not).
    private var variableIndex: [String: (index: Int, location: SourceLocation)] = [:]
    private var defined: Set<String> = []

    init(file: String) {
        self.file = file
    }

    private mutating func error(_ location: SourceLocation, _ message: String) {
        errors.append((location, message))
    }

    /// Checks `statements`; `syntaxErrors` says whether the text had errors before this stage (then a
    /// missing state is likely one of them and is not reported again).
    mutating func check(_ statements: [(SyntaxStatement, SourceLocation)], syntaxErrors: Bool = false) -> Model? {
        var parameters: [Model.Parameter] = []
        var stateNames: [(String, SourceLocation)] = []
        var variableNames: [(String, SourceLocation)] = []

        // Pass 1: declarations.
        for (statement, _) in statements {
            switch statement {
            case let .parameter(name, location, _, unit, documentation):
                if name == "t" { error(location, "'t' is reserved for time and cannot be a parameter"); continue }
                if let existing = parameterIndex[name] {
                    error(location, "parameter '\(name)' is already declared at \(parameters[existing].location)")
                    continue
                }
                parameterIndex[name] = parameters.count
                parameters.append(Model.Parameter(name: name, defaultValue: .nan, unit: unit, documentation: documentation, location: location))
            case let .derivative(state, location, _):
                if state == "t" { error(location, "'t' is reserved for time and cannot be a state"); continue }
                if let existing = stateIndex[state] {
                    error(location, "d/dt(\(state)) is already defined at \(stateNames[existing].1)")
                    continue
                }
                stateIndex[state] = stateNames.count
                stateNames.append((state, location))
            case let .assignment(name, location, _):
                if variableIndex[name] == nil, name != "t" {
                    variableIndex[name] = (variableNames.count, location)
                    variableNames.append((name, location))
                }
            default:
                break
            }
        }
        for (name, location) in stateNames {
            if let p = parameterIndex[name] {
                error(location, "'\(name)' is declared as a parameter at \(parameters[p].location) and cannot also be a state")
            }
        }

        // Pass 2: resolve in the order written.
        var variables = variableNames.map { Model.Variable(name: $0.0, value: .constant(.nan), location: $0.1) }
        var derivatives = [ModelExpression?](repeating: nil, count: stateNames.count)
        var initialValues = [ModelExpression?](repeating: nil, count: stateNames.count)
        var initialLocations = [SourceLocation?](repeating: nil, count: stateNames.count)
        var modifiers: [DosingModifier: [Int: ModelExpression]] = [:]
        var modifierLocations: [DosingModifier: [Int: SourceLocation]] = [:]
        var steps: [Model.Step] = []
        var assignedAt: [String: SourceLocation] = [:]

        for (statement, _) in statements {
            switch statement {
            case let .parameter(name, location, value, _, _):
                guard let index = parameterIndex[name], parameters[index].location == location else { continue }
                parameters[index].defaultValue = constantValue(value, context: "the default of parameter '\(name)'")
            case let .assignment(name, location, value):
                if name == "t" { error(location, "'t' is time and cannot be assigned"); continue }
                if let p = parameterIndex[name] {
                    error(location, "cannot assign to parameter '\(name)' (declared at \(parameters[p].location)); set parameters with 'param' or --param")
                    continue
                }
                if stateIndex[name] != nil {
                    error(location, "cannot assign to state '\(name)'; write d/dt(\(name)) = … for its rate of change or \(name)(0) = … for its initial value")
                    continue
                }
                if let first = assignedAt[name] {
                    error(location, "'\(name)' is already assigned at \(first); each name is assigned once")
                    continue
                }
                let resolved = resolve(value)
                guard let index = variableIndex[name]?.index else { continue }
                variables[index].value = resolved
                assignedAt[name] = location
                defined.insert(name)
                steps.append(.assign(variable: index))
            case let .derivative(state, location, value):
                guard let index = stateIndex[state], stateNames[index].1 == location else { continue }
                derivatives[index] = resolve(value)
                steps.append(.derivative(state: index))
            case let .initialCondition(state, location, value):
                guard let index = stateIndex[state] else {
                    error(location, notAStateMessage(state, what: "'\(state)(0) = …' sets the initial value of a state"))
                    continue
                }
                if let first = initialLocations[index] {
                    error(location, "the initial value of '\(state)' is already set at \(first)")
                    continue
                }
                let resolved = resolve(value)
                if let offending = stateOrTimeDependency(resolved, variables: variables) {
                    error(value.location, "the initial value of '\(state)' depends on \(offending); initial values may use parameters, numbers and assignments of those only")
                }
                initialValues[index] = resolved
                initialLocations[index] = location
            case let .modifier(kind, state, location, value):
                guard let index = stateIndex[state] else {
                    error(location, notAStateMessage(state, what: "\(kind.rawValue)() applies to a dosing compartment, which must be a state"))
                    continue
                }
                if let first = modifierLocations[kind]?[index] {
                    error(location, "\(kind.rawValue)(\(state)) is already defined at \(first)")
                    continue
                }
                modifiers[kind, default: [:]][index] = resolve(value)
                modifierLocations[kind, default: [:]][index] = location
            }
        }

        if stateNames.isEmpty && errors.isEmpty && !syntaxErrors {
            error(SourceLocation(line: 1, column: 1), "the model declares no states; add one with d/dt(NAME) = …")
        }
        guard errors.isEmpty, !syntaxErrors else { return nil }
        let states = stateNames.indices.map { i in
            Model.State(name: stateNames[i].0, derivative: derivatives[i]!, initialValue: initialValues[i] ?? .constant(0), location: stateNames[i].1)
        }
        return Model(file: file, parameters: parameters, states: states, variables: variables, steps: steps, modifiers: modifiers)
    }

    private func notAStateMessage(_ name: String, what: String) -> String {
        let states = stateIndex.sorted { $0.value < $1.value }.map(\.key)
        var message = "\(what), but '\(name)' is not a state"
        if let suggestion = closest(to: name, among: states) { message += "; did you mean '\(suggestion)'?" }
        else if !states.isEmpty { message += " (states: \(states.joined(separator: ", ")))" }
        return message
    }

    /// The first state or `t` that `expression` depends on, directly or through variables.
    private func stateOrTimeDependency(_ expression: ModelExpression, variables: [Model.Variable]) -> String? {
        var found: String?
        var visited: Set<Int> = []
        func visit(_ e: ModelExpression) {
            _ = e.contains { node in
                guard found == nil else { return true }
                switch node {
                case .time: found = "time 't'"
                case .state(let i): found = "state '\(stateIndex.first { $0.value == i }?.key ?? "?")'"
                case .variable(let i):
                    if visited.insert(i).inserted { visit(variables[i].value) }
                default: break
                }
                return found != nil
            }
        }
        visit(expression)
        return found
    }

    /// Evaluates a parameter default, which must be a number or an arithmetic of numbers.
    private mutating func constantValue(_ expression: SyntaxExpression, context: String) -> Double {
        var nonConstant: (String, SourceLocation)?
        func fold(_ e: SyntaxExpression) -> ModelExpression {
            switch e {
            case .number(let v, _): return .constant(v)
            case .name(let n, let l):
                if nonConstant == nil { nonConstant = (n, l) }
                return .constant(.nan)
            case .unary(let op, let a, _): return .unary(op == "!" ? .not : .negate, fold(a))
            case .binary(let op, let a, let b, _): return .binary(BinaryOperator(rawValue: op) ?? .add, fold(a), fold(b))
            case .call(let n, let args, let l):
                guard let f = BuiltinFunction(rawValue: n), f.arity == args.count else {
                    if nonConstant == nil { nonConstant = (n + "(…)", l) }
                    return .constant(.nan)
                }
                return .call(f, args.map(fold))
            }
        }
        let folded = fold(expression)
        if let (name, location) = nonConstant {
            error(location, "\(context) must be a number, found '\(name)'")
            return .nan
        }
        let value = ExpressionFolding.evaluateConstant(folded)
        if !value.isFinite { error(expression.location, "\(context) is \(value); a finite number is needed") }
        return value
    }

    /// Resolves names and functions in `expression`, recording errors.
    private mutating func resolve(_ expression: SyntaxExpression) -> ModelExpression {
        switch expression {
        case .number(let value, _):
            return .constant(value)
        case let .name(name, location):
            if name == "t" { return .time }
            if let p = parameterIndex[name] { return .parameter(p) }
            if let s = stateIndex[name] { return .state(s) }
            if let v = variableIndex[name] {
                if defined.contains(name) { return .variable(v.index) }
                error(location, "'\(name)' is used before its definition at \(v.location); assignments run in the order written")
                return .constant(.nan)
            }
            if BuiltinFunction(rawValue: name) != nil {
                error(location, "'\(name)' is a function; call it as \(BuiltinFunction(rawValue: name)!.signature)")
                return .constant(.nan)
            }
            var message = "undefined name '\(name)'"
            let candidates = Array(parameterIndex.keys) + Array(stateIndex.keys) + Array(defined) + ["t"]
            if let suggestion = closest(to: name, among: candidates) { message += "; did you mean '\(suggestion)'?" }
            error(location, message)
            return .constant(.nan)
        case let .unary(op, operand, _):
            return .unary(op == "!" ? .not : .negate, resolve(operand))
        case let .binary(op, a, b, _):
            return .binary(BinaryOperator(rawValue: op)!, resolve(a), resolve(b))
        case let .call(name, arguments, location):
            let resolvedArguments = arguments.map { resolve($0) }
            guard let function = BuiltinFunction(rawValue: name) else {
                if parameterIndex[name] != nil || stateIndex[name] != nil || variableIndex[name] != nil || name == "t" {
                    error(location, "'\(name)' is not a function; functions are \(BuiltinFunction.allCases.map(\.rawValue).joined(separator: ", "))")
                } else {
                    var message = "unknown function '\(name)'"
                    if let suggestion = closest(to: name, among: BuiltinFunction.allCases.map(\.rawValue)) {
                        message += "; did you mean '\(suggestion)'?"
                    } else {
                        message += "; functions are \(BuiltinFunction.allCases.map(\.rawValue).joined(separator: ", "))"
                    }
                    error(location, message)
                }
                return .constant(.nan)
            }
            guard arguments.count == function.arity else {
                let plural = function.arity == 1 ? "argument" : "arguments"
                error(location, "'\(name)' takes \(function.arity) \(plural), as in \(function.signature); found \(arguments.count)")
                return .constant(.nan)
            }
            return .call(function, resolvedArguments)
        }
    }
}

/// The declared name closest to `name` — edit distance at most a third of its length (at least
/// 1, at most 2) — or one differing only in letter case.
func closest(to name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in Set(candidates) {
        if candidate.lowercased() == name.lowercased() { return candidate }
        let distance = editDistance(name, candidate)
        if distance <= min(2, max(1, name.count / 3)), distance < name.count, best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true {
            best = (candidate, distance)
        }
    }
    return best?.0
}

