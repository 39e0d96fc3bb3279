/// A checked model: what a `.wean` file declares, with names resolved — the intermediate
/// representation every later stage (the evaluator, the symbolic Jacobian, SBML export) reads.
public struct Model: Sendable {
    /// A parameter: a named constant with a default, changeable per simulation.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var defaultValue: Double
        /// Unit as written in brackets, if any.
        public var unit: String?
        /// The `#` comment on or above the declaration.
        public var documentation: String?
        public var location: SourceLocation
    }

    /// A state: a quantity with a derivative.
    public struct State: Sendable, Hashable {
        public var name: String
        public var derivative: ModelExpression
        /// Value at the start when no initial condition is given: 0.
        public var initialValue: ModelExpression
        public var location: SourceLocation
    }

    /// An assigned variable (intermediate or output).
    public struct Variable: Sendable, Hashable {
        public var name: String
        public var value: ModelExpression
        public var location: SourceLocation
    }

    /// A statement of the right-hand side, in the order written.
    public enum Step: Sendable, Hashable {
        case assign(variable: Int)
        case derivative(state: Int)
    }

    /// The model's file name, for messages.
    public var file: String
    public var parameters: [Parameter]
    public var states: [State]
    public var variables: [Variable]
    /// The order in which assignments and derivatives are evaluated.
    public var steps: [Step]
    /// Dosing modifiers by kind and state index.
    public var modifiers: [DosingModifier: [Int: ModelExpression]]

    /// Output names: states in declaration order, then assigned names in order (DESIGN.md §3).
    public var outputNames: [String] { states.map(\.name) + variables.map(\.name) }

    /// The index of the state called `name`.
    public func stateIndex(_ name: String) -> Int? { states.firstIndex { $0.name == name } }

    /// The index of the parameter called `name`.
    public func parameterIndex(_ name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    /// Whether the right-hand side uses `t`.
    public var usesTime: Bool {
        states.contains { $0.derivative.contains { $0 == .time } } || variables.contains { $0.value.contains { $0 == .time } }
    }
}
